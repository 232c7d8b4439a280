// The benchmark's generator makes varied articles that the real reader reads. It runs here on the project's
// own text (the sample articles and the articles written for the tests), never on ../shared's corpus, which
// only the benchmark itself reads.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFile } from "../../src/archive/read.ts";
import { generateArchive } from "../../bench/generate.ts";
import { buildQueries } from "../../bench/queries.ts";
import { tempDir } from "../helpers/tmp.ts";

/** Source text that is in every clone. */
const SOURCES = ["data/articles", "tests/fixtures/newsroom"];

describe("bench/generate", () => {
  const dir = tempDir("newsbot-bench-");
  const manifest = generateArchive(dir, 50, { seed: 3, sources: SOURCES, maxSourceFiles: 300 });
  const files = readdirSync(join(dir, "articles"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".jsonl"));

  it("writes articles the archive reader reads", () => {
    expect(files).toHaveLength(1);
    const read = readArticleFile(join(dir, "articles", files[0]), files[0]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.problems).toEqual([]);
    expect(read.articles).toHaveLength(50);
    for (const a of read.articles) {
      expect(a.title).not.toBe("");
      expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.paragraphs.length).toBeGreaterThanOrEqual(2);
    }
    // Varied: no two bodies alike, many distinct people and numbers.
    const bodies = read.articles.map((a) => a.paragraphs.join("\n"));
    expect(new Set(bodies).size).toBe(50);
    const numbers = new Set(bodies.join(" ").match(/\d[\d,.]*\d|\d/g) ?? []);
    expect(numbers.size).toBeGreaterThan(50);
    expect(manifest.people.length).toBeGreaterThan(30);
    expect(new Set(manifest.people.map((p) => p.name.split(" ").at(-1))).size).toBeGreaterThan(20);
  });

  it("is deterministic for a seed, different for another", () => {
    const again = generateArchive(tempDir("newsbot-bench-"), 50, { seed: 3, sources: SOURCES, maxSourceFiles: 300 });
    const other = generateArchive(tempDir("newsbot-bench-"), 50, { seed: 4, sources: SOURCES, maxSourceFiles: 300 });
    expect(again.people).toEqual(manifest.people);
    expect(other.people).not.toEqual(manifest.people);
  });

  it("builds queries of every kind from the archive", () => {
    const queries = buildQueries(manifest, 5);
    const kinds = new Set(queries.map((q) => `${q.command}:${q.kind}`));
    for (const k of ["quote:surname", "quote:typo", "quote:acronym", "quote:topic", "figure:topic", "who:fullname", "autocomplete:prefix"])
      expect(kinds).toContain(k);
    expect(queries.every((q) => q.query.trim() !== "")).toBe(true);
  });
});

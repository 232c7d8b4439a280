// `newsbot extract` starts from a compiled copy of the command line (bin/compiled.js, issue 18: a 2 MB paragraph
// in under 2 s, start-up included). The copy must say exactly what the sources say, and must never run once a
// source differs from what it was built from: `npx newsbot` runs the code that is checked out.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error a plain JavaScript module of bin/, without types
import { build, freshBuild } from "../../bin/compiled.js";

const ARTICLES = ["tests/fixtures/newsroom/business/brewery.txt", "tests/fixtures/newsroom/business/jobs.txt"].map((f) => resolve(f));
let dir: string;

beforeAll(async () => {
  // Beside the real one, where the packages it leaves out of the bundle are found.
  dir = resolve(`node_modules/.cache/newsbot-test-${process.pid}`);
  await (build as (dir: string) => Promise<void>)(dir);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (d: string, root?: string) => (freshBuild as (dir: string, root?: string) => string | null)(d, root);

/** `newsbot extract --json` run by the command line module at `url` (with tsx registered for the sources). */
function extractWith(url: string, tsx: boolean): string {
  const script = `${tsx ? `(await import("tsx/esm/api")).register();` : ""}
    const { main } = await import(${JSON.stringify(url)});
    process.exitCode = await main(["extract", "--json", ...${JSON.stringify(ARTICLES)}]);`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 60_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("the compiled start of newsbot extract", () => {
  it("is used only while built from the sources checked out", () => {
    expect(fresh(dir)).toBe(pathToFileURL(join(dir, "cli.mjs")).href);
    // The sources it lists are the command line's and the extractor's own.
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { sources: Record<string, string> };
    expect(Object.keys(manifest.sources)).toEqual(expect.arrayContaining(["src/cli.ts", "src/extract/index.ts", "src/extract/quotes.ts", "bin/compiled.js"]));
    // One source changed since the build: the sources run instead.
    const changed = { ...manifest, sources: { ...manifest.sources, "src/extract/quotes.ts": "0".repeat(40) } };
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(changed));
    expect(fresh(dir)).toBeNull();
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
    expect(fresh(dir)).not.toBeNull();
    // A checkout that lacks a listed source, or no build at all.
    expect(fresh(dir, mkdtempSync(join(tmpdir(), "newsbot-empty-checkout-")))).toBeNull();
    expect(fresh(join(dir, "missing"))).toBeNull();
  });

  it("extracts exactly what the sources extract", () => {
    const compiled = extractWith(fresh(dir)!, false);
    const sources = extractWith(pathToFileURL(resolve("src/cli.ts")).href, true);
    expect(JSON.parse(compiled).articles.length).toBe(2);
    expect(compiled).toContain('"quotes"');
    expect(compiled).toBe(sources);
  }, 60_000);
});

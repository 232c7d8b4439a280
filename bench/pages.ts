// `node bin/run-ts.js bench/pages.ts`: how faithfully each page reader gets a story out of the page shapes in
// tests/fixtures/reading/pages (a CMS article, a live blog, a paywalled teaser, a gallery), against the
// paragraphs a person would call the story (tests/fixtures/reading-pages.json): ours (src/archive/formats/page.ts) and
// @mozilla/readability (Firefox's reader view) on a linkedom DOM. Per page: paragraphs found exactly, paragraphs
// that are not the story (captions, prompts, boxes), title, date and byline; and the median time per page.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlParagraphs } from "../src/archive/formats/html-text.ts";
import { parseDate } from "../src/archive/formats/fields.ts";
import { fromHtml } from "../src/archive/read.ts";

const DIR = resolve("tests/fixtures/reading/pages");
type Expected = { title: string; date: string | null; byline: string | null; paragraphs: string[] };
const expected = JSON.parse(readFileSync(resolve("tests/fixtures/reading-pages.json"), "utf8")) as Record<string, Expected>;
type Got = { title: string | null; date: string | null; byline: string | null; paragraphs: string[] };

const readers: Record<string, (html: string, name: string) => Got> = {
  ours(html, name) {
    const r = fromHtml(html, name);
    if (!r.ok) return { title: null, date: null, byline: null, paragraphs: [] };
    const a = r.articles[0];
    return { title: a.title, date: a.date, byline: a.byline, paragraphs: a.paragraphs };
  },
  readability(html) {
    const { document } = parseHTML(html) as { document: unknown };
    // linkedom's document stands in for the browser DOM Readability was written for.
    const a = new Readability(document).parse();
    return {
      title: a?.title ?? null,
      date: parseDate(a?.publishedTime ?? undefined),
      byline: a?.byline ?? null,
      paragraphs: a?.content ? htmlParagraphs(a.content) : [],
    };
  },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: string[] = [
  "| page | reader | story paragraphs found | not-story paragraphs | title | date | byline | median ms |",
  "|---|---|---|---|---|---|---|---|",
];
const totals: Record<string, { found: number; of: number; extra: number; meta: number }> = {};
for (const [page, want] of Object.entries(expected)) {
  const html = readFileSync(join(DIR, page), "utf8");
  for (const [name, read] of Object.entries(readers)) {
    const got = read(html, page);
    const found = want.paragraphs.filter((p) => got.paragraphs.includes(p)).length;
    const extra = got.paragraphs.filter((p) => !want.paragraphs.includes(p));
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      read(html, page);
      times.push(performance.now() - t);
    }
    const ok = (a: unknown, b: unknown) => (a === b ? "✓" : `✗ ${JSON.stringify(a)}`);
    const t = (totals[name] ??= { found: 0, of: 0, extra: 0, meta: 0 });
    t.found += found;
    t.of += want.paragraphs.length;
    t.extra += extra.length;
    t.meta += [got.title === want.title, got.date === want.date, got.byline === want.byline].filter(Boolean).length;
    rows.push(
      `| ${page} | ${name} | ${found}/${want.paragraphs.length} | ${extra.length}${extra.length ? ` (${extra.map((e) => JSON.stringify(e.slice(0, 40))).join(", ")})` : ""} | ${ok(got.title, want.title)} | ${ok(got.date, want.date)} | ${ok(got.byline, want.byline)} | ${median(times).toFixed(2)} |`,
    );
  }
}
console.log(rows.join("\n"));
console.log();
for (const [name, t] of Object.entries(totals)) {
  console.log(
    `${name}: ${t.found}/${t.of} story paragraphs, ${t.extra} paragraphs that are not the story, ${t.meta}/${Object.keys(expected).length * 3} title/date/byline right`,
  );
}

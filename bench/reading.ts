// `node bin/run-ts.js bench/reading.ts [--files 300]`: what reading costs per article, for the wire formats
// (ninjs, NITF, NewsML-G2), a feed file and a page, against extraction of the same articles in the same run
// (the stage reading must stay far below). Files are made from the fixtures in tests/fixtures/reading, each
// with a paragraph repeated to make a longer story and its words varied per copy. Then the whole pipeline:
// the same stories as .txt, ninjs and NITF folders ingested through syncFolder into SQLite (medians of
// --runs), so that what reading a wire format costs shows where it counts: articles indexed per second.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readArticleFile } from "../src/archive/read.ts";
import { syncFolder } from "../src/archive/ingest.ts";
import { openSqliteStore } from "../src/archive/sqlite/store.ts";
import { extractArticle } from "../src/extract/index.ts";
import { memoryLogger } from "../src/log.ts";

const { values } = parseArgs({ args: process.argv.slice(2), options: { files: { type: "string", default: "300" }, runs: { type: "string", default: "3" } } });
const FILES = Number(values.files);
const FIXTURES = resolve("tests/fixtures/reading");
const dir = mkdtempSync(join(tmpdir(), "newsbot-reading-bench-"));

// Each kind: a fixture, and the paragraph element that is repeated to make a full-length story.
const kinds: { name: string; file: string; ext: string; grow: (text: string, i: number) => string }[] = [
  {
    name: "ninjs 1.x",
    file: "ninjs-1.json",
    ext: "json",
    grow: (t, i) => t.replace(/(<p>The harbour tunnel[^<]*<\/p>)/, (p) => p.repeat(12).replace(/Tuesday/g, `Tuesday ${i}`)),
  },
  {
    name: "ninjs 2.x",
    file: "ninjs-2.json",
    ext: "json",
    grow: (t, i) => t.replace(/(<p>The city orchestra[^<]*<\/p>)/, (p) => p.repeat(12).replace(/season/g, `season ${i}`)),
  },
  {
    name: "NITF",
    file: "story.nitf",
    ext: "nitf",
    grow: (t, i) => t.replace(/(<p>A flood wall[^<]*<\/p>)/, (p) => p.repeat(14).replace(/Friday/g, `Friday ${i}`)),
  },
  {
    name: "NewsML-G2 item",
    file: "g2-item.xml",
    ext: "xml",
    grow: (t, i) => t.replace(/(<p>The national museum[^<]*<\/p>)/, (p) => p.repeat(14).replace(/summer/g, `summer ${i}`)),
  },
  {
    name: "NewsML-G2 package (3 items)",
    file: "g2-package.xml",
    ext: "xml",
    grow: (t, i) => t.replace(/(<p>Turnout in the regional[^<]*<\/p>)/, (p) => p.repeat(14).replace(/record/g, `record ${i}`)),
  },
  {
    name: "RSS feed file (2 items)",
    file: "entities.rss",
    ext: "rss",
    grow: (t, i) => t.replace(/(&lt;p&gt;The budget sets aside[^&]*&lt;\/p&gt;)/, (p) => p.repeat(14).replace(/parks/g, `parks ${i}`)),
  },
  {
    name: "HTML page (CMS article)",
    file: "pages/cms-article.html",
    ext: "html",
    grow: (t, i) => t.replace(/(<p>Opponents say[^<]*<\/p>)/, (p) => p.repeat(8).replace(/judicial/g, `judicial ${i}`)),
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [
  "| format | files | articles | words per article | read: median ms per article | extract: median ms per article | read / extract |",
  "|---|---|---|---|---|---|---|",
];
try {
  for (const kind of kinds) {
    const source = readFileSync(join(FIXTURES, kind.file), "utf8");
    const paths: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const path = join(dir, `${kind.file.replace(/\W/g, "-")}-${i}.${kind.ext}`);
      writeFileSync(path, kind.grow(source, i));
      paths.push(path);
    }
    const read: number[] = [];
    const extract: number[] = [];
    let articles = 0;
    let words = 0;
    for (const path of paths) {
      const t0 = performance.now();
      const r = readArticleFile(path, path);
      const t1 = performance.now();
      if (!r.ok) throw new Error(`${kind.name}: ${r.reason}`);
      read.push((t1 - t0) / r.articles.length);
      const t2 = performance.now();
      for (const a of r.articles) extractArticle(a);
      extract.push((performance.now() - t2) / r.articles.length);
      articles += r.articles.length;
      words += r.articles.reduce((n, a) => n + a.paragraphs.join(" ").split(/\s+/).length, 0);
    }
    // The first tenth warms the JIT up and is left out.
    const warm = Math.floor(FILES / 10);
    const r = median(read.slice(warm));
    const e = median(extract.slice(warm));
    rows.push(`| ${kind.name} | ${FILES} | ${articles} | ${Math.round(words / articles)} | ${r.toFixed(3)} | ${e.toFixed(3)} | ${(r / e).toFixed(2)} |`);
  }
  console.log(rows.join("\n"));
  await ingestion(join(dir, "ingest"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The same stories in three formats, each folder ingested `--runs` times into a fresh archive. */
async function ingestion(root: string) {
  const story = (i: number) => [
    `The harbour tunnel number ${i} opened to traffic on Tuesday, two years behind schedule.`,
    "“It was worth the wait for every driver in the city,” said Tobias Lindqvist, the commissioner.",
    `The tunnel cost £${840 + i}m, against a budget of £610m.`,
    "Engineers said the tunnel would carry 40,000 vehicles a day once traffic settles, more than the old ferry carried in a month.",
  ];
  const write: Record<string, (i: number, p: string[]) => [string, string]> = {
    txt: (i, p) => [`a${i}.txt`, `Harbour tunnel ${i}\n\n${p.join("\n\n")}\n`],
    ninjs: (i, p) => [
      `a${i}.json`,
      JSON.stringify({
        uri: `urn:bench:${i}`,
        type: "text",
        version: "1",
        versioncreated: "2026-03-10T08:15:00Z",
        byline: "By Priya Natarajan",
        headline: `Harbour tunnel ${i}`,
        body_html: p.map((x) => `<p>${x.replace("£", "&pound;")}</p>`).join(""),
      }),
    ],
    nitf: (i, p) => [
      `a${i}.nitf`,
      `<?xml version="1.0"?><nitf><head><docdata><doc-id id-string="b-${i}"/><date.issue norm="20260313T101500Z"/></docdata></head><body><body.head><hedline><hl1>Harbour tunnel ${i}</hl1></hedline><byline>By <person>Declan Murphy</person></byline></body.head><body.content>${p.map((x) => `<p>${x.replace("£", "&#163;")}</p>`).join("")}</body.content></body></nitf>`,
    ],
  };
  const out = ["| format | files | ingest: median s | articles per second | ratio to .txt |", "|---|---|---|---|---|"];
  let txt = 0;
  for (const [kind, make] of Object.entries(write)) {
    const folder = join(root, kind);
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < FILES; i++) {
      const [name, text] = make(i, story(i));
      writeFileSync(join(folder, name), text);
    }
    const seconds: number[] = [];
    for (let run = 0; run < Number(values.runs); run++) {
      const store = openSqliteStore(join(root, `${kind}-${run}.db`));
      const t = performance.now();
      const report = await syncFolder(store, folder, { log: memoryLogger() });
      seconds.push((performance.now() - t) / 1000);
      await store.close();
      if (report.added !== FILES) throw new Error(`${kind}: ${report.added} of ${FILES} indexed`);
    }
    const s = median(seconds);
    if (kind === "txt") txt = s;
    out.push(`| ${kind} | ${FILES} | ${s.toFixed(2)} | ${Math.round(FILES / s)} | ${(s / txt).toFixed(2)} |`);
  }
  console.log(`\n${out.join("\n")}`);
}

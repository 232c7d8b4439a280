// Extraction speed on the BBC corpus: CPU milliseconds per article for the extractor in this checkout, beside a
// baseline extractor (src/extract at another git revision, default HEAD~ on main's history) measured in the same
// run, on the same articles, interleaved pass by pass so that machine load falls on both alike.
//
//   node bin/run-ts.js bench/extract.ts [--baseline REV] [--passes 7] [--corpus ../shared/corpus/bbc]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { readArticleFile } from "../src/archive/read.ts";
import { extractArticle } from "../src/extract/index.ts";
import type { ArticleText, Extraction } from "../src/extract/types.ts";

const { values } = parseArgs({
  options: {
    baseline: { type: "string", default: "main" },
    passes: { type: "string", default: "7" },
    corpus: { type: "string", default: "../shared/corpus/bbc" },
  },
});

const articles = readCorpus(resolve(values.corpus!));
const baseline = await loadBaseline(values.baseline!);
const passes = Number(values.passes);
const times = { current: [] as number[], baseline: [] as number[] };
for (let pass = 0; pass < passes; pass++) {
  // Alternate which goes first, so neither always runs on a warmer machine.
  const order = pass % 2 === 0 ? (["current", "baseline"] as const) : (["baseline", "current"] as const);
  for (const which of order) times[which].push(cpuMsPerArticle(which === "current" ? extractArticle : baseline));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cur = median(times.current);
const base = median(times.baseline);
console.log(`${articles.length} articles, ${passes} passes each`);
console.log(`current:  ${cur.toFixed(3)} CPU-ms per article (median; passes ${times.current.map((t) => t.toFixed(3)).join(", ")})`);
console.log(`baseline (${values.baseline}): ${base.toFixed(3)} CPU-ms per article (median; passes ${times.baseline.map((t) => t.toFixed(3)).join(", ")})`);
console.log(`ratio current / baseline: ${(cur / base).toFixed(2)}`);

function cpuMsPerArticle(extract: (a: ArticleText) => Extraction): number {
  const start = process.cpuUsage();
  for (const a of articles) extract(a);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / articles.length;
}

function readCorpus(root: string): ArticleText[] {
  const out: ArticleText[] = [];
  for (const section of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(root, section.name))) {
      const read = readArticleFile(join(root, section.name, file), file);
      if (read.ok) out.push(...read.articles);
    }
  }
  return out;
}

/** The extractor at another revision, written out of git into a temporary folder and imported from there. */
async function loadBaseline(rev: string): Promise<(a: ArticleText) => Extraction> {
  const dir = mkdtempSync(join(tmpdir(), "newsbot-extract-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const files = execFileSync("git", ["ls-tree", "--name-only", `${rev}:src/extract`], { encoding: "utf8" }).split("\n").filter((f) => f.endsWith(".ts"));
  mkdirSync(join(dir, "extract"));
  writeFileSync(join(dir, "package.json"), `{ "type": "module" }`);
  for (const f of files) writeFileSync(join(dir, "extract", f), execFileSync("git", ["show", `${rev}:src/extract/${f}`]));
  const mod = (await import(pathToFileURL(join(dir, "extract", "index.ts")).href)) as { extractArticle: (a: ArticleText) => Extraction };
  return mod.extractArticle;
}

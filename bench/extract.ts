// Extraction speed on the BBC corpus: CPU milliseconds per article for the extractor in this checkout, beside a
// baseline extractor (src/extract at another git revision, default HEAD~ on main's history) measured in the same
// run, on the same articles, interleaved pass by pass so that machine load falls on both alike.
//
//   node bin/run-ts.js bench/extract.ts [--baseline REV] [--passes 7] [--corpus ../shared/corpus/bbc]
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { extractArticle } from "../src/extract/index.ts";
import type { ArticleText, Extraction } from "../src/extract/types.ts";
import { loadBaseline, readCorpus } from "./extract-baseline.ts";

const { values } = parseArgs({
  options: {
    baseline: { type: "string", default: "main" },
    passes: { type: "string", default: "7" },
    corpus: { type: "string", default: "../shared/corpus/bbc" },
  },
});

const articles = readCorpus(resolve(values.corpus));
const baseline = await loadBaseline(values.baseline);
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

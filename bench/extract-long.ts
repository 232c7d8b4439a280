// Extraction of one very long paragraph (issue 18: a long transcript must not stall ingestion): CPU milliseconds
// per megabyte for a paragraph of 1 MB and of 2 MB made of the BBC corpus's paragraphs joined end to end, for the
// extractor in this checkout beside a baseline extractor (src/extract at another git revision, default main)
// measured in the same run, interleaved pass by pass. Linear extraction costs the same per megabyte at both
// sizes; the stages of this checkout's extractor are shown too, to say where the time goes.
//
//   node bin/run-ts.js bench/extract-long.ts [--baseline REV] [--passes 3] [--corpus ../shared/corpus/bbc]
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { findAcronyms } from "../src/extract/acronyms.ts";
import { findFigures } from "../src/extract/figures.ts";
import { extractArticle } from "../src/extract/index.ts";
import { readParagraphs } from "../src/extract/paragraphs.ts";
import { findPeople } from "../src/extract/people.ts";
import { findQuotes } from "../src/extract/quotes.ts";
import type { ArticleText, Extraction } from "../src/extract/types.ts";
import { loadBaseline, readCorpus } from "./extract-baseline.ts";

const { values } = parseArgs({
  options: {
    baseline: { type: "string", default: "main" },
    passes: { type: "string", default: "3" },
    corpus: { type: "string", default: "../shared/corpus/bbc" },
  },
});

const MB = 1 << 20;
const paragraphs = readCorpus(resolve(values.corpus)).flatMap((a) => a.paragraphs);
const baseline = await loadBaseline(values.baseline);
const passes = Number(values.passes);
console.log(`one paragraph of BBC corpus paragraphs joined (${paragraphs.length} to draw from), ${passes} passes each; CPU-ms per MB, median`);
for (const megabytes of [1, 2]) {
  const article: ArticleText = { title: "A long transcript", paragraphs: [joined(megabytes * MB)] };
  const times = { current: [] as number[], baseline: [] as number[] };
  for (let pass = 0; pass < passes; pass++) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    const order = pass % 2 === 0 ? (["current", "baseline"] as const) : (["baseline", "current"] as const);
    for (const which of order) times[which].push(cpuMs(() => (which === "current" ? extractArticle : baseline)(article)) / megabytes);
  }
  const [cur, base] = [median(times.current), median(times.baseline)];
  console.log(`${megabytes} MB  current: ${cur.toFixed(0)} ms/MB (passes ${times.current.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`${megabytes} MB  baseline (${values.baseline}): ${base.toFixed(0)} ms/MB (passes ${times.baseline.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`${megabytes} MB  ratio current / baseline: ${(cur / base).toFixed(2)}`);
  console.log(`${megabytes} MB  current by stage, ms/MB: ${stages(article, megabytes)}`);
}

/** The corpus's paragraphs in a scattered but fixed order, joined by spaces up to `length` characters. */
function joined(length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const p = paragraphs[(i * 7919) % paragraphs.length];
    parts.push(p);
    size += p.length + 1;
  }
  return parts.join(" ").slice(0, length);
}

function stages(article: ArticleText, megabytes: number): string {
  const out: string[] = [];
  let last = process.cpuUsage();
  const lap = (stage: string) => {
    const used = process.cpuUsage(last);
    out.push(`${stage} ${((used.user + used.system) / 1000 / megabytes).toFixed(0)}`);
    last = process.cpuUsage();
  };
  const read = readParagraphs(article);
  const acronyms = findAcronyms(article);
  lap("sentences+acronyms");
  const people = findPeople(article, read);
  lap("people");
  findQuotes(article, people, read);
  lap("quotes");
  findFigures(article, people, read, acronyms);
  lap("figures");
  return out.join(", ");
}

function cpuMs(f: () => Extraction | void): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

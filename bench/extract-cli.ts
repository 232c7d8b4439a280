// `newsbot extract` on one 2 MB single-paragraph article (issue 18: it must finish in under 2 s), as a user runs
// it: the whole command, start-up included, for this checkout beside a baseline (bin/, src/ and commands/ of
// another git revision, default main, written out of git into a temporary folder), interleaved pass by pass.
// The article is the BBC corpus's paragraphs joined end to end up to the largest article newsbot reads. Wall
// and CPU seconds (user + system, from /usr/bin/time), medians, and the machine's load average, which the wall
// figures depend on; a tiny article gives the start-up alone.
//
//   node bin/run-ts.js bench/extract-cli.ts [--baseline REV] [--passes 5] [--corpus ../shared/corpus/bbc]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MAX_ARTICLE_BYTES } from "../src/archive/read.ts";
import { readCorpus } from "./extract-baseline.ts";

const { values } = parseArgs({
  options: {
    baseline: { type: "string", default: "main" },
    passes: { type: "string", default: "5" },
    corpus: { type: "string", default: "../shared/corpus/bbc" },
  },
});

const dir = mkdtempSync(join(tmpdir(), "newsbot-extract-cli-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

const long = join(dir, "transcript.txt");
writeFileSync(long, article(readCorpus(resolve(values.corpus)).flatMap((a) => a.paragraphs)));
const tiny = join(dir, "tiny.txt");
writeFileSync(tiny, "A headline\n\n“It is one sentence,” said Ann Smith.\n");

const baseline = join(dir, "baseline");
execFileSync("bash", ["-c", `mkdir -p "${baseline}" && git archive "${values.baseline}" bin src commands package.json | tar -x -C "${baseline}"`]);
symlinkSync(resolve("node_modules"), join(baseline, "node_modules"));
const bins = { current: resolve("bin/newsbot.js"), baseline: join(baseline, "bin/newsbot.js") };

const passes = Number(values.passes);
console.log(
  `newsbot extract, ${passes} passes each, medians; load average at start ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
for (const [what, file] of [
  ["2 MB single paragraph", long],
  ["tiny article (start-up)", tiny],
] as const) {
  const runs = { current: [] as Run[], baseline: [] as Run[] };
  for (let pass = 0; pass < passes; pass++) {
    // Alternate which goes first, so neither always runs on a warmer machine.
    const order = pass % 2 === 0 ? (["current", "baseline"] as const) : (["baseline", "current"] as const);
    for (const which of order) runs[which].push(run(bins[which], file));
  }
  const cur = { wall: median(runs.current.map((r) => r.wall)), cpu: median(runs.current.map((r) => r.cpu)) };
  const base = { wall: median(runs.baseline.map((r) => r.wall)), cpu: median(runs.baseline.map((r) => r.cpu)) };
  console.log(`${what}  current:  ${cur.wall.toFixed(2)} s wall, ${cur.cpu.toFixed(2)} s CPU (walls ${runs.current.map((r) => r.wall.toFixed(2)).join(", ")})`);
  console.log(
    `${what}  baseline (${values.baseline}): ${base.wall.toFixed(2)} s wall, ${base.cpu.toFixed(2)} s CPU (walls ${runs.baseline.map((r) => r.wall.toFixed(2)).join(", ")})`,
  );
  console.log(`${what}  ratio current / baseline: wall ${(cur.wall / base.wall).toFixed(2)}, CPU ${(cur.cpu / base.cpu).toFixed(2)}`);
}
console.log(
  `load average at end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);

interface Run {
  wall: number;
  cpu: number;
}

/** One `newsbot extract FILE` (output thrown away), timed by /usr/bin/time. */
function run(bin: string, file: string): Run {
  const times = join(dir, "times");
  const r = spawnSync("/usr/bin/time", ["-o", times, "-f", "%e %U %S", process.execPath, bin, "extract", file], { stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`newsbot extract failed (${r.status}): ${String(r.stderr)}`);
  const [wall, user, sys] = readFileSync(times, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { wall, cpu: user + sys };
}

/** The corpus's paragraphs in a scattered but fixed order, joined by spaces into one paragraph of the largest article size. */
function article(paragraphs: string[]): string {
  const head = "A long transcript\n\n";
  const room = MAX_ARTICLE_BYTES - Buffer.byteLength(head) - 1;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < room; i++) {
    const p = paragraphs[(i * 7919) % paragraphs.length];
    parts.push(p);
    size += Buffer.byteLength(p) + 1;
  }
  let body = parts.join(" ");
  // Cut to the byte limit on a character boundary.
  while (Buffer.byteLength(body) > room) body = body.slice(0, body.length - Math.max(1, Math.floor((Buffer.byteLength(body) - room) / 4)));
  return `${head}${body}\n`;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

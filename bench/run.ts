// `npm run bench [-- --sizes 10000,100000] [--per-kind 40] [--baseline-seconds 20] [--budget-minutes 40] [--store sqlite|postgres]`
// `--store postgres` measures the PostgreSQL store on the same archives: on `--database-url` (a server where
// databases may be created), else on an embedded server started for the run (tests/helpers/postgres.ts).
// For each size: generate the archive (bench/out/N, reused when already generated with the same settings),
// ingest it through the real openBot/syncFolder in a fresh process, time a cold `newsbot ask` against it,
// answer the query set in-process and run the fuse.js baseline on the same queries, then write
// bench/RESULTS.md (from every size measured so far, bench/out/N/result.json) and print the table.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDatabase, startPostgres, type RunningPostgres } from "../tests/helpers/postgres.ts";
import { existingArchive, generateArchive } from "./generate.ts";
import { COMMANDS, coldOf, coldText, label, ms, n, pct, pkg, sqliteVersion, type Result } from "./results.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    sizes: { type: "string", default: "10000,100000,1000000" },
    "per-kind": { type: "string", default: "40" },
    "baseline-seconds": { type: "string", default: "20" },
    "budget-minutes": { type: "string", default: "40" },
    "reuse-ingest": { type: "boolean", default: true },
    fresh: { type: "boolean", default: false },
    // Other engineers edit src/extract during the run; a changed extractor makes a start re-extract the whole
    // archive. By default the archive is marked current before a cold start is timed (see RESULTS.md).
    "pin-extractor": { type: "boolean", default: true },
    store: { type: "string", default: "sqlite" },
    "database-url": { type: "string" },
  },
});
const store = values.store as "sqlite" | "postgres";
if (store !== "sqlite" && store !== "postgres") throw new Error(`--store sqlite|postgres, not ${values.store}`);
/** Files of a store's measurement beside the archive: result.json for SQLite, result-postgres.json… */
const suffix = store === "sqlite" ? "" : `-${store}`;
const sizes = values.sizes.split(",").map((s) => Number(s.replace(/_/g, ""))).filter((n) => n > 0).sort((a, b) => a - b);
const root = process.cwd();
const out = resolve(root, "bench/out");

/** Where the archive of the current size lives for the store under test (worker arguments and newsbot's environment). */
let storeArgs: string[] = [];
let storeEnv: Record<string, string> = {};

function worker(args: string[]): unknown {
  // The query worker also holds the baseline (fuse.js over every quote and figure: 4M + 3M records at 1M
  // articles), which outgrows Node's default 4 GB heap; newsbot's own RSS is read before the baseline loads.
  const heap = args[0] === "query" ? ["--max-old-space-size=14336"] : [];
  const r = spawnSync(process.execPath, [...heap, "bin/run-ts.js", "bench/worker.ts", ...args, ...storeArgs], { cwd: root, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`worker ${args[0]} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
}

function fileMB(path: string): number {
  let bytes = 0;
  for (const p of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(p)) bytes += statSync(p).size;
  return bytes / 1024 / 1024;
}

function coldStart(dir: string, query: string): { seconds: number; rssMB: number } {
  const env = { ...process.env, ...storeEnv, NEWSBOT_ARTICLES: join(dir, "articles"), NEWSBOT_LOG_LEVEL: "error" };
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "RSS_KB=%M", process.execPath, "bin/newsbot.js", "ask", query, "--json"], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`cold start failed: ${r.stderr.slice(-1000)}`);
  const rss = Number(/RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  return { seconds, rssMB: Math.round(rss) };
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const deadline = Date.now() + Number(values["budget-minutes"]) * 60_000;
let cpuRate = 0; // articles per CPU-second, from the last ingestion
const skippedSizes: string[] = [];
let server: RunningPostgres | null = null;
const pgSize = async (url: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>("SELECT pg_database_size(current_database()) AS n")).rows[0].n) / 1024 / 1024;
  } finally {
    await c.end();
  }
};

for (const size of sizes) {
  const dir = join(out, String(size));
  const db = join(dir, "archive.db");
  const resultFile = join(dir, `result${suffix}.json`);
  let databaseUrl: string | null = null;
  if (store === "postgres") {
    // A fresh database per size and run: the PostgreSQL archive is always ingested by this run.
    if (!values["database-url"] && !server) server = await startPostgres();
    databaseUrl = await createDatabase(values["database-url"] ?? server!.url, `bench_${size}`);
    storeArgs = ["--store", "postgres", "--database-url", databaseUrl];
    storeEnv = { NEWSBOT_DATABASE_URL: databaseUrl };
  } else {
    storeArgs = ["--store", "sqlite"];
    storeEnv = { NEWSBOT_DB: db };
  }
  if (cpuRate > 0) {
    // Ingestion is most of a size's time: skip a size that cannot finish in the time left.
    const estimate = size / cpuRate / 60;
    const left = (deadline - Date.now()) / 60_000;
    if (!existingArchive(dir, size) || store !== "sqlite" || !existsSync(join(dir, "ingest.json"))) {
      if (estimate > left) {
        const msg = `${size.toLocaleString("en")}: skipped — ingestion would take about ${estimate.toFixed(0)} CPU-minutes (measured ${cpuRate.toFixed(0)} articles per CPU-second), ${left.toFixed(0)} minutes of budget left`;
        log(msg);
        skippedSizes.push(msg);
        continue;
      }
    }
  }
  let manifest = values.fresh ? null : existingArchive(dir, size);
  if (!manifest) {
    log(`${size}: generating…`);
    const t = performance.now();
    manifest = generateArchive(dir, size);
    log(`${size}: generated ${manifest.files} files, ${manifest.people.length} people in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  // The ingestion measurement is kept with the archive (ingest.json): rerunning queries does not re-ingest.
  let ingest: Result["ingest"] & { stats: Result["stats"] };
  const ingestFile = join(dir, `ingest${suffix}.json`);
  if (store === "sqlite" && values["reuse-ingest"] && !values.fresh && existsSync(ingestFile) && existsSync(db)) {
    ingest = { ...(JSON.parse(readFileSync(ingestFile, "utf8")) as typeof ingest), reused: true };
    log(`${size}: reusing the ingestion measured earlier (${ingestFile})`);
  } else {
    if (store === "sqlite") for (const p of [db, `${db}-wal`, `${db}-shm`]) rmSync(p, { force: true });
    log(`${size}: ingesting into ${store}…`);
    ingest = { ...(worker(["ingest", dir, db]) as Omit<typeof ingest, "reused">), reused: false };
    writeFileSync(ingestFile, JSON.stringify(ingest));
  }
  cpuRate = ingest.stats.articles / ingest.cpuSeconds;
  log(`${size}: ingested ${ingest.stats.articles} articles in ${ingest.seconds.toFixed(0)} s (${ingest.cpuSeconds.toFixed(0)} CPU-s)`);

  const probe = manifest.people[0].name.split(" ").at(-1)!.toLowerCase();
  const cold = { seconds: [] as number[], rssMB: [] as number[], reextracted: [] as boolean[] };
  let pinned = false;
  for (let i = 0; i < 3; i++) {
    // The archive is re-extracted when src/extract changed since it was built (other engineers edit it while
    // the benchmark runs): such a start is flagged and left out of the cold-start figure.
    let stale = (worker(["pin", dir, db, ...(values["pin-extractor"] ? ["--write"] : [])]) as { stale: boolean }).stale;
    if (stale && values["pin-extractor"]) {
      stale = false;
      pinned = true;
    }
    const c = coldStart(dir, `/quote ${probe}`);
    cold.seconds.push(c.seconds);
    cold.rssMB.push(c.rssMB);
    cold.reextracted.push(stale);
  }
  if (pinned) log(`${size}: src/extract changed since ingestion; the archive's extractor version was pinned to the current one so the cold start times a start, not a re-extraction`);
  log(`${size}: cold start ${cold.seconds.map((s) => s.toFixed(2)).join(", ")} s`);

  log(`${size}: querying…`);
  const query = worker(["query", dir, db, "--per-kind", values["per-kind"], "--baseline-seconds", values["baseline-seconds"]]) as Result["query"];
  const result: Result = {
    size, store, when: new Date().toISOString(), loadavg: loadavg(), stats: ingest.stats, ingest,
    dbMB: databaseUrl ? await pgSize(databaseUrl) : fileMB(db), cold, query,
  };
  writeFileSync(resultFile, JSON.stringify(result));
}
if (server) await server.stop();

// ---- report ----
// Every store measured so far; the targets are read from the SQLite (default) store's results.
const allResults: Result[] = readdirSync(out)
  .filter((d) => /^\d+$/.test(d))
  .flatMap((d) => readdirSync(join(out, d)).filter((f) => /^result(-\w+)?\.json$/.test(f)).map((f) => join(out, d, f)))
  .map((f) => ({ store: "sqlite" as const, ...(JSON.parse(readFileSync(f, "utf8")) as Result) }))
  .sort((a, b) => a.size - b.size || (a.store === "sqlite" ? -1 : 1));
const results = allResults.filter((r) => r.store === "sqlite");

const lines: string[] = [];
lines.push("# newsbot benchmark results", "");
lines.push("Generated by `npm run bench` (bench/run.ts). Archives are generated from real BBC text (bench/generate.ts): paragraphs of");
lines.push("articles of one section recombined, people renamed from given names × surnames harvested from the corpus (half");
lines.push("Zipf, half uniform over a cast of max(2,000, N/4) people), every number moved.", "");
lines.push(`- Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}`);
lines.push(`- Packages: better-sqlite3 ${pkg(root, "better-sqlite3")} (SQLite ${sqliteVersion()}), fuse.js ${pkg(root, "fuse.js")}, tsx ${pkg(root, "tsx")}`);
lines.push("- **The 2 cores were shared with other engineers' test runs** (load average at each measurement in the last column): absolute");
lines.push("  times are inflated and noisy; CPU-seconds and the ratios to the baseline (same process, same queries) are the steadier figures.", "");

lines.push("## Archive, ingestion, start, memory", "");
lines.push("| articles | quotes | figures | people | ingest wall (s) | ingest art/s (wall) | art/s per CPU-s | DB (MB) | cold start `newsbot ask` (s, median) | peak RSS ingest / query / cold (MB) | load avg |");
lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of allResults) {
  lines.push(`| ${label(r)} | ${n(r.stats.quotes)} | ${n(r.stats.figures)} | ${n(r.stats.people)} | ${r.ingest.seconds.toFixed(0)} | ${n(r.stats.articles / r.ingest.seconds)} | ${n(r.stats.articles / r.ingest.cpuSeconds)} | ${n(r.dbMB)} | ${coldText(r)} | ${r.ingest.rssMB} / ${r.query.oursRssMB} / ${Math.max(...r.cold.rssMB)} | ${r.loadavg.map((x) => x.toFixed(1)).join(" ")} |`);
}
lines.push("");
lines.push("## Latency in-process (ms): newsbot vs fuse.js baseline on the same queries", "");
lines.push("Baseline: fuse.js (threshold 0.4, ignoreLocation) over every quote's speaker + text for /quote, every figure's sentence +");
lines.push("measure for /figure, every quote's speaker for /who and autocomplete; built once, not timed per query. It runs a time");
lines.push("budget per command, so at large sizes it is **sampled**: n queries, the first of the same interleaved list (every kind).");
lines.push("Ratio = newsbot median / baseline median, both over that same sample. /search has no baseline (fuse over every article body");
lines.push("is not a serious contender and would take the whole budget).", "");
lines.push("Wall = elapsed time (includes waiting for a core on the shared machine); CPU = the process's CPU time for the query.", "");
lines.push("| articles | command | n | median | p99 | CPU median | CPU p99 | max | baseline n | baseline median | baseline p99 | ratio (ours/baseline, wall medians) | speed-up |");
lines.push("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
const ratios = new Map<string, number>();
for (const r of allResults) {
  for (const c of COMMANDS) {
    const ours = r.query.ours.filter((t) => t.command === c).map((t) => t.ms);
    const base = r.query.baseline.filter((t) => t.command === c);
    // ours[i] answers the i-th query of the list; the baseline records which ones it ran.
    const sampleOurs = base.map((b) => r.query.ours[b.index!].ms);
    const ratio = base.length ? pct(sampleOurs, 50) / pct(base.map((b) => b.ms), 50) : NaN;
    if (!Number.isNaN(ratio) && (r.store ?? "sqlite") === "sqlite") ratios.set(`${r.size}/${c}`, ratio);
    const cpu = r.query.ours.filter((t) => t.command === c && t.cpuMs !== undefined).map((t) => t.cpuMs!);
    lines.push(`| ${label(r)} | ${c === "autocomplete" ? "autocomplete (suggest)" : "/" + c} | ${ours.length} | ${ms(pct(ours, 50))} | ${ms(pct(ours, 99))} | ${ms(pct(cpu, 50))} | ${ms(pct(cpu, 99))} | ${ms(Math.max(...ours))} | ${base.length || "—"} | ${ms(pct(base.map((b) => b.ms), 50))} | ${ms(pct(base.map((b) => b.ms), 99))} | ${Number.isNaN(ratio) ? "—" : ratio.toFixed(4)} | ${Number.isNaN(ratio) ? "—" : (1 / ratio).toFixed(0) + "×"} |`);
  }
}
lines.push("");
lines.push("### p99 by query kind (ms)", "");
const kinds = ["surname", "typo", "acronym", "topic", "fullname", "prefix"];
lines.push(`| articles | command | ${kinds.join(" | ")} |`);
lines.push(`|---:|---|${kinds.map(() => "---:").join("|")}|`);
for (const r of allResults) {
  for (const c of COMMANDS) {
    const cells = kinds.map((k) => ms(pct(r.query.ours.filter((t) => t.command === c && t.kind === k).map((t) => t.ms), 99)));
    lines.push(`| ${label(r)} | ${c} | ${cells.join(" | ")} |`);
  }
}
lines.push("");
lines.push("### Slowest queries (largest archive)", "");
const largest = results.at(-1);
if (largest) {
  for (const t of [...largest.query.ours].sort((a, b) => b.ms - a.ms).slice(0, 8)) lines.push(`- ${ms(t.ms)} ms: ${t.command === "autocomplete" ? "autocomplete" : "/" + t.command} “${t.query}” (${t.kind})`);
}
lines.push("");

// Targets of issue 6
const at = (size: number) => results.find((r) => r.size === size);
const p99Of = (r: Result | undefined, c: string) => (r ? pct(r.query.ours.filter((t) => t.command === c).map((t) => t.ms), 99) : NaN);
const measuredP99 = (c: string) => results.map((r) => `${n(r.size)}: ${ms(p99Of(r, c))} ms wall, ${ms(pct(r.query.ours.filter((t) => t.command === c && t.cpuMs !== undefined).map((t) => t.cpuMs!), 99))} ms CPU`).join("; ");
const big = at(1_000_000);
const mid = at(100_000);
const fmt = (x: number, unit: string) => (Number.isNaN(x) ? "not measured" : `${ms(x)} ${unit}`);
const targets: [string, string, boolean | null][] = [
  ["1M /quote p99 ≤ 50 ms", big ? fmt(p99Of(big, "quote"), "ms") : `not measured at 1M (${measuredP99("quote")})`, big ? p99Of(big, "quote") <= 50 : null],
  ["1M /figure p99 ≤ 50 ms", big ? fmt(p99Of(big, "figure"), "ms") : `not measured at 1M (${measuredP99("figure")})`, big ? p99Of(big, "figure") <= 50 : null],
  ["1M autocomplete p99 ≤ 20 ms", big ? fmt(p99Of(big, "autocomplete"), "ms") : `not measured at 1M (${measuredP99("autocomplete")})`, big ? p99Of(big, "autocomplete") <= 20 : null],
  ["≥ 100× faster than baseline at 100k (/quote, /figure)", mid ? ["quote", "figure"].map((c) => `/${c} ${ratios.has(`100000/${c}`) ? (1 / ratios.get(`100000/${c}`)!).toFixed(0) + "×" : "—"}`).join(", ") : "not measured",
    mid ? ["quote", "figure"].every((c) => (ratios.get(`100000/${c}`) ?? 1) <= 0.01) : null],
  ["ingestion ≥ 1,000 articles/s", results.map((r) => `${n(r.size)}: ${n(r.stats.articles / r.ingest.seconds)} wall, ${n(r.stats.articles / r.ingest.cpuSeconds)} per CPU-s`).join("; "),
    results.length ? results.every((r) => r.stats.articles / r.ingest.seconds >= 1000) : null],
  ["cold start ≤ 5 s at 1M", big ? `${coldText(big)} s` : `not measured at 1M (${results.map((r) => `${n(r.size)}: ${coldText(r)} s`).join("; ")})`, big ? coldOf(big) <= 5 : null],
  ["RSS ≤ 2 GB at 1M", big ? `${Math.max(big.ingest.rssMB, big.query.oursRssMB, ...big.cold.rssMB)} MB` : `not measured at 1M (${results.map((r) => `${n(r.size)}: ${Math.max(r.ingest.rssMB, r.query.oursRssMB, ...r.cold.rssMB)} MB`).join("; ")})`, big ? Math.max(big.ingest.rssMB, big.query.oursRssMB, ...big.cold.rssMB) <= 2048 : null],
];
lines.push("## Targets of issue 6", "");
lines.push("| target | measured | status |", "|---|---|---|");
// A 1M target that a smaller archive already misses (every figure here grows with the archive) is missed.
const overAlready: Record<number, boolean> = {
  0: results.some((r) => p99Of(r, "quote") > 50),
  1: results.some((r) => p99Of(r, "figure") > 50),
  2: results.some((r) => p99Of(r, "autocomplete") > 20),
  5: results.some((r) => coldOf(r) > 5),
  6: results.some((r) => Math.max(r.ingest.rssMB, r.query.oursRssMB) > 2048),
};
targets.forEach(([t, m, ok], i) => {
  const status = ok === null ? (overAlready[i] ? "**missed** (already over the 1M target at a smaller size; 1M not run)" : "not measured (1M not run; projection and causes below)") : ok ? "met" : "**missed**";
  lines.push(`| ${t} | ${m} | ${status} |`);
});
lines.push("");
if (skippedSizes.length) lines.push("Sizes skipped in the last run:", "", ...skippedSizes.map((s) => `- ${s}`), "");
const analysis = join(root, "bench/ANALYSIS.md");
if (existsSync(analysis)) lines.push(readFileSync(analysis, "utf8"));
writeFileSync(join(root, "bench/RESULTS.md"), lines.join("\n") + "\n");
process.stdout.write(lines.filter((l) => l.startsWith("|") || l.startsWith("#")).join("\n") + "\n");
log("wrote bench/RESULTS.md");

// `npm run bench [-- --sizes 10000,100000] [--per-kind 40] [--baseline-seconds 20] [--budget-minutes 40] [--store sqlite|postgres] [--per-file 1]`
// `--store postgres` measures the PostgreSQL store on the same archives: on `--database-url` (a server where
// databases may be created), else on an embedded server started for the run (tests/helpers/postgres.ts).
// For each size: generate the archive (bench/out/N, reused when already generated with the same settings),
// ingest it through the real openBot/syncFolder in a fresh process, time a cold `newsbot ask` against it,
// answer the query set in-process and run the fuse.js baseline on the same queries, answer queries while 100
// files arrive in the watched folder (`live`), then write bench/RESULTS.md (report.ts, from every size
// measured so far, bench/out/N/result.json). `--per-file 1`: a folder of one file per article (bench/out/N-files).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDatabase, startPostgres, type RunningPostgres } from "../tests/helpers/postgres.ts";
import { existingArchive, generateArchive } from "./generate.ts";
import { writeReport } from "./report.ts";
import type { Result } from "./results.ts";

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
    "per-file": { type: "string", default: "1000" },
    live: { type: "boolean", default: true },
    "database-url": { type: "string" },
  },
});
const store = values.store as "sqlite" | "postgres";
if (store !== "sqlite" && store !== "postgres") throw new Error(`--store sqlite|postgres, not ${values.store}`);
/** Files of a store's measurement beside the archive: result.json for SQLite, result-postgres.json… */
const suffix = store === "sqlite" ? "" : `-${store}`;
const sizes = values.sizes
  .split(",")
  .map((s) => Number(s.replace(/_/g, "")))
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const root = process.cwd();
const out = resolve(root, "bench/out");

/** Where the archive of the current size lives for the store under test (worker arguments and newsbot's environment). */
let storeArgs: string[] = [];
let storeEnv: Record<string, string> = {};

function worker(args: string[]): unknown {
  // The query worker also holds the baseline (fuse.js over every quote and figure: 4M + 3M records at 1M
  // articles), which outgrows Node's default 4 GB heap; newsbot's own RSS is read before the baseline loads.
  const heap = args[0] === "query" ? ["--max-old-space-size=14336"] : [];
  const r = spawnSync(process.execPath, [...heap, "bin/run-ts.js", "bench/worker.ts", ...args, ...storeArgs], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
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
  const r = spawnSync("/usr/bin/time", ["-f", "RSS_KB=%M", process.execPath, "bin/newsbot.js", "ask", query, "--json"], {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
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

const perFile = Number(values["per-file"]);
for (const size of sizes) {
  const dir = join(out, perFile === 1 ? `${size}-files` : String(size));
  const db = join(dir, "archive.db");
  const resultFile = join(dir, `result${suffix}.json`);
  let databaseUrl: string | null = null;
  if (store === "postgres") {
    // A fresh database per size and run: the PostgreSQL archive is always ingested by this run.
    if (!values["database-url"] && !server) server = await startPostgres();
    databaseUrl = await createDatabase(values["database-url"] ?? server!.url, `bench_${size}${perFile === 1 ? "_files" : ""}`);
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
    if (!existingArchive(dir, size, perFile) || store !== "sqlite" || !existsSync(join(dir, "ingest.json"))) {
      if (estimate > left) {
        const msg = `${size.toLocaleString("en")}: skipped — ingestion would take about ${estimate.toFixed(0)} CPU-minutes (measured ${cpuRate.toFixed(0)} articles per CPU-second), ${left.toFixed(0)} minutes of budget left`;
        log(msg);
        skippedSizes.push(msg);
        continue;
      }
    }
  }
  let manifest = values.fresh ? null : existingArchive(dir, size, perFile);
  if (!manifest) {
    log(`${size}: generating…`);
    const t = performance.now();
    manifest = generateArchive(dir, size, { perFile });
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
    ingest = { ...(worker(["ingest", dir, db]) as Omit<typeof ingest, "reused" | "loadavg">), reused: false, loadavg: loadavg() };
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
  if (pinned)
    log(
      `${size}: src/extract changed since ingestion; the archive's extractor version was pinned to the current one so the cold start times a start, not a re-extraction`,
    );
  log(`${size}: cold start ${cold.seconds.map((s) => s.toFixed(2)).join(", ")} s`);
  const coldLoad = loadavg();

  log(`${size}: querying…`);
  const query = worker(["query", dir, db, "--per-kind", values["per-kind"], "--baseline-seconds", values["baseline-seconds"]]) as Result["query"];
  const queryLoad = loadavg();
  let live: Result["live"];
  if (values.live) {
    log(`${size}: answering while ${100} files arrive…`);
    live = { ...(worker(["live", dir, db]) as NonNullable<Result["live"]>), loadavg: loadavg() };
    log(`${size}: live sync: answers p99 ${live.during.p99.toFixed(0)} ms, max ${live.during.max.toFixed(0)} ms`);
  }
  const result: Result = {
    size,
    store,
    perFile,
    when: new Date().toISOString(),
    loadavg: queryLoad,
    stats: ingest.stats,
    ingest,
    dbMB: databaseUrl ? await pgSize(databaseUrl) : fileMB(db),
    cold: { ...cold, loadavg: coldLoad },
    query,
    live,
  };
  writeFileSync(resultFile, JSON.stringify(result));
}
if (server) await server.stop();

writeReport(out, root, skippedSizes);
log("wrote bench/RESULTS.md");

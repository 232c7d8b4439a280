// One measurement in its own process, so its peak RSS is its own: `ingest` indexes a generated folder through
// the real openBot/syncFolder; `query` answers the query set in-process, then runs the fuse.js baseline on
// the same queries; `live` answers a query every 50 ms while 100 new files arrive in the watched folder;
// `pin` marks the archive's extraction as current (see run.ts). Prints one JSON line (the last line of
// stdout). `--store sqlite` (default: DB is the SQLite file) or `--store postgres --database-url URL`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import Fuse from "fuse.js";
import pg from "pg";
import { extractorVersion, syncFolder, type SyncReport } from "../src/archive/ingest.ts";
import { watchArticles } from "../src/archive/watch.ts";
import { openStore } from "../src/archive/open.ts";
import { loadConfig } from "../src/config.ts";
import { openBot, type Bot } from "../src/core.ts";
import { logger } from "../src/log.ts";
import { buildQueries, type BenchQuery, type Spoken } from "./queries.ts";
import { freshArticles, type Manifest } from "./generate.ts";

const [mode, dir, db, ...rest] = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};

const text = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};
const store = text("store") ?? "sqlite";
const databaseUrl = text("database-url");
if (store !== "sqlite" && store !== "postgres") throw new Error(`--store sqlite|postgres, not ${store}`);
if (store === "postgres" && !databaseUrl) throw new Error("--store postgres needs --database-url");

const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The environment that points newsbot at the archive under test. */
function archiveEnv(): Record<string, string> {
  const env: Record<string, string> = { NEWSBOT_ARTICLES: join(dir, "articles"), NEWSBOT_LOG_LEVEL: "error" };
  if (store === "postgres") env.NEWSBOT_DATABASE_URL = databaseUrl!;
  else env.NEWSBOT_DB = db;
  return env;
}

function config() {
  return loadConfig({ env: archiveEnv(), cwd: process.cwd() });
}

async function open(sync: boolean): Promise<Bot> {
  return openBot(config(), { log: logger("error"), sync });
}

/** Marks the archive's extraction as the current rules' (run.ts: a cold start times a start, not a re-extraction). */
async function pin() {
  const s = await openStore(config(), logger("error"));
  const stored = await s.getMeta("extractor");
  const current = extractorVersion();
  if (stored !== current && rest.includes("--write")) await s.setMeta("extractor", current);
  await s.close();
  return { stored, current, stale: stored !== current };
}

/** Every quote and figure of the archive, for the baseline. */
async function records(): Promise<{ quotes: { speaker: string | null; text: string }[]; figures: { sentence: string; measure: string }[] }> {
  if (store === "postgres") {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const quotes = (await client.query<{ speaker: string | null; text: string }>("SELECT speaker, text FROM quotes ORDER BY id")).rows;
      const figures = (await client.query<{ sentence: string; measure: string }>("SELECT sentence, measure FROM figures ORDER BY id")).rows;
      return { quotes, figures };
    } finally {
      await client.end();
    }
  }
  const sqlite = new Database(db, { readonly: true });
  try {
    return {
      quotes: sqlite.prepare("SELECT speaker, text FROM quotes").all() as { speaker: string | null; text: string }[],
      figures: sqlite.prepare("SELECT sentence, measure FROM figures").all() as { sentence: string; measure: string }[],
    };
  } finally {
    sqlite.close();
  }
}

async function ingest() {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const bot = await open(true);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const stats = await bot.store.stats();
  await bot.close();
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, stats, rssMB: rssMB() };
}

export interface Timing {
  command: string;
  kind: string;
  query: string;
  ms: number;
  cpuMs?: number;
}

async function run(bot: Bot, q: BenchQuery): Promise<void> {
  if (q.command === "autocomplete") await bot.suggest("quote", q.query);
  else {
    const command = q.command === "quote-on" ? "quote" : q.command;
    const reply = await bot.handle({ command, query: q.query, platform: "cli" });
    if (reply.status === "error") throw new Error(`/${q.command} ${q.query} failed`);
  }
}

/** The 100 most written-about people with long words of their newest quotes (person-on-topic queries that find something). */
async function spokenBy(bot: Bot, m: Manifest): Promise<Spoken[]> {
  const out: Spoken[] = [];
  for (const p of m.people.slice(0, 100)) {
    const hits = await bot.store.quotesBy([p.name], 5);
    const words = [...new Set(hits.flatMap((h) => h.quote.text.toLowerCase().match(/\p{L}{6,}/gu) ?? []))];
    if (words.length) out.push({ name: p.name, words });
  }
  return out;
}

async function query() {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  const t0 = performance.now();
  const bot = await open(false);
  const openSeconds = (performance.now() - t0) / 1000;
  const queries = buildQueries(manifest, opt("per-kind", 40), opt("seed", 7), await spokenBy(bot, manifest));
  // Warm-up: a few queries of each command, not measured (JIT, SQLite page cache).
  for (const q of queries.filter((_, i) => i % 25 === 0)) await run(bot, q);
  const ours: Timing[] = [];
  for (const q of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    await run(bot, q);
    const ms = performance.now() - t;
    const cpu = process.cpuUsage(c);
    // CPU time too: on a shared machine wall time includes waiting for a core.
    ours.push({ command: q.command, kind: q.kind, query: q.query, ms, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  const oursRss = rssMB();
  await bot.close();

  // The baseline: fuse.js over every quote (speaker + text) and every figure, on the same queries, within a
  // time budget per command (sampled: the first queries of the same interleaved list).
  const budgetMs = opt("baseline-seconds", 20) * 1000;
  // --baseline-seconds 0: our side only (a quick look at a change on a large archive; RESULTS.md needs the baseline).
  if (budgetMs === 0)
    return {
      openSeconds,
      ours,
      oursRssMB: oursRss,
      baseline: [],
      baselineBuildSeconds: 0,
      baselineSkipped: ["all"],
      baselineRecords: { quotes: 0, figures: 0 },
    };
  const tb = performance.now();
  const { quotes, figures } = await records();
  const fuseQuotes = new Fuse(quotes, { keys: ["speaker", "text"], ignoreLocation: true, threshold: 0.4, includeScore: true });
  const fuseFigures = new Fuse(figures, { keys: ["sentence", "measure"], ignoreLocation: true, threshold: 0.4, includeScore: true });
  const fuseSpeakers = new Fuse(quotes, { keys: ["speaker"], ignoreLocation: true, threshold: 0.4, includeScore: true });
  const baselineBuildSeconds = (performance.now() - tb) / 1000;
  const engines: Record<string, Fuse<unknown>> = {
    quote: fuseQuotes,
    figure: fuseFigures,
    search: fuseQuotes,
    who: fuseSpeakers,
    autocomplete: fuseSpeakers,
  } as Record<string, Fuse<unknown>>;
  const baseline: (Timing & { index: number })[] = [];
  const skipped: string[] = [];
  for (const command of Object.keys(engines)) {
    if (command === "search" && opt("baseline-search", 0) === 0) {
      skipped.push(command);
      continue;
    }
    const start = performance.now();
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i];
      if (q.command !== command) continue;
      if (performance.now() - start > budgetMs) break;
      const c = process.cpuUsage();
      const t = performance.now();
      engines[command].search(q.query, { limit: 10 });
      const ms = performance.now() - t;
      const cpu = process.cpuUsage(c);
      baseline.push({ index: i, command, kind: q.kind, query: q.query, ms, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  }
  return {
    openSeconds,
    ours,
    oursRssMB: oursRss,
    baseline,
    baselineBuildSeconds,
    baselineSkipped: skipped,
    baselineRecords: { quotes: quotes.length, figures: figures.length },
    rssAfterBaselineMB: rssMB(),
  };
}

/** Files dropped into the watched folder at once, and how often a query is asked meanwhile. */
const LIVE_FILES = 100;
const EVERY_MS = 50;

/**
 * The longest an answer waits while files arrive: the bot (no start-up sync) watches the folder as
 * `newsbot start` does; a query is due every 50 ms (latency counts from when it was due, so time the event
 * loop was blocked counts too); 100 new one-article files are written at once; measured from the first
 * file written to the end of the sync that indexed the last. The files are removed again afterwards.
 */
async function live() {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  const queries = buildQueries(manifest, opt("per-kind", 40), opt("seed", 7));
  const bot = await open(false);
  const syncs: { at: number; report: SyncReport }[] = [];
  const sync = async () => {
    const report = await bot.sync();
    syncs.push({ at: performance.now(), report });
    return report;
  };
  const watcher = watchArticles(join(dir, "articles"), sync, logger("error"));
  await watcher.ready;
  const folder = join(dir, "articles", `live-${Date.now()}`);
  // Made before the clock starts: generating them reads the whole source corpus.
  const files = freshArticles(LIVE_FILES, 99).map((a) => JSON.stringify(a));
  const asked: { due: number; ms: number }[] = [];
  let stop = false;
  const loop = (async () => {
    const start = performance.now();
    for (let k = 0; !stop; k++) {
      const due = start + k * EVERY_MS;
      const wait = due - performance.now();
      // Behind time, the next query goes at once, but after the event loop's other work (the watcher's events,
      // the sync): the answers are SQLite calls that never wait for I/O, so awaiting them alone never yields, and
      // the timer that drops the files (and the sync itself) would wait until the loop stops, as at 100k (a query
      // over 50 ms under load: the files were never written in 10 minutes). A real request is its own event too.
      await new Promise((r) => (wait > 0 ? setTimeout(r, wait) : setImmediate(r)));
      await run(bot, queries[k % queries.length]);
      asked.push({ due, ms: performance.now() - due });
    }
  })();
  await new Promise((r) => setTimeout(r, 2000));
  const dropped = performance.now();
  mkdirSync(folder, { recursive: true });
  files.forEach((a, i) => writeFileSync(join(folder, `story-${i}.json`), a));
  const added = () => syncs.filter((s) => s.at > dropped).reduce((n, s) => n + s.report.added, 0);
  const deadline = Date.now() + 600_000;
  while (added() < LIVE_FILES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const indexed = performance.now();
  await new Promise((r) => setTimeout(r, 1000));
  stop = true;
  await loop;
  await watcher.stop();
  // The archive goes back to what it was: at 10k the 100 files are most of the folder's 110, and a sync that
  // would remove most of the archive's files waits for a confirmation (it held back, and every later sync with
  // it, so a second run added nothing in its 10 minutes).
  rmSync(folder, { recursive: true, force: true });
  await syncFolder(bot.store, join(dir, "articles"), { log: logger("error"), confirmRemoval: true });
  await bot.close();
  const during = asked
    .filter((a) => a.due >= dropped && a.due <= indexed)
    .map((a) => a.ms)
    .sort((x, y) => x - y);
  const before = asked
    .filter((a) => a.due < dropped)
    .map((a) => a.ms)
    .sort((x, y) => x - y);
  const p = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? NaN;
  return {
    files: LIVE_FILES,
    indexedSeconds: (indexed - dropped) / 1000,
    added: added(),
    syncs: syncs.filter((s) => s.at > dropped).length,
    during: { n: during.length, p50: p(during, 0.5), p99: p(during, 0.99), max: during.at(-1) ?? NaN },
    before: { n: before.length, p50: p(before, 0.5), p99: p(before, 0.99), max: before.at(-1) ?? NaN },
  };
}

const result = mode === "ingest" ? await ingest() : mode === "pin" ? await pin() : mode === "live" ? await live() : await query();
process.stdout.write("\n" + JSON.stringify(result) + "\n");

// One measurement in its own process, so its peak RSS is its own: `ingest` indexes a generated folder through
// the real openBot/syncFolder; `query` answers the query set in-process, then runs the fuse.js baseline on
// the same queries. Prints one JSON line (the last line of stdout).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import Fuse from "fuse.js";
import { loadConfig } from "../src/config.ts";
import { openBot, type Bot } from "../src/core.ts";
import { logger } from "../src/log.ts";
import { buildQueries, type BenchQuery } from "./queries.ts";
import type { Manifest } from "./generate.ts";

const [mode, dir, db, ...rest] = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};

const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function open(sync: boolean): Promise<Bot> {
  const config = loadConfig({ env: { NEWSBOT_DB: db, NEWSBOT_ARTICLES: join(dir, "articles"), NEWSBOT_LOG_LEVEL: "error" }, cwd: process.cwd() });
  return openBot(config, { log: logger("error"), sync });
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
    const reply = await bot.handle({ command: q.command, query: q.query, platform: "cli" });
    if (reply.status === "error") throw new Error(`/${q.command} ${q.query} failed`);
  }
}

async function query() {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  const queries = buildQueries(manifest, opt("per-kind", 40), opt("seed", 7));
  const t0 = performance.now();
  const bot = await open(false);
  const openSeconds = (performance.now() - t0) / 1000;
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
  const sqlite = new Database(db, { readonly: true });
  const tb = performance.now();
  const quotes = sqlite.prepare("SELECT speaker, text FROM quotes").all() as { speaker: string | null; text: string }[];
  const figures = sqlite.prepare("SELECT sentence, measure FROM figures").all() as { sentence: string; measure: string }[];
  sqlite.close();
  const fuseQuotes = new Fuse(quotes, { keys: ["speaker", "text"], ignoreLocation: true, threshold: 0.4, includeScore: true });
  const fuseFigures = new Fuse(figures, { keys: ["sentence", "measure"], ignoreLocation: true, threshold: 0.4, includeScore: true });
  const fuseSpeakers = new Fuse(quotes, { keys: ["speaker"], ignoreLocation: true, threshold: 0.4, includeScore: true });
  const baselineBuildSeconds = (performance.now() - tb) / 1000;
  const engines: Record<string, Fuse<unknown>> = {
    quote: fuseQuotes, figure: fuseFigures, search: fuseQuotes, who: fuseSpeakers, autocomplete: fuseSpeakers,
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
    openSeconds, ours, oursRssMB: oursRss, baseline, baselineBuildSeconds, baselineSkipped: skipped,
    baselineRecords: { quotes: quotes.length, figures: figures.length }, rssAfterBaselineMB: rssMB(),
  };
}

const result = mode === "ingest" ? await ingest() : await query();
process.stdout.write("\n" + JSON.stringify(result) + "\n");

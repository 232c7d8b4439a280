// The benchmark's results as run.ts writes them (bench/out/N/result*.json) and the helpers that turn them
// into RESULTS.md: percentiles, number formats, cold starts, and the versions of what was measured.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { BenchQuery } from "./queries.ts";

export interface Timing {
  command: string;
  kind: string;
  query: string;
  ms: number;
  cpuMs?: number;
  index?: number;
}
export interface Spread {
  n: number;
  p50: number;
  p99: number;
  max: number;
}
export interface Result {
  size: number;
  store?: "sqlite" | "postgres";
  /** Articles per file: 1,000 (.jsonl) or 1 (a newsroom's folder). */
  perFile?: number;
  when: string;
  /** Load average while querying (ingest, cold and live keep their own). */
  loadavg: number[];
  stats: { articles: number; quotes: number; figures: number; people: number; files: number };
  ingest: { seconds: number; cpuSeconds: number; rssMB: number; reused: boolean; loadavg?: number[] };
  dbMB: number;
  cold: { seconds: number[]; rssMB: number[]; reextracted?: boolean[]; loadavg?: number[] };
  query: {
    openSeconds: number;
    oursRssMB: number;
    ours: Timing[];
    baseline: Timing[];
    baselineBuildSeconds: number;
    baselineRecords: { quotes: number; figures: number };
    baselineSkipped: string[];
  };
  /** Answers asked every 50 ms while 100 files arrive in the watched folder (bench/worker.ts live). */
  live?: { files: number; indexedSeconds: number; during: Spread; before: Spread; loadavg?: number[] };
}

export const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
export const ms = (x: number) => (Number.isNaN(x) ? "—" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const n = (x: number) => Math.round(x).toLocaleString("en");
/** Start to first answer (a cold start): the median of the starts that did not have to re-extract the archive. */
export const coldOf = (r: Result) => {
  const clean = r.cold.seconds.filter((_, i) => !r.cold.reextracted?.[i]);
  return clean.length ? pct(clean, 50) : NaN;
};
/** The archive size, a folder of one file per article, and the store when it is not the default SQLite. */
export const label = (r: Result) => `${n(r.size)}${r.perFile === 1 ? " (a file per article)" : ""}${r.store && r.store !== "sqlite" ? ` (${r.store})` : ""}`;
/** A load average (1, 5, 15 min) as RESULTS.md shows it. */
export const load = (l?: number[]) => (l ? l.map((x) => x.toFixed(1)).join(" ") : "—");
export const COMMANDS: BenchQuery["command"][] = ["quote", "figure", "search", "who", "autocomplete", "quote-on", "timeline"];
/** A measured command as a reader types it. */
export const commandName = (c: string) => (c === "autocomplete" ? "autocomplete" : c === "quote-on" ? "/quote … on …" : `/${c}`);
/** The p99 wall time of one command's answers in a result. */
export const p99Of = (r: Result | undefined, c: string) =>
  r
    ? pct(
        r.query.ours.filter((t) => t.command === c).map((t) => t.ms),
        99,
      )
    : NaN;

/** The installed version of a package, or "?". */
export function pkg(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}
/** The SQLite library better-sqlite3 runs. */
export function sqliteVersion(): string {
  const d = new Database(":memory:");
  const v = (d.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  d.close();
  return v;
}

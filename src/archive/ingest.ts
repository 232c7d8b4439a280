// Keeps the archive in step with the articles folder: new and changed files are read and extracted,
// unchanged ones are left alone (size and mtime, then content hash), removed ones are forgotten.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "../log.ts";
import { listFolder, shown } from "./listing.ts";
import { ExtractPool, type Outcome } from "./extract-pool.ts";
import { WireVersions } from "./versions.ts";
import type { ArchiveStore, FileState, IndexedArticle } from "./store.ts";

export interface SyncReport {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  skipped: { path: string; reason: string }[];
  /** Anything in the archive changed. */
  changed: boolean;
  /**
   * Why this sync indexed and removed nothing (the archive mirrors another folder; the folder is empty or
   * would lose most of the archive), in one line; null when it ran.
   */
  held: string | null;
}

/** A sync that would remove more than half of the archive's files, and at least this many, waits for a confirmation. */
const MASS_REMOVAL = 5;

/** Articles per transaction: bounds memory when one file (a .jsonl export) holds thousands of articles. */
const BATCH_ARTICLES = 2000;

export interface SyncOptions {
  log: Logger;
  onProgress?: (done: number, total: number) => void;
  /**
   * Extraction threads: by default up to one per core, started as work comes (one for a few changed files).
   * 0: this thread only, with no time bound (for tests that compare the two).
   */
  workers?: number;
  /** An article whose extraction takes longer is abandoned and reported (ms); default DEFAULT_EXTRACT_MS. */
  extractTimeoutMs?: number;
  /** Threads kept between syncs (a running bot's); by default this sync starts its own and ends them. */
  pool?: ExtractPool;
  /** Remove what is gone from the folder even when it is most of the archive (`newsbot ingest --confirm-removal`). */
  confirmRemoval?: boolean;
  /** Make this folder the archive's source, replacing the one recorded (`newsbot ingest --new-source`). */
  newSource?: boolean;
}

/** NEWSBOT_EXTRACT_SECONDS's default. */
export const DEFAULT_EXTRACT_MS = 5000;

/** Longest stretch of indexing before other work (chat answers) gets a turn. */
const YIELD_AFTER_MS = 20;

export async function syncFolder(
  store: ArchiveStore,
  dir: string,
  { log, onProgress, workers, extractTimeoutMs, pool: kept, confirmRemoval, newSource }: SyncOptions,
): Promise<SyncReport> {
  const report: SyncReport = { added: 0, updated: 0, removed: 0, unchanged: 0, skipped: [], changed: false, held: null };
  // Every file is read or reported: links followed once, unreadable names and broken links skipped with why.
  const { files, skipped: unlisted } = listFolder(dir);
  report.skipped.push(...unlisted);
  const known = await store.fileStates();
  report.held = await holdBack(
    store,
    dir,
    files.map((f) => f.path),
    known,
    { confirmRemoval, newSource },
  );
  if (report.held) return report;
  const version = extractorVersion();
  const stale = (await store.getMeta("extractor")) !== version;
  if (stale && known.size > 0) log.info("The extraction rules changed since the archive was built: every article is read again.");
  // An empty archive holds nothing from older rules: recorded now, a first ingest killed half-way resumes
  // where it stopped instead of reading everything again.
  if (stale && known.size === 0) await store.setMeta("extractor", version);
  // A later version of a wire item in another file replaces the earlier one (src/archive/versions.ts).
  const versions = await WireVersions.open(store, dir, files, known, stale);

  let batch: { state: FileState; articles: IndexedArticle[] }[] = [];
  const flush = async () => {
    if (batch.length) await store.putFiles(batch);
    batch = [];
  };
  // Files being extracted, in order; one writer (this thread) puts them in the archive as they complete.
  const pool = kept ?? new ExtractPool({ size: workers ?? availableParallelism(), timeoutMs: extractTimeoutMs ?? DEFAULT_EXTRACT_MS, log });
  // How many files are to be read: many at once (a first ingest) the store writes in bulk.
  const toRead = stale ? files.length : files.filter((f) => known.get(f.path)?.size !== f.size || known.get(f.path)?.mtimeMs !== f.mtimeMs).length;
  if (toRead > 0) await store.beginBatch(toRead);
  const pending: { state: FileState; outcomes: Promise<Outcome[]>; count: number; isNew: boolean }[] = [];
  let inFlight = 0;
  const drain = async (max: number) => {
    while (pending.length > 0 && inFlight > max) {
      const next = pending.shift()!;
      inFlight -= next.count;
      const outcomes = await next.outcomes;
      const articles = outcomes.flatMap((o) => (o.ok ? [o.article] : []));
      const abandoned = outcomes.flatMap((o) => (o.ok ? [] : [{ path: o.key, reason: o.reason }]));
      if (articles.length === 0 && abandoned.length > 0) {
        // Nothing of the file could be extracted in time: recorded as skipped, so it is not tried again
        // (and stalled on again) until it changes.
        const reason = abandoned[0].reason;
        report.skipped.push({ path: next.state.path, reason });
        if (next.isNew) report.added--;
        else report.updated--;
        await store.markSkipped({ ...next.state, skipped: reason });
        continue;
      }
      report.skipped.push(...abandoned);
      batch.push({ state: next.state, articles });
      if (batch.reduce((n, b) => n + b.articles.length, 0) >= BATCH_ARTICLES) await flush();
    }
  };
  try {
    let done = 0;
    let slice = Date.now();
    for (const { path, size, mtimeMs, raw } of files) {
      // Reading and hashing files is synchronous (and extraction too with `workers: 0`): hand the event loop
      // back every ~20 ms so chat platforms keep answering (Discord drops an interaction not answered within
      // 3 s) while a big folder is indexed.
      if (Date.now() - slice > YIELD_AFTER_MS) {
        await new Promise<void>((r) => setImmediate(r));
        slice = Date.now();
      }
      onProgress?.(done++, files.length);
      const before = known.get(path);
      known.delete(path);
      if (before && !stale && !versions.mustRead(path) && before.size === size && before.mtimeMs === mtimeMs) {
        report.unchanged++;
        if (before.skipped) report.skipped.push({ path, reason: before.skipped });
        continue;
      }
      // A name that is not UTF-8 is opened by its bytes.
      const full = raw ?? join(dir, path);
      let hash = "";
      try {
        hash = createHash("sha1").update(readFileSync(full)).digest("hex");
      } catch {
        // Unreadable: readArticleFile says why.
      }
      if (before && !stale && !versions.mustRead(path) && before.hash === hash) {
        // Touched, not changed: remember the new size and mtime, extract nothing.
        await store.touchFile({ ...before, size, mtimeMs });
        report.unchanged++;
        if (before.skipped) report.skipped.push({ path, reason: before.skipped });
        continue;
      }
      const read = versions.read(full, path);
      const state: FileState = { path, size, mtimeMs, hash, skipped: null };
      if (!read.ok) {
        log.warn(`skipped ${shown(path)}: ${read.reason}`);
        report.skipped.push({ path, reason: read.reason });
        await store.markSkipped({ ...state, skipped: read.reason });
        report.changed = true;
        continue;
      }
      for (const problem of read.problems) log.warn(`skipped ${problem}`);
      for (const warning of read.warnings) log.warn(warning);
      pending.push({ state, outcomes: pool.extract(read.articles), count: read.articles.length, isNew: !before });
      inFlight += read.articles.length;
      if (before) report.updated++;
      else report.added++;
      report.changed = true;
      // Enough extracting at once to keep every thread busy; memory stays bounded.
      await drain(BATCH_ARTICLES);
    }
    await drain(0);
    await flush();
  } finally {
    if (!kept) await pool.close();
    if (toRead > 0) await store.endBatch();
  }
  onProgress?.(files.length, files.length);
  if (known.size > 0) {
    await store.removeFiles([...known.keys()]);
    report.removed = known.size;
    report.changed = true;
  }
  await versions.save();
  if (stale) await store.setMeta("extractor", version);
  return report;
}

/**
 * Why this sync must not run, or null. A shared archive must not be emptied by a process that sees another
 * folder (a one-off command elsewhere, `ingest OTHER_FOLDER`), an empty one (a mount that failed) or one
 * that lost most of its files: each of those stops here, before anything is written, and says so. The first
 * sync that runs records the folder as the archive's source.
 */
async function holdBack(
  store: ArchiveStore,
  dir: string,
  listed: string[],
  known: Map<string, FileState>,
  o: { confirmRemoval?: boolean; newSource?: boolean },
): Promise<string | null> {
  const source = await store.archiveSource();
  if (source !== null && source !== dir && !o.newSource) {
    return `the archive mirrors the articles folder ${source}, not ${dir}: nothing indexed or removed. Give this folder its own archive, or run newsbot ingest --new-source to make it the archive's source.`;
  }
  const here = new Set(listed);
  let gone = 0;
  for (const path of known.keys()) if (!here.has(path)) gone++;
  if (!o.confirmRemoval && known.size > 0 && (listed.length === 0 || (gone > known.size / 2 && gone >= MASS_REMOVAL))) {
    const what =
      listed.length === 0
        ? `the articles folder ${dir} is empty (a folder that did not mount?)`
        : `${gone} of the archive's ${known.size} files are gone from ${dir}`;
    return `${what}: nothing removed or indexed. If they were deleted on purpose, run newsbot ingest --confirm-removal.`;
  }
  if (source !== dir) await store.recordSource(dir);
  return null;
}

let version: string | null = null;

/** A fingerprint of the extraction rules' source: when they change, stored extractions are out of date. */
export function extractorVersion(): string {
  if (version) return version;
  const dir = fileURLToPath(new URL("../extract/", import.meta.url));
  const hash = createHash("sha1");
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".ts"))
    .sort())
    hash.update(name).update(readFileSync(join(dir, name)));
  version = hash.digest("hex").slice(0, 12);
  return version;
}

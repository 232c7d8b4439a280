// Keeps the archive in step with the articles folder: new and changed files are read and extracted,
// unchanged ones are left alone (size and mtime, then content hash), removed ones are forgotten.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { extractArticle, type Extraction } from "../extract/index.ts";
import type { Logger } from "../log.ts";
import { listFolder, shown } from "./listing.ts";
import type { ArticleRecord } from "./read.ts";
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
}

/** Articles per transaction: bounds memory when one file (a .jsonl export) holds thousands of articles. */
const BATCH_ARTICLES = 2000;

export interface SyncOptions {
  log: Logger;
  onProgress?: (done: number, total: number) => void;
  /**
   * Extraction threads. By default one per core, started once a sync has more than POOL_AFTER articles to
   * extract (a few changed files are extracted on this thread: starting threads costs more); 0: this thread only.
   */
  workers?: number;
}

/** Articles extracted on this thread before a sync starts extraction threads. */
const POOL_AFTER = 200;
/** Articles sent to a thread at once. */
const CHUNK = 25;

/** Longest stretch of indexing before other work (chat answers) gets a turn. */
const YIELD_AFTER_MS = 20;

export async function syncFolder(store: ArchiveStore, dir: string, { log, onProgress, workers }: SyncOptions): Promise<SyncReport> {
  const report: SyncReport = { added: 0, updated: 0, removed: 0, unchanged: 0, skipped: [], changed: false };
  // Every file is read or reported: links followed once, unreadable names and broken links skipped with why.
  const { files, skipped: unlisted } = listFolder(dir);
  report.skipped.push(...unlisted);
  const known = await store.fileStates();
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
  const pool = new ExtractPool(workers ?? availableParallelism(), workers === undefined ? POOL_AFTER : 0, log);
  const pending: { state: FileState; articles: Promise<IndexedArticle[]>; count: number }[] = [];
  let inFlight = 0;
  const drain = async (max: number) => {
    while (pending.length > 0 && inFlight > max) {
      const next = pending.shift()!;
      inFlight -= next.count;
      batch.push({ state: next.state, articles: await next.articles });
      if (batch.reduce((n, b) => n + b.articles.length, 0) >= BATCH_ARTICLES) await flush();
    }
  };
  try {
    let done = 0;
    let slice = Date.now();
    for (const { path, size, mtimeMs } of files) {
      // Extraction is synchronous: hand the event loop back every ~20 ms so chat platforms keep answering
      // (Discord drops an interaction not answered within 3 s) while a big folder is indexed.
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
      const full = join(dir, path);
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
      pending.push({ state, articles: pool.extract(read.articles), count: read.articles.length });
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
    await pool.close();
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

/** What an extraction thread gives back per article (src/archive/extract-worker.mjs). */
interface Extracted {
  extraction?: Extraction;
  /** The article's vocabulary, worked out there too: the writing thread is the one that limits ingestion. */
  terms?: string[];
  error?: string;
}

/**
 * Extraction on worker threads (src/archive/extract-worker.mjs), each chunk of articles to the least busy
 * thread; on this thread until `after` articles were seen, or if the threads cannot start.
 */
class ExtractPool {
  private threads: { worker: Worker; busy: number }[] = [];
  private waiting = new Map<number, { resolve: (r: Extracted[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private seen = 0;
  private failed = false;

  constructor(private size: number, private after: number, private log: Logger) {}

  extract(records: ArticleRecord[]): Promise<IndexedArticle[]> {
    this.seen += records.length;
    if (this.size <= 0 || this.failed || this.seen <= this.after) return Promise.resolve(records.map((r) => this.inline(r)));
    this.start();
    const chunks: Promise<IndexedArticle[]>[] = [];
    for (let i = 0; i < records.length; i += CHUNK) {
      const part = records.slice(i, i + CHUNK);
      chunks.push(
        this.send(part).then(
          (results) => results.map((r, j) => this.done(part[j], r)),
          (e) => {
            this.log.warn(`extraction thread failed (${(e as Error).message}); extracting on the main thread`);
            this.failed = true;
            return part.map((r) => this.inline(r));
          },
        ),
      );
    }
    return Promise.all(chunks).then((parts) => parts.flat());
  }

  private inline(record: ArticleRecord): IndexedArticle {
    try {
      return { record, extraction: extractArticle(record) };
    } catch (e) {
      return this.done(record, { error: String((e as Error).stack ?? e) });
    }
  }

  private done(record: ArticleRecord, r: Extracted): IndexedArticle {
    if (r.extraction) return { record, extraction: r.extraction, terms: r.terms };
    // A bug in a rule must not cost the newsroom the article: index its text without extractions.
    this.log.error(`extraction failed on ${record.key}: ${r.error}`);
    return { record, extraction: { quotes: [], figures: [], people: [], acronyms: [] } };
  }

  private start(): void {
    if (this.threads.length > 0) return;
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(new URL("./extract-worker.mjs", import.meta.url));
      const thread = { worker, busy: 0 };
      worker.on("message", ({ id, results }) => {
        thread.busy--;
        const w = this.waiting.get(id);
        this.waiting.delete(id);
        w?.resolve(results);
      });
      worker.on("error", (e) => this.failAll(e));
      worker.on("exit", (code) => {
        if (code !== 0) this.failAll(new Error(`exit code ${code}`));
      });
      this.threads.push(thread);
    }
  }

  private send(records: ArticleRecord[]): Promise<Extracted[]> {
    const thread = this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    thread.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      thread.worker.postMessage({ id, records });
    });
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

let version: string | null = null;

/** A fingerprint of the extraction rules' source: when they change, stored extractions are out of date. */
export function extractorVersion(): string {
  if (version) return version;
  const dir = fileURLToPath(new URL("../extract/", import.meta.url));
  const hash = createHash("sha1");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".ts")).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  version = hash.digest("hex").slice(0, 12);
  return version;
}

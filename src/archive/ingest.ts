// Keeps the archive in step with the articles folder: new and changed files are read and extracted,
// unchanged ones are left alone (size and mtime, then content hash), removed ones are forgotten.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticle } from "../extract/index.ts";
import type { Logger } from "../log.ts";
import { isArticleFile, readArticleFile } from "./read.ts";
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
}

/** Longest stretch of indexing before other work (chat answers) gets a turn. */
const YIELD_AFTER_MS = 20;

export async function syncFolder(store: ArchiveStore, dir: string, { log, onProgress }: SyncOptions): Promise<SyncReport> {
  const report: SyncReport = { added: 0, updated: 0, removed: 0, unchanged: 0, skipped: [], changed: false };
  const files = listArticleFiles(dir, log);
  const known = await store.fileStates();
  const version = extractorVersion();
  const stale = (await store.getMeta("extractor")) !== version;
  if (stale && known.size > 0) log.info("The extraction rules changed since the archive was built: every article is read again.");
  // An empty archive holds nothing from older rules: recorded now, a first ingest killed half-way resumes
  // where it stopped instead of reading everything again.
  if (stale && known.size === 0) await store.setMeta("extractor", version);

  let batch: { state: FileState; articles: IndexedArticle[] }[] = [];
  const flush = async () => {
    if (batch.length) await store.putFiles(batch);
    batch = [];
  };
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
    if (before && !stale && before.size === size && before.mtimeMs === mtimeMs) {
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
    if (before && !stale && before.hash === hash) {
      // Touched, not changed: remember the new size and mtime, extract nothing.
      await store.touchFile({ ...before, size, mtimeMs });
      report.unchanged++;
      if (before.skipped) report.skipped.push({ path, reason: before.skipped });
      continue;
    }
    const read = readArticleFile(full, path);
    const state: FileState = { path, size, mtimeMs, hash, skipped: null };
    if (!read.ok) {
      log.warn(`skipped ${path}: ${read.reason}`);
      report.skipped.push({ path, reason: read.reason });
      await store.markSkipped({ ...state, skipped: read.reason });
      report.changed = true;
      continue;
    }
    for (const problem of read.problems) log.warn(`skipped ${problem}`);
    const articles: IndexedArticle[] = [];
    for (const record of read.articles) {
      try {
        articles.push({ record, extraction: extractArticle(record) });
      } catch (e) {
        // A bug in a rule must not cost the newsroom the article: index its text without extractions.
        log.error(`extraction failed on ${record.key}: ${(e as Error).stack ?? e}`);
        articles.push({ record, extraction: { quotes: [], figures: [], people: [], acronyms: [] } });
      }
    }
    batch.push({ state, articles });
    if (before) report.updated++;
    else report.added++;
    report.changed = true;
    if (batch.reduce((n, b) => n + b.articles.length, 0) >= BATCH_ARTICLES) await flush();
  }
  await flush();
  onProgress?.(files.length, files.length);
  if (known.size > 0) {
    await store.removeFiles([...known.keys()]);
    report.removed = known.size;
    report.changed = true;
  }
  if (stale) await store.setMeta("extractor", version);
  return report;
}

/** Article files under `dir`, recursively, skipping hidden folders; paths relative to `dir`, with "/". */
export function listArticleFiles(dir: string, log: Logger): { path: string; size: number; mtimeMs: number }[] {
  const out: { path: string; size: number; mtimeMs: number }[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      if (d === dir) throw new Error(`Cannot read the articles folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? e}`);
      log.warn(`cannot read folder ${d}: ${(e as NodeJS.ErrnoException).code ?? e}`);
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && isArticleFile(e.name)) {
        try {
          const st = statSync(full);
          out.push({ path: relative(dir, full).split(sep).join("/"), size: st.size, mtimeMs: st.mtimeMs });
        } catch {
          // Gone between listing and stat: the next sync sees it or not.
        }
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
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

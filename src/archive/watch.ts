// Live ingestion: watches the articles folder and re-syncs the archive shortly after a file is added,
// changed or removed, so answers reflect it within seconds without a restart. Events are debounced (a
// folder copy is one sync, not hundreds); one sync runs at a time and a burst during a sync is picked up
// by one more after it. Answers are never held up: they are served from the archive as it stands.
import { basename } from "node:path";
import { watch, type FSWatcher } from "chokidar";
import type { Logger } from "../log.ts";
import type { SyncReport } from "./ingest.ts";

export interface WatchOptions {
  /** Quiet time after the last event before syncing (ms). */
  debounceMs?: number;
  /** Use polling (network drives, some containers). */
  usePolling?: boolean;
}

export interface ArticleWatcher {
  /** Resolves once the initial scan is done and changes are being watched. */
  ready: Promise<void>;
  /** Resolves when no sync is pending or running. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function watchArticles(dir: string, sync: () => Promise<SyncReport>, log: Logger, options: WatchOptions = {}): ArticleWatcher {
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const run = async () => {
    do {
      again = false;
      try {
        const r = await sync();
        if (r.changed)
          log.info(
            `articles folder changed: ${r.added} new, ${r.updated} changed, ${r.removed} removed${r.skipped.length ? `, ${r.skipped.length} skipped` : ""}`,
          );
      } catch (e) {
        log.error(`re-indexing the articles folder failed: ${(e as Error).message}`);
      }
    } while (again && !stopped);
  };

  const kick = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      running = run().finally(() => {
        running = null;
      });
    }, debounceMs);
  };

  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: true,
    persistent: true,
    usePolling: options.usePolling ?? false,
    interval: 500,
    // Wait for a file being written to settle before reading it.
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 50 },
    // Every file counts, whatever its extension: one newsbot does not read is reported skipped by the sync
    // it sets off (a folder's totals account for every file); only what the listing passes over is ignored.
    ignored: (path) => {
      const name = basename(path);
      return path !== dir && (name.startsWith(".") || name === "node_modules");
    },
  });
  for (const event of ["add", "change", "unlink", "unlinkDir"] as const) watcher.on(event, kick);
  watcher.on("error", (e) => log.warn(`watching ${dir}: ${(e as Error).message ?? e}`));
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

  return {
    ready,
    async idle() {
      while (timer || running) {
        if (running) await running;
        else await new Promise((r) => setTimeout(r, debounceMs));
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await watcher.close();
      if (running) await running;
    },
  };
}

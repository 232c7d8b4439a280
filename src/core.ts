// The bot's one entry point: a request in, a platform-neutral Reply out. Slack, Discord and the terminal
// only parse, acknowledge, call `handle`, render and send; tests call `handle` directly.
import { commands, findCommand } from "../commands/index.ts";
import type { Choice, Command, CommandContext } from "../commands/command.ts";
import { openStore } from "./archive/open.ts";
import { availableParallelism } from "node:os";
import { ExtractPool } from "./archive/extract-pool.ts";
import { syncFolder, type SyncReport } from "./archive/ingest.ts";
import type { ArchiveStore } from "./archive/store.ts";
import { describeArchive, type Config } from "./config.ts";
import { archiveProblem } from "./archive/problems.ts";
import { logger, type Logger } from "./log.ts";
import { Messages } from "./reply/messages.ts";
import type { Reply } from "./reply/model.ts";
import { errorReply, usageReply } from "./reply/build.ts";
import { Lookup } from "./search/lookup.ts";

export type Platform = "terminal" | "cli" | "slack" | "discord";

export interface BotRequest {
  /** With or without the slash: "quote" or "/quote". */
  command: string;
  query: string;
  /** 1-based page of a long answer. */
  page?: number;
  pageSize?: number;
  platform: Platform;
  user?: string;
  channel?: string;
}

export interface Bot {
  readonly config: Config;
  readonly store: ArchiveStore;
  readonly commands: readonly Command[];
  handle(request: BotRequest): Promise<Reply>;
  /** Autocomplete: at most 25 choices, from the in-memory name index (fast enough for Discord's deadline). */
  suggest(command: string, partial: string): Promise<Choice[]>;
  /** Re-reads the articles folder: new and changed files are indexed, removed ones dropped. */
  sync(): Promise<SyncReport>;
  /** What the last sync did (null when none ran yet). */
  readonly lastSync: SyncReport | null;
  /**
   * Reloads the in-memory indexes when the archive changed since they were loaded — another replica
   * ingested something. True when it reloaded. Cheap when nothing changed (one read of the revision).
   */
  reload(): Promise<boolean>;
  close(): Promise<void>;
}

/** Longest query we read. Longer ones get a clear message rather than a slow search. */
export const MAX_QUERY_LENGTH = 500;
export const DEFAULT_PAGE_SIZE = 5;

export interface OpenOptions {
  log?: Logger;
  now?: () => Date;
  /** Index the folder before answering (default true). */
  sync?: boolean;
  /** Called as files are indexed, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Start an extraction thread at once, so that a running bot's first change is read without waiting a
   * second or more for a thread to load the rules; otherwise the first sync with work starts one.
   */
  warm?: boolean;
  /** `newsbot ingest --confirm-removal` / `--new-source` (src/archive/ingest.ts SyncOptions). */
  confirmRemoval?: boolean;
  newSource?: boolean;
  /** Log why a sync was held back (default); `newsbot ingest` says it itself, as its error. */
  logHeld?: boolean;
}

export async function openBot(config: Config, options: OpenOptions = {}): Promise<Bot> {
  const log = options.log ?? logger(config.logLevel);
  const store = await openStore(config, log);
  const lookup = new Lookup(store);
  const ctx: CommandContext = { lookup, now: options.now ?? (() => new Date()) };

  let lastSync: SyncReport | null = null;
  // The archive revision the in-memory indexes were loaded at. Read before loading: a write that lands
  // during the load leaves them behind the new revision, and the next reload catches it.
  let loadedRevision: number | null = null;
  const load = async () => {
    const revision = await store.revision();
    await lookup.refresh();
    loadedRevision = revision;
  };
  // Extraction threads, kept for the bot's life: every sync (the watcher's, the feeds') finds them loaded.
  const pool = new ExtractPool({ size: availableParallelism(), timeoutMs: config.extractSeconds * 1000, log });
  if (options.warm) pool.warm();
  const syncNow = async () => {
    const report = await syncFolder(store, config.articlesDir, {
      log,
      onProgress: options.onProgress,
      pool,
      confirmRemoval: options.confirmRemoval,
      newSource: options.newSource,
    });
    // Said once, not at every sync of the watcher while it lasts.
    if (report.held && report.held !== lastSync?.held && options.logHeld !== false) log.warn(`not indexing: ${report.held}`);
    if (report.changed) await load();
    lastSync = report;
    return report;
  };
  const reloadNow = async () => {
    if ((await store.revision()) === loadedRevision) return false;
    await load();
    return true;
  };
  // One sync or reload at a time: the file watcher, feeds, other replicas and callers may ask at once.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };
  const sync = () => serially(syncNow);
  try {
    const first = options.sync !== false ? await sync() : null;
    if (!first?.changed) await load();
  } catch (e) {
    await pool.close();
    await store.close();
    throw e;
  }

  return {
    config,
    store,
    commands,
    sync,
    get lastSync() {
      return lastSync;
    },
    reload: () => serially(reloadNow),
    async handle(request) {
      const name = request.command.replace(/^\//, "").trim().toLowerCase();
      const command = findCommand(name);
      const query = request.query.replace(/\s+/g, " ").trim();
      if (!command) return usageReply(name, query, Messages.unknownCommand(name));
      const max = command.maxQueryLength ?? MAX_QUERY_LENGTH;
      if (query.length > max) return usageReply(command.name, query.slice(0, 80), Messages.queryTooLong(max));
      const page = { page: Math.max(1, Math.floor(request.page ?? 1)), pageSize: request.pageSize ?? DEFAULT_PAGE_SIZE };
      try {
        return await command.run(ctx, query, page);
      } catch (e) {
        // A damaged archive is one line saying what to do; our bugs get the stack.
        const problem = archiveProblem(e, describeArchive(config));
        log.error(`/${command.name} failed for a query of ${query.length} characters: ${problem ?? (e as Error).stack ?? String(e)}`);
        return errorReply(command.name, query);
      }
    },
    async suggest(commandName, partial) {
      const command = findCommand(commandName.replace(/^\//, "").toLowerCase());
      if (!command?.suggest) return [];
      try {
        return (await command.suggest(ctx, partial.slice(0, MAX_QUERY_LENGTH))).slice(0, 25);
      } catch (e) {
        log.error(`autocomplete for /${command.name} failed: ${(e as Error).message}`);
        return [];
      }
    },
    async close() {
      await pool.close();
      await store.close();
    },
  };
}

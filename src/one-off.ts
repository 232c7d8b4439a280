// Opening the bot for a one-off command (ask, ingest, digest): index the folder first when this process
// may — no running replica holds the ingest lease — and answer from the archive as it is when it may not,
// or when the archive cannot be written (a full disk, a read-only file): it is still read.
import { describeArchive, type Config } from "./config.ts";
import type { Bot, OpenOptions } from "./core.ts";
import { logger } from "./log.ts";
import { archiveProblem, isWriteProblem } from "./archive/problems.ts";
import { replicaId, underLease } from "./replica/duty.ts";
import { checkArticlesFolder } from "./archive/listing.ts";

let problem: string | null = null;

/** Why the last openIndexed could not write the archive (one line), or null. */
export function notIndexedBecause(): string | null {
  return problem;
}

/**
 * The bot, with the folder indexed unless another process holds the ingest lease (bot.lastSync stays null)
 * or writing failed (notIndexedBecause() says why; logged unless `quiet`, for a caller that reports it).
 */
export async function openIndexed(
  config: Config,
  open: (c: Config, o: OpenOptions) => Promise<Bot>,
  options: OpenOptions = {},
  { quiet = false } = {},
): Promise<Bot> {
  const log = logger(config.logLevel);
  // Before the lease: whether this process or a running replica would index, a missing folder is this command's error.
  checkArticlesFolder(config.articlesDir);
  const bot = await open(config, { ...options, sync: false });
  try {
    const ran = await underLease({ store: bot.store, name: "ingest", owner: replicaId(), ttlMs: config.leaseSeconds * 1000, log }, () => bot.sync());
    if (!ran) log.info("another newsbot process is indexing this archive; answering from the archive as it is");
    return bot;
  } catch (e) {
    if (isWriteProblem(e)) {
      problem = archiveProblem(e, describeArchive(config)) ?? (e as Error).message;
      if (!quiet) log.warn(`${problem} Answering from the archive as it is.`);
      return bot;
    }
    await bot.close();
    throw e;
  }
}

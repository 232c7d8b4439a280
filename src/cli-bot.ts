// The subcommands that open the archive (ask, ingest, digest, start), loaded by cli.ts only when one of them runs,
// and how a failed command is reported. Each parses its own flags and returns an exit code.
import { parseArgs } from "node:util";
import { checkArticlesFolder, shown } from "./archive/listing.ts";
import type { SyncReport } from "./archive/ingest.ts";
import { Refusal } from "./fault.ts";
import { archiveProblem } from "./archive/problems.ts";
import { notIndexedBecause, openIndexed } from "./one-off.ts";
import { replicaId } from "./replica/duty.ts";
import { ConfigError, describeArchive, describeConfig, loadConfig, type Config } from "./config.ts";
import { openBot, type Bot, type OpenOptions } from "./core.ts";
import { logger, registerSecrets } from "./log.ts";
import { renderTerminal } from "./reply/terminal.ts";
import { runTerminalChat } from "./chat/terminal.ts";
import { startPlatforms } from "./chat/platforms.ts";
import { progressBar } from "./progress.ts";
import { buildDigest, shortenDigest } from "./digest/build.ts";
import { channelPosters } from "./chat/post.ts";
import { startLive, type Live } from "./live.ts";
import { DEFAULT_SINCE, parseSince } from "./digest/since.ts";

/** Runs one of the subcommands that open the archive. */
export async function runBotCommand(sub: "ask" | "ingest" | "start" | "digest", args: string[]): Promise<number> {
  switch (sub) {
    case "ask":
      return ask(args);
    case "ingest":
      return ingest(args);
    case "start":
      return start(args);
    case "digest":
      return digestCommand(args);
  }
}

/** A command that threw: the user's mistakes (settings, flags, folders) get their message alone; our bugs get the stack too. */
export function reportFailure(e: unknown): number {
  const problem = loaded && archiveProblem(e, describeArchive(loaded));
  if (problem) {
    process.stderr.write(`newsbot: ${problem}\n`);
    return 2;
  }
  const expected =
    e instanceof ConfigError ||
    e instanceof Refusal ||
    (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") ||
    /^Cannot (read|open) the /.test((e as Error).message);
  process.stderr.write(`newsbot: ${expected ? (e as Error).message.replace(/\s*\n\s*/g, " ") : ((e as Error).stack ?? String(e))}\n`);
  return expected ? 2 : 1;
}

/** The settings the command runs with, once read: failures of its archive are described with them. */
let loaded: Config | null = null;

function configFrom(articles: string | undefined): Config {
  const config = loadConfig({ articles });
  loaded = config;
  registerSecrets(config.slack?.botToken, config.slack?.signingSecret, config.slack?.appToken, config.discord?.token, config.databaseUrl);
  return config;
}

async function open(config: Config, options: OpenOptions = {}): Promise<Bot> {
  return openBot(config, { log: logger(config.logLevel), ...options });
}

async function ask(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, articles: { type: "string" }, page: { type: "string" }, "page-size": { type: "string" } },
  });
  const line = positionals.join(" ").trim();
  if (line === "") {
    process.stderr.write('newsbot ask: give a slash command, e.g. newsbot ask "/quote sturgeon"\n');
    return 2;
  }
  const page = wholeNumber("--page", values.page, 1, 1, 1000);
  const pageSize = wholeNumber("--page-size", values["page-size"], ASK_PAGE_SIZE, 1, 100);
  if (typeof page === "string" || typeof pageSize === "string") {
    process.stderr.write(`newsbot ask: ${typeof page === "string" ? page : pageSize}\n`);
    return 2;
  }
  const bot = await openIndexed(configFrom(values.articles), open);
  try {
    const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(line)!;
    const reply = await bot.handle({ command: m[1], query: m[2], platform: "cli", page, pageSize });
    process.stdout.write(values.json ? JSON.stringify(reply, null, 1) + "\n" : renderTerminal(reply));
    return reply.status === "error" ? 1 : 0;
  } finally {
    await bot.close();
  }
}

/** One-shot answers are read whole, not paged through: show more than a chat page. */
const ASK_PAGE_SIZE = 20;

/** A flag's whole number within [min, max] (`fallback` when absent), or why it is refused. */
function wholeNumber(flag: string, text: string | undefined, fallback: number, min: number, max: number): number | string {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (/^\d+$/.test(text.trim()) && n >= min && n <= max) return n;
  return `${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`;
}

async function ingest(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { "confirm-removal": { type: "boolean" }, "new-source": { type: "boolean" } },
  });
  const config = configFrom(positionals[0]);
  const bar = progressBar(process.stderr);
  const bot = await openIndexed(
    config,
    open,
    { onProgress: bar.update, confirmRemoval: values["confirm-removal"], newSource: values["new-source"], logHeld: false },
    { quiet: true },
  );
  bar.done();
  try {
    const problem = notIndexedBecause();
    if (problem) {
      process.stderr.write(`newsbot ingest: ${problem}\n`);
      return 1;
    }
    if (!bot.lastSync) {
      process.stderr.write(
        `newsbot ingest: another newsbot process holds this archive's ingest lease: it watches the folder and indexes new files itself. ` +
          `If none is running (it stopped abruptly), the lease expires within ${config.leaseSeconds} s (NEWSBOT_LEASE_SECONDS): run this again then.\n`,
      );
      return 1;
    }
    if (bot.lastSync.held) {
      process.stderr.write(`newsbot ingest: ${bot.lastSync.held}\n`);
      return 1;
    }
    const stats = await bot.store.stats();
    process.stdout.write(
      `${describeSync(bot.lastSync)}\n${stats.articles} articles, ${stats.quotes} quotes, ${stats.figures} figures, ${stats.people} people in ${describeArchive(config)}\n`,
    );
    return 0;
  } finally {
    await bot.close();
  }
}

async function digestCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: { since: { type: "string" }, post: { type: "boolean" }, json: { type: "boolean" }, articles: { type: "string" } },
  });
  const now = new Date();
  const sinceText = values.since ?? DEFAULT_SINCE;
  const since = parseSince(sinceText, now);
  if (!since) {
    process.stderr.write(`newsbot digest: --since ${sinceText} is not a period: give 24h, 3d, 2w or a date such as 2026-03-01\n`);
    return 2;
  }
  const config = configFrom(values.articles);
  const targets = values.post ? channelPosters(config, { shorten: shortenDigest }) : [];
  if (values.post && targets.length === 0) {
    process.stderr.write("newsbot digest --post: no digest channel is set (SLACK_DIGEST_CHANNEL or DISCORD_DIGEST_CHANNEL)\n");
    return 2;
  }
  const bot = await openIndexed(config, open);
  try {
    const reply = await buildDigest(bot.store, { since, now, query: sinceText });
    process.stdout.write(values.json ? JSON.stringify(reply, null, 1) + "\n" : renderTerminal(reply));
    if (targets.length && reply.status === "empty" && config.digest.skipEmpty) {
      process.stderr.write("nothing new: not posted (DIGEST_SKIP_EMPTY)\n");
      return 0;
    }
    // Both platforms at once: one that is down or slow does not hold up the other.
    const failures = await Promise.all(
      targets.map((t) =>
        t.post(reply).then(
          () => (process.stderr.write(`posted to ${t.channel}\n`), 0),
          (e) => (process.stderr.write(`newsbot digest: could not post to ${t.channel}: ${(e as Error).message}\n`), 1),
        ),
      ),
    );
    return failures.some(Boolean) ? 1 : 0;
  } finally {
    await bot.close();
  }
}

function describeSync(r: SyncReport | null): string {
  if (!r) return "";
  const parts = [`${r.added} new`, `${r.updated} changed`, `${r.removed} removed`, `${r.unchanged} unchanged`];
  if (r.skipped.length) parts.push(`${r.skipped.length} skipped`);
  return `Indexed: ${parts.join(", ")}.` + r.skipped.map((s) => `\n  skipped ${shown(s.path)}: ${s.reason}`).join("");
}

async function start(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, allowPositionals: false, options: { articles: { type: "string" } } });
  const config = configFrom(values.articles);
  const log = logger(config.logLevel);
  log.info(`starting — ${describeConfig(config)}`);
  // Checked here, not at the first sync: a replica that does not hold the ingest lease never lists the folder.
  checkArticlesFolder(config.articlesDir);
  const bar = progressBar(process.stderr);
  // The folder is indexed by the replica that holds the ingest lease (this one, unless another process
  // on the same archive already watches it), inside startLive.
  const bot = await open(config, { onProgress: bar.update, sync: false, warm: true });
  const owner = replicaId();
  // Until the chat runs, a replica that must stop (a newer newsbot upgraded the archive) stops at the next step.
  let fatal = (e: Error): void => {
    process.stderr.write(`newsbot: ${e.message}\n`);
    process.exit(2);
  };
  let live: Live;
  try {
    live = await startLive(bot, config, log, { owner, onFatal: (e) => fatal(e) });
  } catch (e) {
    await bot.close();
    throw e;
  } finally {
    bar.done();
  }
  let platforms: Awaited<ReturnType<typeof startPlatforms>>;
  try {
    platforms = await startPlatforms(bot, config, log, { owner, onDuty: live.adopt });
  } catch (e) {
    // A platform that cannot start (bad token, Discord unreachable) must end the process, not leave the
    // watcher and the other platforms holding it open.
    await live.stop();
    await bot.close();
    throw e;
  }
  if (platforms.length === 0) {
    await runTerminalChat(bot);
    await live.stop();
    await bot.close();
    return 0;
  }
  let code = 0;
  await new Promise<void>((resolve) => {
    fatal = (e) => {
      process.stderr.write(`newsbot: ${e.message}\n`);
      code = 2;
      void stop();
    };
    const stop = async () => {
      log.info("stopping");
      await live.stop();
      await Promise.allSettled(platforms.map((p) => p.stop()));
      await bot.close();
      resolve();
    };
    process.once("SIGINT", () => void stop());
    process.once("SIGTERM", () => void stop());
  });
  return code;
}

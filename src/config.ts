// Settings, read once at start from the environment and `.env`, validated, and frozen. A bad setting stops
// the bot with a plain message that names it; secrets are never printed.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { Cron } from "croner";
import { parse as parseDotenv } from "dotenv";
import { z } from "zod";

export { describeArchive, describeConfig, describeUrl } from "./config-describe.ts";

export interface SlackConfig {
  botToken: string;
  signingSecret: string | null;
  /** Set: Socket Mode (no public URL). Unset: HTTP on `port`. */
  appToken: string | null;
  apiUrl: string | null;
  port: number;
  digestChannel: string | null;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId: string | null;
  apiUrl: string | null;
  digestChannel: string | null;
}

export interface DigestConfig {
  cron: string;
  timezone: string;
  skipEmpty: boolean;
}

export interface Config {
  /** Absolute path of the articles folder. */
  articlesDir: string;
  /** Absolute path of this folder's SQLite archive. */
  dbPath: string;
  /** postgres://… when the archive lives in PostgreSQL. */
  databaseUrl: string | null;
  feeds: string[];
  feedMinutes: number;
  /**
   * How long one article may take to extract before it is abandoned and reported (seconds): one
   * pathological file must not hold ingestion up.
   */
  extractSeconds: number;
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
  digest: DigestConfig;
  /** Port of the readiness check (`GET /health`); null: no check served. */
  healthPort: number | null;
  /**
   * How long a replica holds the single-process work (folder watch, feeds, digest, Discord gateway)
   * without renewing: after it dies, another replica takes over within this time.
   */
  leaseSeconds: number;
  logLevel: "debug" | "info" | "warn" | "error";
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const url = (name: string) => optional.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: `${name} must be an http(s) URL` });

/**
 * A number within [min, max] (whole when `integer`), its range in the message: a feed polled every
 * millisecond or a lease of a billion seconds is a typo, refused at start rather than obeyed.
 */
const number = (name: string, what: string, min: number, max: number, integer = false) =>
  optional
    .refine((v) => v === undefined || (/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v) && inRange(Number(v), min, max, integer)), {
      message: `${name} must be ${integer ? "a whole number" : "a number"} of ${what} from ${min} to ${max}`,
    })
    .transform((v) => (v === undefined ? undefined : Number(v)));

function inRange(n: number, min: number, max: number, integer: boolean): boolean {
  return Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n));
}

/** The ranges of the numeric settings (also written in .env.example). */
export const RANGES = {
  NEWSBOT_FEED_MINUTES: [1, 1440],
  NEWSBOT_LEASE_SECONDS: [1, 3600],
  NEWSBOT_EXTRACT_SECONDS: [1, 600],
} as const;

const port = (name: string) =>
  optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && inRange(Number(v), 0, 65535, true)), {
      message: `${name} must be a port number from 0 to 65535 (0: any free port)`,
    })
    .transform((v) => (v === undefined ? undefined : Number(v)));

/** Feed addresses: each an http(s) URL, or the setting is refused naming the one that is not. */
const feedList = optional.superRefine((v, ctx) => {
  for (const item of (v ?? "").split(/[\s,]+/).filter(Boolean)) {
    if (!isHttpUrl(item))
      ctx.addIssue({ code: "custom", message: `NEWSBOT_FEEDS must be http(s) feed addresses separated by spaces or commas; “${item}” is not one` });
  }
});

/** A postgres:// URL the driver reads as the user meant: it parses, names a host, and its %-escapes are whole. */
function readableDatabaseUrl(v: string): boolean {
  try {
    const u = new URL(v);
    const escapesWhole = (part: string) => !/%(?![0-9a-f]{2})/i.test(part);
    // The parser turns a bare "%" into itself, so look at the written user info, not the parsed one.
    const userinfo = /^[^:]+:\/\/([^/?#]*)@/.exec(v)?.[1] ?? "";
    return u.hostname !== "" && escapesWhole(userinfo);
  } catch {
    return false;
  }
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

const schema = z.object({
  NEWSBOT_ARTICLES: optional,
  NEWSBOT_DB: optional,
  NEWSBOT_DATABASE_URL: optional
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "NEWSBOT_DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite archive)",
    })
    .refine((v) => v === undefined || readableDatabaseUrl(v), {
      // Never the URL itself: it holds the password.
      message:
        "NEWSBOT_DATABASE_URL cannot be read as a URL: a special character in the user name or password must be percent-encoded " +
        "(# as %23, / as %2F, ? as %3F, @ as %40, : as %3A, % as %25, a space as %20)",
    }),
  NEWSBOT_FEEDS: feedList,
  NEWSBOT_FEED_MINUTES: number("NEWSBOT_FEED_MINUTES", "minutes", ...RANGES.NEWSBOT_FEED_MINUTES),
  NEWSBOT_HEALTH_PORT: port("NEWSBOT_HEALTH_PORT"),
  NEWSBOT_LEASE_SECONDS: number("NEWSBOT_LEASE_SECONDS", "seconds", ...RANGES.NEWSBOT_LEASE_SECONDS),
  NEWSBOT_EXTRACT_SECONDS: number("NEWSBOT_EXTRACT_SECONDS", "seconds", ...RANGES.NEWSBOT_EXTRACT_SECONDS),
  NEWSBOT_LOG_LEVEL: optional.pipe(z.enum(["debug", "info", "warn", "error"], { message: "NEWSBOT_LOG_LEVEL must be debug, info, warn or error" }).optional()),
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith("xoxb-"), { message: "SLACK_BOT_TOKEN must be a bot token (xoxb-…)" }),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith("xapp-"), { message: "SLACK_APP_TOKEN must be an app-level token (xapp-…)" }),
  SLACK_API_URL: url("SLACK_API_URL"),
  SLACK_DIGEST_CHANNEL: optional,
  PORT: port("PORT"),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: "DISCORD_APPLICATION_ID must be the application's numeric id",
  }),
  DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), { message: "DISCORD_GUILD_ID must be a numeric server id" }),
  DISCORD_API_URL: url("DISCORD_API_URL"),
  DISCORD_DIGEST_CHANNEL: optional,
  DIGEST_CRON: optional,
  DIGEST_TZ: optional.refine((v) => v === undefined || validTimezone(v), { message: "DIGEST_TZ must be an IANA time zone such as Europe/London" }),
  DIGEST_SKIP_EMPTY: optional.pipe(z.enum(["true", "false", "1", "0", "yes", "no"], { message: "DIGEST_SKIP_EMPTY must be true or false" }).optional()),
});

/** A cron expression croner reads and that fires at least once more ("0 0 30 2 *" never does). */
function checkCron(cron: string, timezone: string): string {
  let next: Date | null;
  try {
    next = new Cron(cron, { timezone, paused: true }).nextRun();
  } catch (e) {
    const why = (e as Error).message.replace(/^CronPattern:\s*/, "");
    throw new ConfigError(`Bad setting — DIGEST_CRON "${cron}" is not a cron expression such as "0 7 * * *" (${why})`);
  }
  if (!next) throw new ConfigError(`Bad setting — DIGEST_CRON "${cron}" never fires: give a time that comes round, such as "0 7 * * *"`);
  return cron;
}

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface LoadOptions {
  /** The environment (defaults to process.env). `.env` fills in what it leaves unset. */
  env?: NodeJS.ProcessEnv;
  /** The project folder, where `.env`, `data/articles` and `data/` are found. */
  cwd?: string;
  /** --articles DIR: overrides NEWSBOT_ARTICLES. */
  articles?: string;
}

export function loadConfig(options: LoadOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const env = { ...readDotenv(cwd), ...(options.env ?? process.env) };
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? "setting");
    const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    throw new ConfigError(`Bad setting — ${message}`);
  }
  const e = parsed.data;

  const configuredDir = resolve(cwd, e.NEWSBOT_ARTICLES ?? "data/articles");
  const articlesDir = options.articles ? resolve(cwd, options.articles) : configuredDir;
  const slack = slackConfig(e);
  const discord = discordConfig(e);
  return Object.freeze({
    articlesDir,
    dbPath: archivePath(cwd, articlesDir, e.NEWSBOT_DB, articlesDir !== configuredDir),
    databaseUrl: e.NEWSBOT_DATABASE_URL ?? null,
    feeds: (e.NEWSBOT_FEEDS ?? "").split(/[\s,]+/).filter(Boolean),
    feedMinutes: e.NEWSBOT_FEED_MINUTES ?? 10,
    extractSeconds: e.NEWSBOT_EXTRACT_SECONDS ?? 5,
    slack,
    discord,
    digest: Object.freeze({
      cron: checkCron(e.DIGEST_CRON ?? "0 7 * * *", e.DIGEST_TZ ?? "Europe/London"),
      timezone: e.DIGEST_TZ ?? "Europe/London",
      skipEmpty: ["true", "1", "yes"].includes(e.DIGEST_SKIP_EMPTY ?? "false"),
    }),
    healthPort: e.NEWSBOT_HEALTH_PORT ?? null,
    leaseSeconds: e.NEWSBOT_LEASE_SECONDS ?? 15,
    logLevel: e.NEWSBOT_LOG_LEVEL ?? "info",
  });
}

type Env = z.infer<typeof schema>;

function slackConfig(e: Env): SlackConfig | null {
  if (!e.SLACK_BOT_TOKEN) {
    if (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) throw new ConfigError("Bad setting — SLACK_BOT_TOKEN is missing (the other Slack settings are set)");
    return null;
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      "Bad setting — SLACK_SIGNING_SECRET is missing (needed to verify Slack's requests over HTTP; or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  return Object.freeze({
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET ?? null,
    appToken: e.SLACK_APP_TOKEN ?? null,
    apiUrl: e.SLACK_API_URL ?? null,
    port: e.PORT ?? 3000,
    digestChannel: e.SLACK_DIGEST_CHANNEL ?? null,
  });
}

function discordConfig(e: Env): DiscordConfig | null {
  if (!e.DISCORD_TOKEN) {
    if (e.DISCORD_APPLICATION_ID) throw new ConfigError("Bad setting — DISCORD_TOKEN is missing (DISCORD_APPLICATION_ID is set)");
    return null;
  }
  if (!e.DISCORD_APPLICATION_ID) throw new ConfigError("Bad setting — DISCORD_APPLICATION_ID is missing (DISCORD_TOKEN is set)");
  return Object.freeze({
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID ?? null,
    apiUrl: e.DISCORD_API_URL ?? null,
    digestChannel: e.DISCORD_DIGEST_CHANNEL ?? null,
  });
}

function readDotenv(cwd: string): Record<string, string> {
  const file = join(cwd, ".env");
  if (!existsSync(file)) return {};
  try {
    return parseDotenv(readFileSync(file));
  } catch (e) {
    throw new ConfigError(`Cannot read ${file}: ${(e as Error).message}`);
  }
}

/**
 * Each articles folder gets its own archive, so `--articles DIR` never mixes two folders' articles.
 * NEWSBOT_DB names the archive of the configured folder; another folder given with --articles gets a
 * sibling file named after it.
 */
function archivePath(cwd: string, articlesDir: string, dbSetting: string | undefined, overridden: boolean): string {
  const tag = `${basename(articlesDir).replace(/[^\w.-]+/g, "_")}-${createHash("sha1").update(articlesDir).digest("hex").slice(0, 8)}`;
  if (dbSetting) {
    const db = resolve(cwd, dbSetting);
    return overridden ? join(dirname(db), `${basename(db).replace(/\.db$/, "")}.${tag}.db`) : db;
  }
  return join(cwd, "data", "archives", `${tag}.db`);
}

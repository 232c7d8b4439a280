// Settings, read once at start from the environment and `.env`, validated, and frozen. A bad setting stops
// the bot with a plain message that names it; secrets are never printed.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { z } from "zod";

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

const optional = z.string().trim().optional().transform((v) => (v ? v : undefined));
const url = (name: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), { message: `${name} must be an http(s) URL` });

const number = (ok: (n: number) => boolean, message: string) =>
  optional.refine((v) => v === undefined || ok(Number(v)), { message }).transform((v) => (v === undefined ? undefined : Number(v)));

const schema = z.object({
  NEWSBOT_ARTICLES: optional,
  NEWSBOT_DB: optional,
  NEWSBOT_DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "NEWSBOT_DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite archive)",
  }),
  NEWSBOT_FEEDS: optional,
  NEWSBOT_FEED_MINUTES: number((n) => n > 0, "NEWSBOT_FEED_MINUTES must be a positive number of minutes"),
  NEWSBOT_HEALTH_PORT: number((n) => Number.isInteger(n) && n >= 0 && n <= 65535, "NEWSBOT_HEALTH_PORT must be a port number (0-65535)"),
  NEWSBOT_LEASE_SECONDS: number((n) => n >= 1 && n <= 3600, "NEWSBOT_LEASE_SECONDS must be a number of seconds between 1 and 3600"),
  NEWSBOT_LOG_LEVEL: optional.pipe(z.enum(["debug", "info", "warn", "error"], { message: "NEWSBOT_LOG_LEVEL must be debug, info, warn or error" }).optional()),
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith("xoxb-"), { message: "SLACK_BOT_TOKEN must be a bot token (xoxb-…)" }),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith("xapp-"), { message: "SLACK_APP_TOKEN must be an app-level token (xapp-…)" }),
  SLACK_API_URL: url("SLACK_API_URL"),
  SLACK_DIGEST_CHANNEL: optional,
  PORT: number((n) => Number.isInteger(n) && n >= 0 && n <= 65535, "PORT must be a port number (0-65535)"),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), { message: "DISCORD_APPLICATION_ID must be the application's numeric id" }),
  DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), { message: "DISCORD_GUILD_ID must be a numeric server id" }),
  DISCORD_API_URL: url("DISCORD_API_URL"),
  DISCORD_DIGEST_CHANNEL: optional,
  DIGEST_CRON: optional.refine((v) => v === undefined || v.split(/\s+/).length >= 5, { message: "DIGEST_CRON must be a cron expression such as \"0 7 * * *\"" }),
  DIGEST_TZ: optional.refine((v) => v === undefined || validTimezone(v), { message: "DIGEST_TZ must be an IANA time zone such as Europe/London" }),
  DIGEST_SKIP_EMPTY: optional.pipe(z.enum(["true", "false", "1", "0", "yes", "no"], { message: "DIGEST_SKIP_EMPTY must be true or false" }).optional()),
});

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
    slack,
    discord,
    digest: Object.freeze({
      cron: e.DIGEST_CRON ?? "0 7 * * *",
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
    throw new ConfigError("Bad setting — SLACK_SIGNING_SECRET is missing (needed to verify Slack's requests over HTTP; or set SLACK_APP_TOKEN for Socket Mode)");
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

/** Where the URL points, for messages: host, port and database, never the user's password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || "5432"}${u.pathname && u.pathname !== "/" ? u.pathname : ""}`;
  } catch {
    return "(an unreadable URL)";
  }
}

/** Where the archive is, for messages: the SQLite file, or the PostgreSQL server without its password. */
export function describeArchive(c: Config): string {
  return c.databaseUrl ? `PostgreSQL at ${describeUrl(c.databaseUrl)}` : c.dbPath;
}

/** What the log may say about the configuration: which platforms are on, never a secret. */
export function describeConfig(c: Config): string {
  const platforms = [
    c.slack && (c.slack.appToken ? "Slack (Socket Mode)" : `Slack (HTTP on port ${c.slack.port})`),
    c.discord && `Discord${c.discord.guildId ? " (guild commands)" : ""}`,
  ].filter(Boolean);
  return `articles: ${c.articlesDir}; archive: ${describeArchive(c)}; chat: ${platforms.join(", ") || "terminal"}`;
}

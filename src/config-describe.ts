// The configuration as messages and the log may show it: where the archive is and which platforms are on,
// never a password or a token.
import type { Config } from "./config.ts";

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

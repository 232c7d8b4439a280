// One-line logs to stderr, with anything that looks like a secret masked. Slack and Discord tokens must
// never reach a log, even inside an error message from a library.
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

// Slack tokens (xoxb-, xapp-, xoxp-…), Discord bot tokens (three base64url parts), Bearer/Bot headers,
// postgres passwords and secrets given as key=value.
const SECRET_PATTERNS: RegExp[] = [
  /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g,
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g,
  /\b(Bearer|Bot)\s+[A-Za-z0-9._-]{8,}/g,
  /(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/g,
  /\b((?:token|secret|password|signing_secret)["']?\s*[:=]\s*["']?)[^\s"',&]+/gi,
];

/** Masks secrets in a message; `extra` are known secret values (the configured tokens) to mask too. */
export function redact(message: string, extra: readonly string[] = []): string {
  let out = message;
  for (const secret of extra) if (secret && secret.length >= 6) out = out.split(secret).join("[redacted]");
  out = out.replace(SECRET_PATTERNS[0], "[redacted]").replace(SECRET_PATTERNS[1], "[redacted]");
  out = out.replace(SECRET_PATTERNS[2], "$1 [redacted]").replace(SECRET_PATTERNS[3], "$1[redacted]@");
  return out.replace(SECRET_PATTERNS[4], "$1[redacted]");
}

const knownSecrets: string[] = [];

/** Registers configured secrets so every logger masks them wherever they appear. */
export function registerSecrets(...secrets: (string | null | undefined)[]): void {
  for (const s of secrets) if (s && !knownSecrets.includes(s)) knownSecrets.push(s);
}

export function logger(level: Level = "info", write: (line: string) => void = (l) => process.stderr.write(l + "\n")): Logger {
  const min = LEVELS.indexOf(level);
  const at = (l: Level) => (message: string) => {
    if (LEVELS.indexOf(l) < min) return;
    write(`${new Date().toISOString()} ${l.padEnd(5)} ${redact(message, knownSecrets).replace(/\n/g, "\n    ")}`);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...logger("debug", (l) => lines.push(l)) };
}

// Bad settings and unusable resources stop newsbot at once with one line that names the setting and
// what it accepts (issue 18): numbers out of their range, a cron that cannot be read or never fires, a
// feed that is not a URL, a PostgreSQL URL with an unencoded character in its password, a health port
// in use, a folder that is not there. Through the real command; never a stack trace, never a hang.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { RANGES } from "../../src/config.ts";
import { articlesFolder, runNewsbot } from "../helpers/process.ts";

const folder = articlesFolder("newsbot-settings-");

/** stderr as one line, asserting there is exactly one and no stack. */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0];
}

const refused: [string, Record<string, string>, RegExp][] = [
  [
    "a feed polled every millisecond",
    { NEWSBOT_FEED_MINUTES: "0.00001" },
    /^newsbot: Bad setting — NEWSBOT_FEED_MINUTES must be a number of minutes from 1 to 1440$/,
  ],
  ["a feed polled once in 1,900 years", { NEWSBOT_FEED_MINUTES: "1e9" }, /NEWSBOT_FEED_MINUTES must be a number of minutes from 1 to 1440/],
  ["a lease of no time", { NEWSBOT_LEASE_SECONDS: "0" }, /NEWSBOT_LEASE_SECONDS must be a number of seconds from 1 to 3600/],
  ["an extraction bound that is not a number", { NEWSBOT_EXTRACT_SECONDS: "five" }, /NEWSBOT_EXTRACT_SECONDS must be a number of seconds from 1 to 600/],
  ["a health port past the last", { NEWSBOT_HEALTH_PORT: "70000" }, /NEWSBOT_HEALTH_PORT must be a port number from 0 to 65535/],
  ["a port with a fraction", { PORT: "80.5" }, /PORT must be a port number from 0 to 65535/],
  [
    "a cron with minute 99",
    { DIGEST_CRON: "99 25 * * *" },
    /DIGEST_CRON "99 25 \* \* \*" is not a cron expression such as "0 7 \* \* \*" \(Invalid value for minute: 99\)/,
  ],
  ["a cron that never fires", { DIGEST_CRON: "0 0 30 2 *" }, /DIGEST_CRON "0 0 30 2 \*" never fires/],
  [
    "a feed that is not a URL",
    { NEWSBOT_FEEDS: "https://example.org/rss not-a-url" },
    /NEWSBOT_FEEDS must be http\(s\) feed addresses .*“not-a-url” is not one/,
  ],
  [
    "an unencoded # in the database password",
    { NEWSBOT_DATABASE_URL: "postgres://newsbot:pa#ss@127.0.0.1:5432/newsbot" },
    /NEWSBOT_DATABASE_URL cannot be read as a URL: a special character in the user name or password must be percent-encoded \(# as %23/,
  ],
  ["a bare % in the database password", { NEWSBOT_DATABASE_URL: "postgres://newsbot:100%sure@127.0.0.1:5432/newsbot" }, /percent-encoded/],
];

describe("settings refused at start, one line each", () => {
  for (const [what, env, message] of refused) {
    it(`refuses ${what}`, async () => {
      const r = await runNewsbot(["ask", "/help"], { env: { ...folder.env, ...env }, cwd: folder.root });
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(message);
      // A secret in the setting is never echoed.
      if (env.NEWSBOT_DATABASE_URL) expect(r.stderr).not.toMatch(/pa#ss|100%sure/);
      expect(r.stdout).toBe("");
    }, 90_000);
  }

  it("documents every numeric setting's range in .env.example", () => {
    const example = readFileSync(".env.example", "utf8");
    for (const [name, [min, max]] of Object.entries(RANGES)) {
      // The comment block just above the setting's line says its range.
      const block = example.split(/\n(?!#)/).find((b) => b.includes(`# ${name}=`)) ?? "";
      const comment = block
        .slice(0, block.indexOf(`# ${name}=`))
        .split("\n")
        .slice(-4)
        .join(" ");
      expect(comment, name).toContain(`${min}-${max}`);
    }
  });
});

describe("resources that cannot be had", () => {
  let busy: Server;
  afterAll(() => new Promise<void>((r) => (busy ? busy.close(() => r()) : r())));

  it("says the health port is in use, in one line, and exits", async () => {
    busy = createServer();
    const port = await new Promise<number>((r) => busy.listen(0, "127.0.0.1", () => r((busy.address() as { port: number }).port)));
    const r = await runNewsbot(["start"], { env: { ...folder.env, NEWSBOT_HEALTH_PORT: String(port) }, cwd: folder.root, timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    const lines = r.stderr
      .trim()
      .split("\n")
      .filter((l) => !/ info /.test(l));
    expect(lines).toEqual([
      `newsbot: Cannot serve the health check on port ${port} (NEWSBOT_HEALTH_PORT): another program already listens on it: stop that one or choose another port`,
    ]);
  }, 90_000);

  it("says the articles folder is missing, and exits (start, ask, ingest), whoever holds the ingest lease", async () => {
    const env = { ...folder.env, NEWSBOT_ARTICLES: `${folder.root}/no-such-folder` };
    // Once with the archive's ingest lease held by another process (a running replica): `ask` used to answer
    // from the archive and exit 0, and `ingest` to say the lease was held (the flake when these three ran at
    // once and one took the lease first); then all three at once, as before.
    expect((await runNewsbot(["ingest"], { env: folder.env, cwd: folder.root })).code).toBe(0);
    const db = new Database(folder.env.NEWSBOT_DB);
    db.prepare("INSERT OR REPLACE INTO leases (name, owner, expires_ms) VALUES ('ingest', 'another-replica', ?)").run(Date.now() + 600_000);
    db.close();
    const held = await Promise.all([["ask", "/help"], ["ingest"]].map((args) => runNewsbot(args, { env, cwd: folder.root, timeoutMs: 30_000 })));
    const db2 = new Database(folder.env.NEWSBOT_DB);
    db2.prepare("DELETE FROM leases").run();
    db2.close();
    const together = await Promise.all([["start"], ["ask", "/help"], ["ingest"]].map((args) => runNewsbot(args, { env, cwd: folder.root, timeoutMs: 30_000 })));
    for (const r of [...held, ...together]) {
      expect(r.code).toBe(2);
      const lines = r.stderr
        .trim()
        .split("\n")
        .filter((l) => !/ info /.test(l));
      expect(lines).toEqual([`newsbot: Cannot read the articles folder ${folder.root}/no-such-folder: ENOENT`]);
    }
  }, 120_000);
});

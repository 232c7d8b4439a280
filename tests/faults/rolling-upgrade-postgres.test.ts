// A rolling upgrade on the shared PostgreSQL archive keeps every article (issue 18), on the real PostgreSQL
// with several processes: a replica of an older newsbot runs and holds `ingest`; a newer one starts,
// rebuilds the derived tables for its layout and re-reads every file itself at once — it takes `ingest`
// in the same transaction — even while the older replica is frozen (SIGSTOP) holding a long lease. Woken,
// the older replica writes nothing, takes no lease back and stops with one line; started again it refuses,
// and never rebuilds the archive back.
//
// The older newsbot is this one, copied with its PostgreSQL layout version one lower: the code that runs
// is the real code, only the version it knows differs (no hook in newsbot itself).
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../../src/archive/postgres/schema.ts";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { freePort } from "../helpers/net.ts";
import { runNewsbot, startNewsbot, writeArticles, type Running } from "../helpers/process.ts";
import { tempDir } from "../helpers/tmp.ts";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { BOT_TOKEN, SECRET } from "../chat/slack-helpers.ts";

const FILES = 12;
const files = Object.fromEntries(
  Array.from({ length: FILES }, (_, i) => [
    `story-${i}.txt`,
    `Council item ${i}\n\n"We agreed the budget," said Ann Smith, the council leader, after the ${i}th meeting.\n`,
  ]),
);

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}
const articles = async (url: string) => Number((await query<{ n: string }>(url, "SELECT count(*) AS n FROM articles"))[0].n);
const layout = async (url: string) => Number((await query<{ value: string }>(url, "SELECT value FROM newsbot_state WHERE key = 'schema_version'"))[0].value);
const ingestOwner = async (url: string) =>
  (await query<{ owner: string }>(url, "SELECT owner FROM leases WHERE name = 'ingest' AND expires_at > now()"))[0]?.owner ?? null;

/** Polls `check` (bounded, no fixed sleep) until it returns true; false when `ms` ran out. */
async function eventually(check: () => Promise<boolean>, ms = 30_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** This newsbot, copied under `dir` with a PostgreSQL layout version one lower: "the older release". */
function olderNewsbot(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const part of ["bin", "src", "commands", "package.json"]) cpSync(part, join(dir, part), { recursive: true });
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
  const schema = join(dir, "src/archive/postgres/schema.ts");
  const text = readFileSync(schema, "utf8");
  const older = text.replace(`export const SCHEMA_VERSION = ${SCHEMA_VERSION};`, `export const SCHEMA_VERSION = ${SCHEMA_VERSION - 1};`);
  expect(older).not.toBe(text);
  writeFileSync(schema, older);
  return join(dir, "bin/newsbot.js");
}

describe.skipIf(postgresMissing)("a rolling upgrade of replicas on the shared PostgreSQL archive", () => {
  const root = tempDir("newsbot-upgrade-");
  const folder = writeArticles(join(root, "articles"), files, false);
  const older = olderNewsbot(join(root, "older"));
  const running: Running[] = [];
  let fake: FakeSlack | null = null;
  const slack = async () => {
    fake ??= await startFakeSlack();
    return { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()) };
  };
  afterAll(async () => {
    for (const r of running) {
      r.child.kill("SIGCONT");
      await r.stop();
    }
    await fake?.close();
  });

  it("keeps every article: the newer replica re-reads at once, the older stops and never rebuilds back", async () => {
    const url = await freshDatabase("upgrade");
    // A long lease: waiting for the frozen older replica's lease to run out would take longer than the test waits.
    const env = { NEWSBOT_ARTICLES: folder, NEWSBOT_DATABASE_URL: url, NEWSBOT_LEASE_SECONDS: "120" };

    const old = await startNewsbot(["start"], {
      bin: older,
      cwd: root,
      env: { ...env, ...(await slack()) },
      what: "older replica",
      ready: (out) => /listening on port/.test(out),
    });
    running.push(old);
    expect(await eventually(async () => (await articles(url)) === FILES), old.output()).toBe(true);
    expect(await layout(url)).toBe(SCHEMA_VERSION - 1);
    expect(await ingestOwner(url)).toContain(`:${old.child.pid}:`);

    // The older replica stalls (a long pause, a frozen VM) while holding `ingest` for two minutes.
    old.child.kill("SIGSTOP");
    const newer = await startNewsbot(["start"], {
      cwd: root,
      env: { ...env, ...(await slack()) },
      what: "newer replica",
      ready: (out) => /listening on port/.test(out),
    });
    running.push(newer);
    expect(newer.output()).toMatch(/rebuilt for a new layout: every file is read again/);
    // No file changed, and the older replica still holds what it held: the newer one re-reads every file itself.
    expect(await eventually(async () => (await articles(url)) === FILES), newer.output()).toBe(true);
    expect(await layout(url)).toBe(SCHEMA_VERSION);
    expect(await ingestOwner(url)).toContain(`:${newer.child.pid}:`);
    // It watches the folder too: a file added now is indexed by it.
    writeFileSync(join(folder, "story-new.txt"), "Council item new\n\nThe council met again.\n");
    expect(await eventually(async () => (await articles(url)) === FILES + 1), newer.output()).toBe(true);

    // The older replica wakes: it takes no lease back, writes nothing, and stops with one line.
    old.child.kill("SIGCONT");
    const code = await Promise.race([old.exited, new Promise((r) => setTimeout(() => r("still running"), 30_000))]);
    expect(code, old.output()).toBe(2);
    expect(old.output()).toMatch(
      new RegExp(
        `newsbot: The PostgreSQL archive: its layout \\(version ${SCHEMA_VERSION}\\) is newer than this newsbot knows \\(version ${SCHEMA_VERSION - 1}\\)`,
      ),
    );
    expect(old.output()).not.toMatch(/\n\s+at /);
    expect(await ingestOwner(url)).toContain(`:${newer.child.pid}:`);
    expect(await articles(url)).toBe(FILES + 1);

    // Started again (a rollback of one replica), the older newsbot refuses and rebuilds nothing back.
    const again = await runNewsbot(["ingest"], { bin: older, env, cwd: root });
    expect(again.code).toBe(2);
    expect(
      again.stderr
        .trim()
        .split("\n")
        .filter((l) => !/ info /.test(l)),
    ).toEqual([
      expect.stringMatching(
        /^newsbot: The PostgreSQL database at .*: its layout \(version \d+\) is newer than this newsbot knows .* Upgrade this replica; nothing was changed\.$/,
      ),
    ]);
    expect(await layout(url)).toBe(SCHEMA_VERSION);
    expect(await articles(url)).toBe(FILES + 1);
    await newer.stop();
  }, 240_000);
});

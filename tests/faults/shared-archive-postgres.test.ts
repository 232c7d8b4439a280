// The shared PostgreSQL archive must not be emptied or taken over by mistake (issue 18), on the real
// PostgreSQL, several processes, one database: another application's database is refused untouched; a
// newsbot older than the archive's layout refuses to run on it (at start, and a running replica stops);
// a one-off `ask` or `ingest OTHER_FOLDER` with the same URL neither indexes nor removes (it says which
// folder the archive mirrors); an empty folder (a failed mount) or one that lost most of its files removes
// nothing, and a replica seeing one turns /health 503 with the reason. The archive keeps every article.
import { mkdirSync, renameSync, rmSync, cpSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { eventually, freePort } from "../helpers/net.ts";
import { runNewsbot, startNewsbot, writeArticles, type Running } from "../helpers/process.ts";
import { tempDir } from "../helpers/tmp.ts";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { BOT_TOKEN, SECRET } from "../chat/slack-helpers.ts";

const FILES = 12;
const extra = Object.fromEntries(
  Array.from({ length: FILES - 2 }, (_, i) => [`local-${i}.txt`, `Council item ${i}\n\nThe council met for the ${i}th time and agreed the budget.\n`]),
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

function oneLine(stderr: string): string {
  const lines = stderr
    .trim()
    .split("\n")
    .filter((l) => !/ info /.test(l));
  expect(lines, stderr).toHaveLength(1);
  return lines[0];
}

describe.skipIf(postgresMissing)("the shared PostgreSQL archive", () => {
  const root = tempDir("newsbot-shared-");
  const folder = writeArticles(join(root, "articles"), extra);
  const running: Running[] = [];
  let fake: FakeSlack | null = null;
  /** A replica's chat settings: Slack over HTTP against a local fake, so `newsbot start` runs as in production. */
  const slack = async () => {
    fake ??= await startFakeSlack();
    return { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()) };
  };
  afterAll(async () => {
    for (const r of running) await r.stop();
    await fake?.close();
  });

  it("refuses another application's database, touching nothing", async () => {
    const url = await freshDatabase("foreign");
    await query(
      url,
      "CREATE TABLE users (id serial PRIMARY KEY, name text); INSERT INTO users (name) VALUES ('ann'); CREATE TABLE articles (id serial PRIMARY KEY)",
    );
    const r = await runNewsbot(["ingest"], { env: { NEWSBOT_ARTICLES: folder, NEWSBOT_DATABASE_URL: url }, cwd: root });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(
      /^newsbot: The PostgreSQL database at 127\.0\.0\.1:\d+\/\w+ \(NEWSBOT_DATABASE_URL\): it is not newsbot's: it holds tables newsbot did not make \(articles, users\) and no newsbot_state\. Nothing in it was changed\./,
    );
    expect((await query(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((t) => t.tablename)).toEqual(["articles", "users"]);
  }, 120_000);

  it("keeps every article when a one-off command runs elsewhere, or the folder empties or loses most of its files", async () => {
    const url = await freshDatabase("shared");
    const env = { NEWSBOT_ARTICLES: folder, NEWSBOT_DATABASE_URL: url, NEWSBOT_LEASE_SECONDS: "2" };
    const first = await runNewsbot(["ingest"], { env, cwd: root });
    expect(first.code, first.stderr).toBe(0);
    expect(await articles(url)).toBe(FILES);

    // A one-off `ask` from another folder (its own samples) and `ingest OTHER_FOLDER`, same URL, no replica running.
    const other = writeArticles(join(root, "other"), {}, true);
    const ask = await runNewsbot(["ask", "/search council"], { env: { ...env, NEWSBOT_ARTICLES: other }, cwd: root });
    expect(ask.code).toBe(0);
    expect(ask.stdout).toMatch(/Council item/);
    expect(ask.stderr).toMatch(new RegExp(`not indexing: the archive mirrors the articles folder ${folder}, not ${other}: nothing indexed or removed`));
    const ingestOther = await runNewsbot(["ingest", other], { env, cwd: root });
    expect(ingestOther.code).toBe(1);
    expect(oneLine(ingestOther.stderr)).toMatch(
      new RegExp(`^newsbot ingest: the archive mirrors the articles folder ${folder}, not ${other}: nothing indexed or removed\\. .*--new-source`),
    );
    expect(await articles(url)).toBe(FILES);

    // Most files gone: nothing removed until confirmed.
    const aside = join(root, "aside");
    mkdirSync(aside);
    for (let i = 0; i < 8; i++) renameSync(join(folder, `local-${i}.txt`), join(aside, `local-${i}.txt`));
    const most = await runNewsbot(["ingest"], { env, cwd: root });
    expect(most.code).toBe(1);
    expect(oneLine(most.stderr)).toBe(
      `newsbot ingest: 8 of the archive's ${FILES} files are gone from ${folder}: nothing removed or indexed. If they were deleted on purpose, run newsbot ingest --confirm-removal.`,
    );
    expect(await articles(url)).toBe(FILES);
    for (let i = 0; i < 8; i++) renameSync(join(aside, `local-${i}.txt`), join(folder, `local-${i}.txt`));

    // A replica whose folder is empty (a mount that failed) takes the ingest lease: it removes nothing, and
    // its /health says why with 503; once the files are back it indexes again and is ready.
    renameSync(folder, join(root, "mounted"));
    mkdirSync(folder);
    const healthPort = await freePort();
    const replica = await startNewsbot(["start"], {
      cwd: root,
      env: { ...env, NEWSBOT_HEALTH_PORT: String(healthPort), ...(await slack()) },
      what: "replica with an empty folder",
      ready: (out) => /not indexing: the articles folder .* is empty/.test(out),
    });
    running.push(replica);
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${healthPort}/health`);
      return { status: res.status, body: (await res.json()) as { ready: boolean; problems: string[] } };
    };
    // Polled (bounded): on a loaded machine one answer may say first that the archive was slow to answer.
    const empty = `the articles folder ${folder} is empty (a folder that did not mount?): nothing removed or indexed. If they were deleted on purpose, run newsbot ingest --confirm-removal.`;
    const h = await eventually(async () => {
      const r = await health();
      return r.body.problems.includes(empty) ? r : null;
    }, "/health naming the empty folder");
    expect(h.status).toBe(503);
    expect(await articles(url)).toBe(FILES);
    cpSync(join(root, "mounted"), folder, { recursive: true });
    let ready = false;
    for (const end = Date.now() + 30_000; !ready && Date.now() < end;) {
      ready = (await health()).status === 200;
      if (!ready) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready, replica.output()).toBe(true);
    expect(await articles(url)).toBe(FILES);
    await replica.stop();

    // Removed on purpose, confirmed: the counts follow.
    rmSync(join(folder, "local-0.txt"));
    rmSync(join(folder, "local-1.txt"));
    const confirmed = await runNewsbot(["ingest", "--confirm-removal"], { env, cwd: root });
    expect(confirmed.stdout).toMatch(/Indexed: 0 new, 0 changed, 2 removed/);
    expect(await articles(url)).toBe(FILES - 2);
  }, 240_000);

  it("refuses to run on a layout newer than it knows: at start, and a running replica stops", async () => {
    const url = await freshDatabase("newer");
    const env = { NEWSBOT_ARTICLES: folder, NEWSBOT_DATABASE_URL: url, NEWSBOT_LEASE_SECONDS: "2" };
    expect((await runNewsbot(["ingest"], { env, cwd: root })).code).toBe(0);
    const before = await articles(url);
    const replica = await startNewsbot(["start"], {
      cwd: root,
      env: { ...env, ...(await slack()) },
      what: "replica",
      ready: (out) => /listening on port/.test(out),
    });
    running.push(replica);
    // A newer newsbot upgrades the archive (its layout version goes up).
    await query(url, "UPDATE newsbot_state SET value = 99 WHERE key = 'schema_version'");
    const code = await Promise.race([replica.exited, new Promise((r) => setTimeout(() => r("still running"), 30_000))]);
    expect(code, replica.output()).toBe(2);
    expect(replica.output()).toMatch(/newsbot: The PostgreSQL archive: its layout \(version 99\) is newer than this newsbot knows \(version \d+\)/);
    const r = await runNewsbot(["ask", "/search council"], { env, cwd: root });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/its layout \(version 99\) is newer than this newsbot knows .* Upgrade this replica; nothing was changed\.$/);
    expect(await articles(url)).toBe(before);
    expect((await query(url, "SELECT value FROM newsbot_state WHERE key = 'schema_version'"))[0].value).toBe("99");
  }, 180_000);
});

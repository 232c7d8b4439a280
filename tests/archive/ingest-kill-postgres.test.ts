// Issue 9: "a replica killed in the middle of ingesting an article leaves the archive as it was before that
// article". `newsbot ingest` of a few thousand files into PostgreSQL is SIGKILLed once articles are going
// in; every file the archive then lists has all of its article, quotes and figures, nothing else is there,
// and the next ingest finishes the job.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../helpers/net.ts";
import { runNewsbot, startNewsbot } from "../helpers/process.ts";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { tempDir } from "../helpers/tmp.ts";

const COPIES = 300; // of each sample: 600 files, several seconds of ingestion into PostgreSQL

describe.skipIf(postgresMissing)("newsbot ingest killed half-way into PostgreSQL", () => {
  const root = tempDir("newsbot-kill-");
  const articles = join(root, "articles");
  const samples = ["000_2ea4bb40d2f84377.txt", "003_a45378febf24a42f.txt"].map((f) => readFileSync(join("data/articles", f), "utf8"));
  const env: Record<string, string> = {};
  let db: pg.Client;

  beforeAll(async () => {
    mkdirSync(articles);
    for (let i = 0; i < COPIES; i++) samples.forEach((text, s) => writeFileSync(join(articles, `copy-${String(i).padStart(4, "0")}-${s}.txt`), text));
    Object.assign(env, { NEWSBOT_DATABASE_URL: await freshDatabase("kill"), NEWSBOT_ARTICLES: articles, NEWSBOT_LEASE_SECONDS: "10" });
    db = new pg.Client({ connectionString: env.NEWSBOT_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
  });

  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);

  it("leaves only whole files behind, and the next run completes the archive", async () => {
    // What one whole copy of each sample holds, from a reference ingest of the two samples alone.
    const reference = join(root, "reference");
    mkdirSync(reference);
    cpSync("data/articles", reference, { recursive: true });
    const refEnv = { NEWSBOT_DATABASE_URL: await freshDatabase("kill_ref"), NEWSBOT_ARTICLES: reference };
    const refRun = await runNewsbot(["ingest", reference], { env: refEnv, cwd: root });
    expect(refRun.code, refRun.stderr).toBe(0);
    const ref = new pg.Client({ connectionString: refEnv.NEWSBOT_DATABASE_URL });
    await ref.connect();
    const whole = (
      await ref.query(`SELECT (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
      (SELECT count(*) FROM figures g WHERE g.article_id = a.id) AS figures, (SELECT count(*) FROM people p WHERE p.article_id = a.id) AS people
      FROM articles a ORDER BY a.file`)
    ).rows.map((r) => `${r.quotes}/${r.figures}/${r.people}`);
    await ref.end();
    expect(whole).toHaveLength(2);

    const ingest = await startNewsbot(["ingest", articles], {
      cwd: root,
      env,
      what: "newsbot ingest",
      readyMs: 120_000,
      // The archive exists once the tables do; the check below waits for articles.
      ready: () => true,
    });
    let seen: number;
    for (const end = Date.now() + 120_000; Date.now() < end;) {
      seen = await count("SELECT count(*) AS n FROM articles").catch(() => 0);
      if (seen >= 50 || ingest.child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    ingest.child.kill("SIGKILL");
    await ingest.exited;
    // The killed process still holds the ingest lease until it expires: a run right now says so.
    const refused = await runNewsbot(["ingest", articles], { env, cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds this archive's ingest lease.*expires within 10 s/);
    const kept = await count("SELECT count(*) AS n FROM articles");
    expect(kept, "killed before it finished").toBeLessThan(2 * COPIES);
    expect(kept).toBeGreaterThan(0);

    // Every listed file has its article; every article belongs to a listed file; each article is whole.
    expect(await count("SELECT count(*) AS n FROM files f WHERE skipped IS NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.file = f.path)")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.path = a.file)")).toBe(0);
    const shapes = (
      await db.query(`SELECT DISTINCT (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) || '/' ||
      (SELECT count(*) FROM figures g WHERE g.article_id = a.id) || '/' || (SELECT count(*) FROM people p WHERE p.article_id = a.id) AS shape FROM articles a`)
    ).rows.map((r) => r.shape as string);
    for (const shape of shapes) expect(whole).toContain(shape);
    // The word statistics that ranking reads count exactly the articles there.
    expect(await count("SELECT rows AS n FROM fts_totals WHERE name = 'articles'")).toBe(kept);

    // Once the lease has expired, the next run reads only the files the killed one did not finish.
    const again = await eventually(
      async () => {
        const r = await runNewsbot(["ingest", articles], { env, cwd: root, timeoutMs: 300_000 });
        return r.code === 0 ? r : null;
      },
      "an ingest after the lease expired",
      120_000,
    );
    expect(again.stderr).not.toMatch(/every article is read again/);
    expect(again.stdout).toMatch(new RegExp(`${2 * COPIES - kept} new, 0 changed, 0 removed, ${kept} unchanged`));
    expect(await count("SELECT count(*) AS n FROM articles")).toBe(2 * COPIES);
    const answer = await runNewsbot(["ask", "--json", "/quote sturgeon"], { env, cwd: root });
    expect(answer.stdout).toContain("cruel cut too far");
  }, 600_000);
});

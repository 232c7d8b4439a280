// Issue 9's check from outside: with NEWSBOT_DATABASE_URL set, `newsbot ingest` fills PostgreSQL and writes
// no SQLite file, and separate `newsbot ask` processes answer from it.
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { newsbot } from "../helpers/cli.ts";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { tempDir } from "../helpers/tmp.ts";

const root = tempDir();
const articles = join(root, "articles");
const env: Record<string, string> = {};

describe.skipIf(postgresMissing)("newsbot on PostgreSQL, process by process", () => {
  beforeAll(async () => {
    mkdirSync(articles);
    cpSync("data/articles", articles, { recursive: true });
    Object.assign(env, { NEWSBOT_DATABASE_URL: await freshDatabase("cli"), NEWSBOT_ARTICLES: articles });
  });

  it("ingests into PostgreSQL and writes no SQLite archive", () => {
    const r = newsbot(["ingest", articles], { env, cwd: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Indexed: 2 new/);
    expect(r.stdout).toMatch(/people in PostgreSQL at 127\.0\.0\.1:\d+\/cli_/);
    expect(r.stdout).not.toContain("newsbot-test"); // the test server's password
    expect(existsSync(join(root, "data"))).toBe(false);
    const again = newsbot(["ingest", articles], { env, cwd: root });
    expect(again.stdout).toMatch(/0 new, 0 changed, 0 removed, 2 unchanged/);
  });

  it("answers /quote sturgeon, /figure PIP and /quote osbourne from it in separate processes", () => {
    const ask = (line: string) => {
      const r = newsbot(["ask", "--json", line], { env, cwd: root });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { status: string; blocks: unknown[] };
    };
    const sturgeon = JSON.stringify(ask("/quote sturgeon"));
    expect(sturgeon).toContain("cruel cut too far");
    expect(sturgeon).toContain("Nicola Sturgeon");
    const pip = JSON.stringify(ask("/figure PIP"));
    expect(pip).toContain("£4.4 billion");
    expect(pip).toContain("640,000");
    const osbourne = JSON.stringify(ask("/quote osbourne"));
    expect(osbourne).toContain("humiliating climbdown for George Osborne");
    expect(existsSync(join(root, "data"))).toBe(false);
  });

  it("says in one line which server it cannot reach, without the password", () => {
    const r = newsbot(["ask", "/help"], { env: { ...env, NEWSBOT_DATABASE_URL: "postgres://newsbot:s3cret-pw@127.0.0.1:1/archive" }, cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^newsbot: Cannot open the PostgreSQL archive at 127\.0\.0\.1:1\/archive \(NEWSBOT_DATABASE_URL\), the server cannot be reached: .*ECONNREFUSED.*\n$/,
    );
    expect(r.stderr).not.toContain("s3cret-pw");
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

it.skipIf(!postgresMissing)("skips the PostgreSQL command tests", () => {
  console.warn(postgresMissing);
});

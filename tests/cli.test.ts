import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newsbot } from "./helpers/cli.ts";
import { tempDir } from "./helpers/tmp.ts";

const root = tempDir();
const articles = join(root, "articles");
mkdirSync(articles);
cpSync("data/articles", articles, { recursive: true });
const env = { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles };

describe("the newsbot command, end to end", () => {
  it("indexes a folder and reports what it did, skipping a bad file with its reason", () => {
    writeFileSync(join(articles, "zz-broken.md"), "---\ntitle: [x\n---\nbody");
    const r = newsbot(["ingest"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Indexed: 2 new/);
    expect(r.stdout).toMatch(/skipped zz-broken\.md: front matter/);
    const again = newsbot(["ingest"], { env });
    expect(again.stdout).toMatch(/0 new, 0 changed, 0 removed, 3 unchanged/);
  });

  it("answers one command as JSON with the reply structure", () => {
    const r = newsbot(["ask", "--json", "/help"], { env });
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout);
    expect(reply).toMatchObject({ command: "help", status: "ok" });
    expect(JSON.stringify(reply.blocks)).toContain("/quote");
  });

  it("gives the command's help for an empty query and a clear message for a huge one", () => {
    const empty = JSON.parse(newsbot(["ask", "--json", "/quote"], { env }).stdout);
    expect(empty.status).toBe("usage");
    const huge = JSON.parse(newsbot(["ask", "--json", `/figure ${"budget ".repeat(2000)}`], { env }).stdout);
    expect(huge.status).toBe("usage");
    expect(JSON.stringify(huge.blocks)).toMatch(/too long/);
    const unknown = newsbot(["ask", "/frobnicate x"], { env });
    expect(unknown.stdout).toMatch(/There is no \/frobnicate command/);
  });

  it("survives strange queries: search syntax, quotes and emoji reach the archive as words", () => {
    // One process for the whole syntax of FTS5 and regular expressions; the in-process tests try more.
    const r = newsbot(["ask", "--json", '/search "unclosed a* OR b) NEAR( (.*)+$ 🙂 **bold** NOT -'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(["ok", "empty"]).toContain(JSON.parse(r.stdout).status);
  });

  it("says which setting is wrong instead of crashing", () => {
    const r = newsbot(["ask", "/help"], { env: { ...env, PORT: "not-a-port" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PORT must be a port number/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("opens a terminal chat when no chat tokens are set", () => {
    const r = newsbot(["start"], { env, input: "/help\n/quit\n" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/newsbot — 2 articles/);
    expect(r.stdout).toMatch(/What newsbot can do/);
  });

  it("prints extraction JSON in the scorer's shape", () => {
    const r = newsbot(["extract", "--json", join(articles, "000_2ea4bb40d2f84377.txt")], { env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.articles[0]).toMatchObject({ file: "000_2ea4bb40d2f84377.txt", quotes: expect.any(Array), figures: expect.any(Array) });
  });
});

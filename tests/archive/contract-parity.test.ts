// The same answers from both stores: every gold query, and searches, typos and names beyond them, asked of a
// bot on SQLite and a bot on PostgreSQL over the same articles, give the same replies.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { tempDir } from "../helpers/tmp.ts";

const DEV = join(process.cwd(), "../shared/eval/dev");
const GOLD = "../shared/eval/dev-gold.json";
const root = tempDir();
let sqlite: Bot;
let postgres: Bot;

describe.skipIf(postgresMissing || !existsSync(GOLD))("SQLite and PostgreSQL give the same replies", () => {
  beforeAll(async () => {
    const log = memoryLogger();
    sqlite = await openBot(loadConfig({ env: { NEWSBOT_ARTICLES: DEV, NEWSBOT_DB: join(root, "a.db") }, cwd: root }), { log });
    postgres = await openBot(loadConfig({ env: { NEWSBOT_ARTICLES: DEV, NEWSBOT_DATABASE_URL: await freshDatabase("parity") }, cwd: root }), { log });
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  const gold = existsSync(GOLD) ? (JSON.parse(readFileSync(GOLD, "utf8")) as { queries: { ask: string }[] }).queries.map((q) => q.ask) : [];
  const more = [
    "/search oil price", "/search government spending plans", "/search the", "/search economy growth forecast", "/search vioxx",
    "/search ecnomy", "/search goverment", "/figure oil", "/figure billion", "/figure athletcs", "/quote oil", "/quote government",
    "/who blair", "/who brown", "/who OECD", "/quote tony blair", "/check Letwin said \"black hole in his finances\"",
  ];
  const strip = (r: unknown) => JSON.stringify(r).replace(/"addedAt":"[^"]*"/g, "");

  it("on every dev gold query and more, page after page", async () => {
    const differ: string[] = [];
    let answered = 0;
    for (const line of [...gold, ...more]) {
      const [, command, query] = /^\/(\S+)\s*(.*)$/.exec(line)!;
      for (const page of [1, 2]) {
        const [a, b] = await Promise.all([sqlite, postgres].map((bot) => bot.handle({ command, query, platform: "cli", page, pageSize: 5 })));
        if (strip(a) !== strip(b)) differ.push(`${line} (page ${page})`);
        if (page === 1 && a.status === "ok" && a.blocks.length > 1) answered++;
      }
    }
    expect(differ).toEqual([]);
    // Real answers were compared, not two empty replies.
    expect(answered).toBeGreaterThan(gold.length);
  }, 120_000);
});

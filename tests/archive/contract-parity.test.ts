// The same answers from both stores: names, typos, acronyms, topics, figures, searches and drafts, asked of
// a bot on SQLite and a bot on PostgreSQL over the same articles (the sample articles and the newsroom
// written for the tests), give the same replies, page after page.
import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { writeArticles } from "../helpers/process.ts";
import { tempDir } from "../helpers/tmp.ts";

const root = tempDir();
const articles = writeArticles(join(root, "articles"));
cpSync("tests/fixtures/newsroom", join(articles, "newsroom"), { recursive: true });
cpSync("tests/fixtures/topics", join(articles, "topics"), { recursive: true });
let sqlite: Bot;
let postgres: Bot;

const ASKS = [
  // People: by full name, surname, alias, a surname two people share, a typo, someone only mentioned.
  "/quote sturgeon",
  "/quote IDS",
  "/quote duncan smith",
  "/quote osbourne",
  "/quote okonkwo",
  "/quote whitlock",
  "/quote fairbrothr",
  "/quote lindqvist",
  "/quote grace lindqvist",
  "/quote kofi mensah",
  // Topics, acronyms both ways, and words the archive never uses.
  "/quote harbour",
  "/quote bus",
  "/quote HDA",
  "/quote cuts",
  "/quote jobs",
  "/figure PIP",
  "/figure personal independence payments",
  "/figure harbour",
  "/figure ITB",
  "/figure million",
  "/figure jobs",
  "/figure unemployment",
  "/figure brewry",
  "/figure debt",
  "/search the",
  "/search harbour plan",
  "/search council",
  "/search goverment",
  "/search marathon runners",
  "/search zzzz",
  "/who okonkwo",
  "/who whitlock",
  "/who HDA",
  "/who IDS",
  "/who Football Supporters Association",
  "/check Miriam Okonkwo said “every pound of it will be spent where people can see it”",
  "/check Sturgeon said it was “a cruel cut too far” and 370,000 people lose £3,500",
  // A person on a topic, periods, a quotation repeated in several articles (tests/fixtures/topics).
  "/quote sturgeon on PIP",
  "/quote IDS on personal independence payments",
  "/quote holloway on PIP",
  "/quote holloway on rail fares",
  "/quote holloway since 2016-03-01",
  "/quote PIP until 2016-04-30",
  "/figure PIP in 2016",
  "/search housing benefit until 2016-02-28",
  "/who holloway",
  "/timeline holloway",
  "/timeline holloway on PIP",
  "/timeline IDS",
  "/digest 2000-01-01",
];

describe.skipIf(postgresMissing)("SQLite and PostgreSQL give the same replies", () => {
  beforeAll(async () => {
    const log = memoryLogger();
    sqlite = await openBot(loadConfig({ env: { NEWSBOT_ARTICLES: articles, NEWSBOT_DB: join(root, "a.db") }, cwd: root }), { log });
    postgres = await openBot(loadConfig({ env: { NEWSBOT_ARTICLES: articles, NEWSBOT_DATABASE_URL: await freshDatabase("parity") }, cwd: root }), { log });
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  const strip = (r: unknown) => JSON.stringify(r).replace(/"addedAt":"[^"]*"/g, "");

  it("on people, topics, figures, searches and drafts, page after page", async () => {
    const differ: string[] = [];
    let answered = 0;
    for (const line of ASKS) {
      const [, command, query] = /^\/(\S+)\s*(.*)$/.exec(line)!;
      for (const page of [1, 2]) {
        const [a, b] = await Promise.all([sqlite, postgres].map((bot) => bot.handle({ command, query, platform: "cli", page, pageSize: 3 })));
        if (strip(a) !== strip(b)) differ.push(`${line} (page ${page})\n  sqlite:   ${strip(a).slice(0, 300)}\n  postgres: ${strip(b).slice(0, 300)}`);
        if (page === 1 && a.status === "ok") answered++;
      }
    }
    expect(differ).toEqual([]);
    // Real answers were compared, not two empty replies.
    expect(answered).toBeGreaterThan(ASKS.length * 0.75);
  }, 120_000);
});

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { openBot, type Bot } from "../src/core.ts";
import { memoryLogger } from "../src/log.ts";
import { READ_AT_MOST, firstOf } from "../src/reply/build.ts";
import { renderDiscord } from "../src/reply/discord.ts";
import type { FigureBlock, QuoteBlock, Reply } from "../src/reply/model.ts";
import { renderSlack } from "../src/reply/slack.ts";
import { renderTerminal } from "../src/reply/terminal.ts";
import { tempDir } from "./helpers/tmp.ts";

let bot: Bot;
const root = tempDir();

beforeAll(async () => {
  const config = loadConfig({ env: { NEWSBOT_ARTICLES: join(process.cwd(), "data/articles"), NEWSBOT_DB: join(root, "a.db") }, cwd: root });
  bot = await openBot(config, { log: memoryLogger() });
});
afterAll(() => bot.close());

const ask = (line: string, page = 1) => {
  const [, command, query] = /^\/(\S+)\s*(.*)$/.exec(line)!;
  return bot.handle({ command, query, platform: "cli", page, pageSize: 20 });
};
const quotes = (r: Reply) => r.blocks.filter((b): b is QuoteBlock => b.kind === "quote");
const figures = (r: Reply) => r.blocks.filter((b): b is FigureBlock => b.kind === "figure");

describe("the commands on the sample articles", () => {
  it("/quote sturgeon: her words, word for word, with article and paragraph", async () => {
    const r = await ask("/quote sturgeon");
    const mine = quotes(r).filter((q) => q.match === "by");
    expect(mine.map((q) => q.speaker)).toEqual(mine.map(() => "Nicola Sturgeon"));
    expect(mine.map((q) => q.text)).toContain("Wow. When even IDS thinks it’s a cruel cut too far, it is definitely time for a fundamental rethink");
    expect(mine[0].source).toMatchObject({ path: "000_2ea4bb40d2f84377.txt", paragraph: expect.any(Number) });
  });

  it("/quote IDS and /quote duncan smith find the same man, and never Owen Smith's words as his", async () => {
    for (const q of ["IDS", "duncan smith", "Iain Duncan Smith"]) {
      const by = quotes(await ask(`/quote ${q}`)).filter((x) => x.match === "by");
      expect(by.length, q).toBeGreaterThan(2);
      expect(
        by.every((x) => x.speaker === "Iain Duncan Smith"),
        q,
      ).toBe(true);
    }
  });

  it("/quote osbourne forgives the typo and shows quotes that mention him, saying he has none of his own", async () => {
    const r = await ask("/quote osbourne");
    expect(r.blocks[0]).toMatchObject({ kind: "note", text: expect.stringContaining("George Osborne") });
    expect(r.blocks.some((b) => b.kind === "text" && b.text.startsWith("No quotes by George Osborne"))).toBe(true);
    expect(quotes(r).every((q) => q.match === "mentions")).toBe(true);
    expect(quotes(r).some((q) => q.text.includes("humiliating climbdown for George Osborne"))).toBe(true);
  });

  it("/quote on a topic finds quotes by their words", async () => {
    const r = await ask("/quote shameful");
    expect(quotes(r)[0]).toMatchObject({ speaker: "Owen Smith", match: "topic" });
  });

  it("/quote sturgeon on PIP: her PIP quote first; /quote IDS on personal independence payments: his letter's words", async () => {
    const sturgeon = quotes(await ask("/quote sturgeon on PIP"));
    expect(sturgeon[0]).toMatchObject({ speaker: "Nicola Sturgeon", match: "by", text: expect.stringContaining("#PIP cuts") });
    const ids = quotes(await ask("/quote IDS on personal independence payments"));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((q) => q.speaker === "Iain Duncan Smith")).toBe(true);
    expect(ids.map((q) => q.text).join(" ")).toContain("a compromise too far");
  });

  it("/figure PIP: each figure once, with every article that gives it", async () => {
    const r = await ask("/figure PIP");
    const byText = new Map(figures(r).map((f) => [f.text, f]));
    for (const t of ["640,000", "£4.4 billion", "370,000", "£3,500"]) expect(byText.has(t), t).toBe(true);
    expect(byText.get("£4.4 billion")!.sources).toHaveLength(2);
    expect(byText.get("£4.4 billion")!.value).toBe(4.4e9);
    expect(byText.has("80%")).toBe(false);
  });

  it("/figure personal independence payments finds what PIP finds", async () => {
    const texts = figures(await ask("/figure personal independence payments")).map((f) => f.text);
    expect(texts).toEqual(expect.arrayContaining(["£4.4 billion", "370,000"]));
  });

  it("/who IDS: the person, the other names used, roles and latest quotes", async () => {
    const r = await ask("/who IDS");
    expect(r.blocks[0]).toMatchObject({ kind: "person", name: "Iain Duncan Smith", aliases: expect.arrayContaining(["Duncan Smith", "IDS"]) });
    expect(quotes(r).length).toBeGreaterThan(0);
  });

  it("/search ranks articles and shows a snippet", async () => {
    const r = await ask("/search pasty tax");
    expect(r.blocks.find((b) => b.kind === "article")).toMatchObject({ source: { path: "003_a45378febf24a42f.txt" } });
  });

  it("says nothing was found, and offers the nearest names", async () => {
    const r = await ask("/who sturgen");
    expect(r.status).toBe("ok"); // a typo of a known name still finds her
    const none = await ask("/quote zzyzx qwerty");
    expect(none.status).toBe("empty");
  });

  it("answers strange queries clearly, never failing: search syntax, regex characters, emoji, markdown", async () => {
    const strange = ['"unclosed', "a* OR b) NEAR(", "(.*)+$", "🙂🙂", "**bold** `code`", "NOT", "-", "'''", "<!channel> @here", "\u0000\u0007"];
    for (const q of strange) {
      for (const command of ["quote", "figure", "search", "who", "check"]) {
        const r = await bot.handle({ command, query: q, platform: "cli" });
        expect(["ok", "empty", "usage"], `/${command} ${q}`).toContain(r.status);
      }
    }
  });

  it("pages long answers", async () => {
    const r = await bot.handle({ command: "quote", query: "IDS", platform: "cli", page: 2, pageSize: 2 });
    expect(r.paging).toMatchObject({ page: 2, pages: expect.any(Number) });
    expect(quotes(r)).toHaveLength(2);
  });

  it("autocompletes names from the archive", async () => {
    expect((await bot.suggest("quote", "sturg")).map((c) => c.name)).toContain("Nicola Sturgeon");
  });
});

describe("/check on the sample articles", () => {
  const texts = (r: Reply) => r.blocks.filter((b) => b.kind === "text" || b.kind === "note").map((b) => (b as { text: string }).text);

  it("finds her words a near match, with the diff against the original", async () => {
    const r = await ask("/check Nicola Sturgeon said it was “a cruel cut too far”");
    expect(texts(r)[0]).toMatch(/^NEAR/);
    expect(texts(r).join("\n")).toMatch(/\[-.*it’s-\] a cruel cut too far/);
  });

  it("calls the same words verbatim", async () => {
    const r = await ask("/check Owen Smith said “Everything about these cuts is shameful.”");
    expect(texts(r)[0]).toMatch(/^VERBATIM/);
  });

  it("says when the archive has the words from someone else", async () => {
    const r = await ask("/check Sturgeon said “Everything about these cuts is shameful.”");
    expect(texts(r).join("\n")).toMatch(/OTHER SPEAKER — the archive has these words from Owen Smith/);
  });

  it("shows a different figure beside the draft's", async () => {
    const r = await ask("/check The IFS says the changes cut £4bn from the PIP bill");
    expect(texts(r).join("\n")).toMatch(/DIFFERENT — the draft says £4bn; the archive says £4\.4 billion/);
  });

  it("explains what it looks for when there is nothing to check", async () => {
    const r = await ask("/check the minister resigned");
    expect(r.status).toBe("usage");
  });
});

describe("a long answer", () => {
  it("reads at most ten pages, and says “50+ results” on every platform when there are more", async () => {
    const dir = join(root, "many-quotes");
    mkdirSync(dir);
    for (let i = 0; i < 60; i++)
      writeFileSync(join(dir, `${i}.txt`), `Harbour plan ${i}\n\n“The harbour plan ${i} will go ahead,” said Anna Hartley, a councillor.\n`);
    const many = await openBot(loadConfig({ env: { NEWSBOT_ARTICLES: dir, NEWSBOT_DB: join(root, "q.db") }, cwd: root }), { log: memoryLogger() });
    try {
      for (const query of ["harbour plan", "Anna Hartley"]) {
        const r = await many.handle({ command: "quote", query, platform: "cli", page: 1, pageSize: 5 });
        expect(r.paging, query).toEqual({ page: 1, pages: 10, total: 50, capped: true });
        expect(renderTerminal(r)).toContain("Page 1 of 10 (50+ results)");
        expect(JSON.stringify(renderSlack(r))).toContain("Page 1 of 10 (50+ results)");
        expect(JSON.stringify(renderDiscord(r))).toContain("Page 1 of 10 · 50+ results");
      }
      // Exactly as many as a command reads is not "more": it reads one beyond to know.
      expect(
        firstOf(
          Array.from({ length: READ_AT_MOST }, (_, i) => i),
          READ_AT_MOST,
        ),
      ).toMatchObject({ more: false });
      expect(
        firstOf(
          Array.from({ length: READ_AT_MOST + 1 }, (_, i) => i),
          READ_AT_MOST,
        ),
      ).toMatchObject({ more: true, items: { length: READ_AT_MOST } });
      const few = await many.handle({ command: "quote", query: "harbour plan 7", platform: "cli", page: 1, pageSize: 5 });
      expect(few.paging).toBeNull();
    } finally {
      await many.close();
    }
  });
});

describe("a surname many people share", () => {
  let many: Bot;
  const given = ["Anna", "Brian", "Carol", "David", "Emma", "Frank", "Michael", "Henry", "Sarah", "James", "Karen", "Peter"];
  beforeAll(async () => {
    const dir = join(root, "hartleys");
    mkdirSync(dir);
    // Anna and Brian Hartley are in three articles each, the others in one.
    let n = 0;
    for (const [i, name] of given.entries()) {
      for (let k = 0; k < (i < 2 ? 3 : 1); k++) {
        writeFileSync(
          join(dir, `${n++}.txt`),
          `Council vote ${n}\n\n“We will keep the library open in ward ${n},” said ${name} Hartley, a councillor.\n\nThe vote is on Monday.\n`,
        );
      }
    }
    const config = loadConfig({ env: { NEWSBOT_ARTICLES: dir, NEWSBOT_DB: join(root, "h.db") }, cwd: root });
    many = await openBot(config, { log: memoryLogger() });
  });
  afterAll(() => many?.close());

  it("/quote gathers the most written-about ten and says how many it could be", async () => {
    const r = await many.handle({ command: "quote", query: "hartley", platform: "cli", page: 1, pageSize: 50 });
    expect(r.blocks[0]).toMatchObject({ kind: "note", text: expect.stringContaining("could be any of 12 people: showing the 10 most written about") });
    const speakers = new Set(quotes(r).map((q) => q.speaker));
    expect(speakers.size).toBe(10);
    expect(speakers).toContain("Anna Hartley");
    expect(speakers).toContain("Brian Hartley");
    // The full name still finds anyone.
    const peter = quotes(await many.handle({ command: "quote", query: "Peter Hartley", platform: "cli" }));
    expect(peter.map((q) => q.speaker)).toEqual(["Peter Hartley"]);
  });
});

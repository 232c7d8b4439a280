// The archive store contract: what every ArchiveStore (SQLite, PostgreSQL) must do, and the same answers
// from the whole bot on the sample articles' queries. contract-sqlite.test.ts and contract-postgres.test.ts run it;
// the lookups (contract-lookups.ts), the name dictionary (contract-dictionary.ts) and what processes sharing an
// archive rely on (contract-processes.ts) are parts of it, in files of their own.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ArchiveStore } from "../../src/archive/store.ts";
import type { Config } from "../../src/config.ts";
import { openBot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { article, figure, person, put, quote, state, words } from "./contract-fixtures.ts";
import { dictionaryContract } from "./contract-dictionary.ts";
import { lookupsContract } from "./contract-lookups.ts";
import { processesContract } from "./contract-processes.ts";

export interface StoreUnderTest {
  /** A new, empty archive. */
  fresh(): Promise<ArchiveStore>;
  /** A second, independent handle on the same archive (as another process would open it). */
  again(store: ArchiveStore): Promise<ArchiveStore>;
  /** The configuration that makes the bot use this kind of store for an articles folder. */
  config(articlesDir: string): Promise<Config>;
}

/** What each part of the contract is given: the store's name, describe (or describe.skip) and fresh stores. */
export interface ContractParts {
  name: string;
  d: typeof describe | typeof describe.skip;
  open: () => Promise<ArchiveStore>;
  again: (s: ArchiveStore) => Promise<ArchiveStore>;
}

export function storeContract(name: string, sut: StoreUnderTest | null, skipReason: string | null = null) {
  const d = sut ? describe : describe.skip;
  if (!sut) describe(`${name} store contract`, () => it.skip(`skipped: ${skipReason}`, () => {}));
  const opened: ArchiveStore[] = [];
  const open = async () => {
    const s = await sut!.fresh();
    opened.push(s);
    return s;
  };
  const again = async (s: ArchiveStore) => {
    const t = await sut!.again(s);
    opened.push(t);
    return t;
  };
  afterAll(async () => {
    for (const s of opened) await s.close();
  });

  d(`${name} store contract: ingestion`, () => {
    it("starts empty", async () => {
      const s = await open();
      expect((await s.fileStates()).size).toBe(0);
      expect(await s.stats()).toEqual({ files: 0, skipped: 0, articles: 0, quotes: 0, figures: 0, people: 0 });
      expect(await s.names()).toEqual([]);
      expect(await s.termsStartingWith("a", 10)).toEqual([]);
      expect(await s.quotesMatching(words("anything"), 10)).toEqual([]);
      expect(await s.getMeta("extractor")).toBeNull();
    });

    it("stores files with their state and articles with everything extracted", async () => {
      const s = await open();
      const st = state("a/one.md");
      await s.putFiles([
        {
          state: st,
          articles: [
            article("a/one.md", "Budget day", ["The chancellor spoke.", "Second paragraph."], {
              quotes: [quote("We will balance the books", "Rachel Reeves", 1, { partial: true, mentions: ["Treasury"], confidence: 0.75, start: 4, end: 30 })],
              figures: [
                figure("£4.4 billion", 4.4e9, "Cuts worth £4.4 billion were announced.", {
                  per: "year",
                  approx: "around",
                  upTo: 5e9,
                  measure: "cuts",
                  source: "Treasury",
                  paragraph: 2,
                  start: 11,
                  end: 23,
                }),
              ],
              people: [person("Rachel Reeves", ["Reeves", "the chancellor"], { roles: ["Chancellor"], mentions: 3 })],
              acronyms: [{ short: "OBR", long: "Office for Budget Responsibility" }],
            }),
          ],
        },
      ]);
      expect((await s.fileStates()).get("a/one.md")).toEqual(st);
      expect(await s.stats()).toEqual({ files: 1, skipped: 0, articles: 1, quotes: 1, figures: 1, people: 1 });
      const [q] = await s.quotesBy(["Rachel Reeves"], 10);
      expect(q.quote).toEqual({
        text: "We will balance the books",
        speaker: "Rachel Reeves",
        cue: "said",
        partial: true,
        confidence: 0.75,
        paragraph: 1,
        start: 4,
        end: 30,
        mentions: ["Treasury"],
      });
      expect(q.article).toMatchObject({
        key: "a/one.md",
        title: "Budget day",
        date: "2024-05-01",
        url: "https://example.org/a/one.md",
        byline: "A Reporter",
        outlet: "The Paper",
        section: "news",
      });
      expect(q.article.addedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const [f] = await s.figuresMatching(words("cuts"), 10);
      expect(f.figure).toEqual(
        figure("£4.4 billion", 4.4e9, "Cuts worth £4.4 billion were announced.", {
          per: "year",
          approx: "around",
          upTo: 5e9,
          measure: "cuts",
          source: "Treasury",
          paragraph: 2,
          start: 11,
          end: 23,
        }),
      );
      expect(await s.acronyms()).toEqual([{ short: "OBR", long: "Office for Budget Responsibility" }]);
      expect(await s.person(["Rachel Reeves"])).toEqual({
        name: "Rachel Reeves",
        kind: "person",
        aliases: ["Reeves", "the chancellor"],
        roles: ["Chancellor"],
        articles: 1,
        quotes: 1,
      });
    });

    it("replaces everything a changed file had, and leaves other files alone", async () => {
      const s = await open();
      await put(s, "one.txt", article("one.txt", "Old headline", ["old words here"], { quotes: [quote("an old quote", "Ann")], people: [person("Ann")] }));
      await put(s, "two.txt", article("two.txt", "Other", ["other words"], { quotes: [quote("another quote", "Bob")], people: [person("Bob")] }));
      await put(
        s,
        "one.txt",
        article("one.txt#1", "New headline", ["new words"], { quotes: [quote("a new quote", "Cat")], people: [person("Cat")] }),
        article("one.txt#2", "Second", ["more new words"]),
      );
      expect(await s.stats()).toMatchObject({ files: 2, articles: 3, quotes: 2, people: 2 });
      expect(await s.quotesBy(["Ann"], 10)).toEqual([]);
      expect((await s.quotesBy(["Cat", "Bob"], 10)).map((q) => q.quote.text).sort()).toEqual(["a new quote", "another quote"]);
      expect(await s.quotesMatching(words("old"), 10)).toEqual([]);
      expect(await s.articlesMatching(words("old"), 10)).toEqual([]);
      expect(await s.termsStartingWith("old", 10)).toEqual([]);
      expect((await s.articlesMatching(words("new"), 10)).map((a) => a.article.key).sort()).toEqual(["one.txt#1", "one.txt#2"]);
      expect((await s.names()).map((n) => n.person).sort()).toEqual(["Bob", "Cat"]);
    });

    it("records a skipped file with its reason and drops what it had", async () => {
      const s = await open();
      await put(s, "bad.md", article("bad.md", "Was fine", ["words"], { quotes: [quote("said once", "Dan")] }));
      await s.markSkipped(state("bad.md", { skipped: "front matter: bad YAML" }));
      expect((await s.fileStates()).get("bad.md")?.skipped).toBe("front matter: bad YAML");
      expect(await s.stats()).toMatchObject({ files: 1, skipped: 1, articles: 0, quotes: 0 });
    });

    it("touches a file's size and time without reading it again, and forgets removed files", async () => {
      const s = await open();
      await put(s, "keep.txt", article("keep.txt", "Keep", ["kept words"]));
      await put(s, "gone.txt", article("gone.txt", "Gone", ["vanishing words"], { quotes: [quote("gone soon", "Eve")], people: [person("Eve")] }));
      const before = (await s.fileStates()).get("keep.txt")!;
      await s.touchFile({ ...before, size: 999, mtimeMs: 42.25 });
      expect((await s.fileStates()).get("keep.txt")).toEqual({ ...before, size: 999, mtimeMs: 42.25 });
      await s.removeFiles(["gone.txt"]);
      expect([...(await s.fileStates()).keys()]).toEqual(["keep.txt"]);
      expect(await s.stats()).toMatchObject({ files: 1, articles: 1, quotes: 0, people: 0 });
      expect(await s.termsStartingWith("vanish", 10)).toEqual([]);
      expect(await s.names()).toEqual([]);
    });

    it("keeps meta values", async () => {
      const s = await open();
      await s.setMeta("extractor", "abc");
      await s.setMeta("extractor", "def");
      expect(await s.getMeta("extractor")).toBe("def");
      expect(await s.getMeta("other")).toBeNull();
    });

    it("writes a file all or nothing: a failing article leaves the file as it was", async () => {
      const s = await open();
      await put(s, "f.json", article("f.json#1", "Before", ["the earlier version"], { quotes: [quote("still here", "Fay")] }));
      const rev = await s.revision();
      // Two articles with one key: the second insert fails inside the file's transaction.
      await expect(
        put(
          s,
          "f.json",
          article("f.json#1", "After", ["the later version"], { quotes: [quote("never stored", "Fay")] }),
          article("f.json#1", "Clash", ["same key"]),
        ),
      ).rejects.toThrow();
      expect((await s.quotesBy(["Fay"], 10)).map((q) => q.quote.text)).toEqual(["still here"]);
      expect((await s.articlesMatching(words("earlier"), 10)).map((a) => a.article.title)).toEqual(["Before"]);
      expect(await s.articlesMatching(words("later"), 10)).toEqual([]);
      expect(await s.revision()).toBe(rev);
    });
  });

  const parts: ContractParts = { name, d, open, again };
  lookupsContract(parts);
  dictionaryContract(parts);
  processesContract(parts);

  d(`${name} store contract: the bot on the sample articles`, () => {
    it("answers the sample articles' queries as the scorer expects", async () => {
      const bot = await openBot(await sut!.config(join(process.cwd(), "data/articles")), { log: memoryLogger() });
      try {
        const wrong: string[] = [];
        for (const q of SAMPLE_QUERIES) {
          const [, command, query] = /^\/(\S+)\s*(.*)$/.exec(q.ask)!;
          const out = norm(JSON.stringify(await bot.handle({ command, query, platform: "cli", pageSize: 20 })));
          const missing = (q.must ?? []).filter((m) => !out.includes(norm(m)));
          const shown = (q.must_not ?? []).filter((m) => out.includes(norm(m)));
          if (missing.length || shown.length) wrong.push(`${q.ask}: missing ${JSON.stringify(missing)}, should not show ${JSON.stringify(shown)}`);
        }
        expect(wrong).toEqual([]);
      } finally {
        await bot.close();
      }
    }, 120_000);
  });
}

/** Queries on data/articles and what their answers must (not) show: the seed gold set the scorer reads. */
const SAMPLE_QUERIES: { ask: string; must?: string[]; must_not?: string[] }[] = [
  { ask: "/figure PIP", must: ["640,000", "£4.4 billion", "370,000", "£3,500"], must_not: ["80%"] },
  { ask: "/figure personal independence payments", must: ["£4.4 billion", "370,000"] },
  { ask: "/figure debt", must: ["80%"], must_not: ["640,000"] },
  { ask: "/quote sturgeon", must: ["cruel cut too far", "must now reverse"], must_not: ["salami-sliced"] },
  { ask: "/quote owen smith", must: ["humiliating climbdown", "no moral, political or economic case"], must_not: ["salami-sliced"] },
  { ask: "/quote IDS", must: ["salami-sliced", "higher earning taxpayers"], must_not: ["humiliating climbdown"] },
  { ask: "/quote duncan smith", must: ["salami-sliced", "we are all in this together"], must_not: ["no moral, political or economic case"] },
  { ask: "/quote osborne", must: ["humiliating climbdown for George Osborne"] },
  { ask: "/quote osbourne", must: ["humiliating climbdown for George Osborne"] },
];

/** The scorer's normalisation (shared/eval/score.mjs), applied to the reply's JSON as it applies it to `ask --json`. */
function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

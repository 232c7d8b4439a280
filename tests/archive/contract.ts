// The archive store contract: what every ArchiveStore (SQLite, PostgreSQL) must do, and the same answers
// from the whole bot on the sample articles' queries. contract-sqlite.test.ts and contract-postgres.test.ts run it.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RANKED_MATCHES, type ArchiveStore, type FileState, type IndexedArticle } from "../../src/archive/store.ts";
import type { Config } from "../../src/config.ts";
import { openBot } from "../../src/core.ts";
import type { Figure, Person, Quote } from "../../src/extract/types.ts";
import { memoryLogger } from "../../src/log.ts";
import { eventually } from "../helpers/net.ts";

export interface StoreUnderTest {
  /** A new, empty archive. */
  fresh(): Promise<ArchiveStore>;
  /** A second, independent handle on the same archive (as another process would open it). */
  again(store: ArchiveStore): Promise<ArchiveStore>;
  /** The configuration that makes the bot use this kind of store for an articles folder. */
  config(articlesDir: string): Promise<Config>;
}

let fileNo = 0;
const state = (path: string, extra: Partial<FileState> = {}): FileState => ({ path, size: 100 + fileNo++, mtimeMs: 1717171717171.5, hash: `h${fileNo}`, skipped: null, ...extra });

function quote(text: string, speaker: string | null, paragraph = 1, extra: Partial<Quote> = {}): Quote {
  return { text, speaker, cue: "said", partial: false, confidence: 0.9, paragraph, start: 0, end: text.length, mentions: [], ...extra };
}

function figure(text: string, value: number, sentence: string, extra: Partial<Figure> = {}): Figure {
  return { text, value, unit: "GBP", per: null, approx: null, upTo: null, measure: "", source: null, sentence, context: sentence, paragraph: 1, start: 0, end: text.length, ...extra };
}

function person(name: string, aliases: string[] = [], extra: Partial<Person> = {}): Person {
  return { name, kind: "person", aliases, roles: [], mentions: 1, ...extra };
}

function article(key: string, title: string, paragraphs: string[], x: Partial<IndexedArticle["extraction"]> = {}, date: string | null = "2024-05-01"): IndexedArticle {
  return {
    record: { key, title, date, byline: "A Reporter", outlet: "The Paper", url: `https://example.org/${key}`, section: "news", tags: ["t"], paragraphs },
    extraction: { quotes: [], figures: [], people: [], acronyms: [], ...x },
  };
}

async function put(store: ArchiveStore, path: string, ...articles: IndexedArticle[]) {
  await store.putFiles([{ state: state(path), articles }]);
}

const words = (phrase: string) => ({ groups: [[phrase]] });

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
      await s.putFiles([{ state: st, articles: [article("a/one.md", "Budget day", ["The chancellor spoke.", "Second paragraph."], {
        quotes: [quote("We will balance the books", "Rachel Reeves", 1, { partial: true, mentions: ["Treasury"], confidence: 0.75, start: 4, end: 30 })],
        figures: [figure("£4.4 billion", 4.4e9, "Cuts worth £4.4 billion were announced.", { per: "year", approx: "around", upTo: 5e9, measure: "cuts", source: "Treasury", paragraph: 2, start: 11, end: 23 })],
        people: [person("Rachel Reeves", ["Reeves", "the chancellor"], { roles: ["Chancellor"], mentions: 3 })],
        acronyms: [{ short: "OBR", long: "Office for Budget Responsibility" }],
      })] }]);
      expect((await s.fileStates()).get("a/one.md")).toEqual(st);
      expect(await s.stats()).toEqual({ files: 1, skipped: 0, articles: 1, quotes: 1, figures: 1, people: 1 });
      const [q] = await s.quotesBy(["Rachel Reeves"], 10);
      expect(q.quote).toEqual({ text: "We will balance the books", speaker: "Rachel Reeves", cue: "said", partial: true, confidence: 0.75, paragraph: 1, start: 4, end: 30, mentions: ["Treasury"] });
      expect(q.article).toMatchObject({ key: "a/one.md", title: "Budget day", date: "2024-05-01", url: "https://example.org/a/one.md", byline: "A Reporter", outlet: "The Paper", section: "news" });
      expect(q.article.addedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      const [f] = await s.figuresMatching(words("cuts"), 10);
      expect(f.figure).toEqual(figure("£4.4 billion", 4.4e9, "Cuts worth £4.4 billion were announced.", { per: "year", approx: "around", upTo: 5e9, measure: "cuts", source: "Treasury", paragraph: 2, start: 11, end: 23 }));
      expect(await s.acronyms()).toEqual([{ short: "OBR", long: "Office for Budget Responsibility" }]);
      expect(await s.person(["Rachel Reeves"])).toEqual({ name: "Rachel Reeves", kind: "person", aliases: ["Reeves", "the chancellor"], roles: ["Chancellor"], articles: 1, quotes: 1 });
    });

    it("replaces everything a changed file had, and leaves other files alone", async () => {
      const s = await open();
      await put(s, "one.txt", article("one.txt", "Old headline", ["old words here"], { quotes: [quote("an old quote", "Ann")], people: [person("Ann")] }));
      await put(s, "two.txt", article("two.txt", "Other", ["other words"], { quotes: [quote("another quote", "Bob")], people: [person("Bob")] }));
      await put(s, "one.txt", article("one.txt#1", "New headline", ["new words"], { quotes: [quote("a new quote", "Cat")], people: [person("Cat")] }),
        article("one.txt#2", "Second", ["more new words"]));
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
      await expect(put(s, "f.json", article("f.json#1", "After", ["the later version"], { quotes: [quote("never stored", "Fay")] }),
        article("f.json#1", "Clash", ["same key"]))).rejects.toThrow();
      expect((await s.quotesBy(["Fay"], 10)).map((q) => q.quote.text)).toEqual(["still here"]);
      expect((await s.articlesMatching(words("earlier"), 10)).map((a) => a.article.title)).toEqual(["Before"]);
      expect(await s.articlesMatching(words("later"), 10)).toEqual([]);
      expect(await s.revision()).toBe(rev);
    });
  });

  d(`${name} store contract: lookups`, () => {
    it("counts each name in how many articles it names a person", async () => {
      const s = await open();
      await put(s, "1.txt", article("1.txt", "One", ["x"], { people: [person("Iain Duncan Smith", ["IDS", "Duncan Smith"])] }));
      await put(s, "2.txt", article("2.txt", "Two", ["x"], { people: [person("Iain Duncan Smith", ["Duncan Smith"]), person("BBC", [], { kind: "organisation" })] }));
      const names = await s.names();
      const find = (alias: string) => names.find((n) => n.alias === alias);
      expect(find("Iain Duncan Smith")).toEqual({ alias: "Iain Duncan Smith", person: "Iain Duncan Smith", kind: "person", articles: 2 });
      expect(find("Duncan Smith")?.articles).toBe(2);
      expect(find("IDS")?.articles).toBe(1);
      expect(find("BBC")).toEqual({ alias: "BBC", person: "BBC", kind: "organisation", articles: 1 });
      expect(names).toHaveLength(4);
      const facts = await s.person(["Iain Duncan Smith"]);
      expect(facts).toMatchObject({ name: "Iain Duncan Smith", articles: 2, quotes: 0 });
      expect(facts!.aliases.sort()).toEqual(["Duncan Smith", "IDS"]);
      expect(await s.person(["Nobody"])).toBeNull();
    });

    it("gives acronyms once each, in the order they entered the archive", async () => {
      const s = await open();
      await put(s, "1.txt", article("1.txt", "One", ["x"], { acronyms: [{ short: "PIP", long: "personal independence payments" }, { short: "DWP", long: "Department for Work and Pensions" }] }));
      await put(s, "2.txt", article("2.txt", "Two", ["x"], { acronyms: [{ short: "PIP", long: "personal independence payments" }, { short: "OBR", long: "Office for Budget Responsibility" }] }));
      expect((await s.acronyms()).map((a) => a.short)).toEqual(["PIP", "DWP", "OBR"]);
    });

    it("gives a speaker's quotes newest first, then in reading order, up to the limit", async () => {
      const s = await open();
      await put(s, "old.txt", article("old.txt", "Old", ["x"], { quotes: [quote("old first", "Gus", 1), quote("old second", "Gus", 2)] }, "2023-01-01"));
      await put(s, "new.txt", article("new.txt", "New", ["x"], { quotes: [quote("new second", "Gus", 3), quote("new first", "Gus", 1), quote("not his", "Hal", 2)] }, "2024-06-01"));
      await put(s, "undated.txt", article("undated.txt", "Undated", ["x"], { quotes: [quote("undated", "Gus", 1)] }, "2023-06-01"));
      expect((await s.quotesBy(["Gus"], 10)).map((q) => q.quote.text)).toEqual(["new first", "new second", "undated", "old first", "old second"]);
      expect((await s.quotesBy(["Gus"], 2)).map((q) => q.quote.text)).toEqual(["new first", "new second"]);
      expect((await s.quotesBy(["Gus", "Hal"], 10))).toHaveLength(6);
      expect(await s.quotesBy([], 10)).toEqual([]);
    });

    it("matches words as FTS5 does: phrases in order, every group, any phrase of a group, accents and case folded", async () => {
      const s = await open();
      await put(s, "q.txt", article("q.txt", "Quotes", ["x"], { quotes: [
        quote("Personal independence payments are a lifeline", "A"),
        quote("Payments for independence, personal choices", "B"),
        quote("The Café was closed on Monday", "C"),
        quote("Schulte-Strathaus welcomed the levy", "D"),
      ] }));
      const texts = async (groups: string[][]) => (await s.quotesMatching({ groups }, 10)).map((q) => q.quote.speaker).sort();
      expect(await texts([["personal independence payments"]])).toEqual(["A"]);
      expect(await texts([["independence"], ["personal"]])).toEqual(["A", "B"]);
      expect(await texts([["pip", "personal independence payments"]])).toEqual(["A"]);
      expect(await texts([["cafe"]])).toEqual(["C"]);
      expect(await texts([["CAFÉ"], ["monday"]])).toEqual(["C"]);
      expect(await texts([["schulte-strathaus"]])).toEqual(["D"]);
      expect(await texts([["closed"], ["lifeline"]])).toEqual([]);
      // Search syntax in a query is read as words, never as operators.
      for (const odd of ['"unclosed', "a* OR b)", "NEAR(", "NOT -", "'; DROP TABLE quotes; --", "x & y | !z <-> w", "🙂"]) {
        await expect(s.quotesMatching({ groups: [[odd]] }, 10)).resolves.toBeInstanceOf(Array);
        await expect(s.articlesMatching({ groups: [[odd]] }, 10)).resolves.toBeInstanceOf(Array);
      }
      expect(await s.quotesMatching({ groups: [] }, 10)).toEqual([]);
    });

    it("ranks quotes by bm25: more of the words, in fewer words, first", async () => {
      const s = await open();
      await put(s, "r.txt", article("r.txt", "Rank", ["x"], { quotes: [
        quote("The benefit cuts will hurt families across the whole country for many years to come, said the charity", "Long"),
        quote("Benefit cuts, benefit cuts, benefit cuts", "Repeated"),
        quote("These benefit changes matter", "Short"),
        quote("Nothing to do with it at all", "Other"),
      ] }));
      const ranked = await s.quotesMatching({ groups: [["benefit"]] }, 10);
      expect(ranked.map((q) => q.quote.speaker)).toEqual(["Repeated", "Short", "Long"]);
      expect((await s.quotesMatching({ groups: [["benefit"]] }, 1)).map((q) => q.quote.speaker)).toEqual(["Repeated"]);
    });

    it(`past ${RANKED_MATCHES} matches, ranks the most recently added ones only, for quotes, figures and articles`, async () => {
      const s = await open();
      // The best match of all comes first, then RANKED_MATCHES weaker ones: it falls outside the bound.
      const best = article("best.txt", "Levy", ["Levy levy levy."], { quotes: [quote("Levy levy levy", "Best")], figures: [figure("£9", 9, "Levy levy £9.")] });
      const weak = Array.from({ length: RANKED_MATCHES }, (_, i) => article(`w${i}.txt`, `Report ${i}`, [`The levy was discussed at length by the committee on day ${i}.`], {
        quotes: [quote(`The levy was discussed at length by the committee on day ${i}`, `Weak ${i}`)],
        figures: [figure(`£${i}`, i, `The levy was discussed at length by the committee on day ${i}.`)],
      }));
      await put(s, "best.txt", best);
      await s.putFiles([{ state: state("weak.jsonl"), articles: weak }]);
      const quotes = await s.quotesMatching(words("levy"), 5);
      expect(quotes).toHaveLength(5);
      expect(quotes.map((q) => q.quote.speaker)).not.toContain("Best");
      expect((await s.figuresMatching(words("levy"), 5)).map((f) => f.figure.text)).not.toContain("£9");
      expect((await s.articlesMatching(words("levy"), 5)).map((a) => a.article.key)).not.toContain("best.txt");
      // Among the ranked, still best first: a newer, better match leads.
      await put(s, "newer.txt", article("newer.txt", "Levy levy", ["Levy levy."], { quotes: [quote("Levy levy", "Newer")], figures: [figure("£8", 8, "Levy levy £8.")] }));
      expect((await s.quotesMatching(words("levy"), 1))[0].quote.speaker).toBe("Newer");
      expect((await s.figuresMatching(words("levy"), 1))[0].figure.text).toBe("£8");
      expect((await s.articlesMatching(words("levy"), 1))[0].article.key).toBe("newer.txt");
    });

    it("ranks figures by where the words are: sentence, then measure, then context, then headline", async () => {
      const s = await open();
      await put(s, "h.txt", article("h.txt", "Pensions news", ["x"], { figures: [figure("£1", 1, "One pound was given.", { measure: "gift" })] }));
      await put(s, "c.txt", article("c.txt", "Other news", ["x"], { figures: [figure("£2", 2, "Two pounds were given.", { measure: "gift", context: "Pensions rose. Two pounds were given." })] }));
      await put(s, "s.txt", article("s.txt", "More news", ["x"], { figures: [figure("£3", 3, "Pensions rose by three pounds.", { measure: "rise" })] }));
      await put(s, "m.txt", article("m.txt", "Yet more", ["x"], { figures: [figure("£4", 4, "Four pounds were added.", { measure: "pensions" })] }));
      expect((await s.figuresMatching(words("pensions"), 10)).map((f) => f.figure.text)).toEqual(["£3", "£4", "£2", "£1"]);
    });

    it("ranks articles with the words in the headline first, with a snippet around the words", async () => {
      const s = await open();
      const long = Array.from({ length: 60 }, (_, i) => `word${i}`);
      long.splice(40, 0, "devolution");
      await put(s, "body.txt", article("body.txt", "A long read", [long.join(" ") + ". The end."]));
      await put(s, "title.txt", article("title.txt", "Devolution deal agreed", ["Ministers agreed it today."]));
      const hits = await s.articlesMatching(words("devolution"), 10);
      expect(hits.map((h) => h.article.key)).toEqual(["title.txt", "body.txt"]);
      expect(hits[1].snippet).toMatch(/^….*devolution.*…$/);
      expect(hits[1].snippet.split(" ").length).toBeLessThanOrEqual(26);
      expect(hits[0].snippet).toBe("Ministers agreed it today.");
    });

    it("lists articles since a date, newest first, by their date or when they were added", async () => {
      const s = await open();
      await put(s, "a.txt", article("a.txt", "Old", ["x"], {}, "2020-01-01"));
      await put(s, "b.txt", article("b.txt", "Recent", ["x"], {}, "2024-03-02"));
      await put(s, "c.txt", article("c.txt", "Undated", ["x"], {}, null));
      const since = await s.articlesSince("2024-01-01T00:00:00Z", 10);
      expect(since.map((a) => a.title)).toEqual(["Undated", "Recent"]);
      expect((await s.articlesSince("2019-01-01", 2)).map((a) => a.title)).toEqual(["Undated", "Recent"]);
    });

    it("gives the archive's words by prefix, most used first", async () => {
      const s = await open();
      await put(s, "1.txt", article("1.txt", "Pensions", ["pensions and pensioners"]));
      await put(s, "2.txt", article("2.txt", "More", ["pensions again, and a pen"]));
      await put(s, "3.txt", article("3.txt", "Élan", ["penalties"]));
      expect(await s.termsStartingWith("pension", 10)).toEqual(["pensions", "pensioners"]);
      expect((await s.termsStartingWith("pen", 10))[0]).toBe("pensions");
      expect((await s.termsStartingWith("pen", 10)).sort()).toEqual(["pen", "penalties", "pensioners", "pensions"]);
      expect(await s.termsStartingWith("pen", 1)).toEqual(["pensions"]);
      expect(await s.termsStartingWith("elan", 5)).toEqual(["elan"]);
      expect(await s.termsStartingWith("zz", 5)).toEqual([]);
      expect(await s.termsStartingWith("", 5)).toEqual([]);
    });
  });

  d(`${name} store contract: digest`, () => {
    it("gives quotes, figures and people of chosen articles, article by article in the given order", async () => {
      const s = await open();
      await put(s, "a.txt", article("a.txt", "A", ["x"], { quotes: [quote("a2", "X", 2), quote("a1", "X", 1)], figures: [figure("£1", 1, "s1")], people: [person("Xena", [], { mentions: 2 }), person("Yuri", [], { mentions: 5 })] }));
      await put(s, "b.txt", article("b.txt", "B", ["x"], { quotes: [quote("b1", "Y", 1)], figures: [figure("£2", 2, "s2"), figure("£3", 3, "s3", { paragraph: 0 })], people: [person("Xena", [], { mentions: 4 })] }));
      const byTitle = new Map((await s.articlesSince("2000-01-01", 10)).map((a) => [a.title, a.id]));
      const ids = [byTitle.get("B")!, byTitle.get("A")!];
      expect((await s.quotesIn(ids, 10)).map((q) => q.quote.text)).toEqual(["b1", "a1", "a2"]);
      expect((await s.quotesIn(ids, 2)).map((q) => q.quote.text)).toEqual(["b1", "a1"]);
      expect((await s.figuresIn(ids, 10)).map((f) => f.figure.text)).toEqual(["£3", "£2", "£1"]);
      expect(await s.peopleIn(ids, 10)).toEqual([
        { name: "Xena", kind: "person", mentions: 6, articles: 2 },
        { name: "Yuri", kind: "person", mentions: 5, articles: 1 },
      ]);
      expect(await s.peopleIn([byTitle.get("A")!], 1)).toEqual([{ name: "Yuri", kind: "person", mentions: 5, articles: 1 }]);
      expect(await s.quotesIn([], 10)).toEqual([]);
    });

    it("lets exactly one of two processes claim a scheduled digest, and remembers how it ended", async () => {
      const a = await open();
      const b = await again(a);
      const at = "2024-05-01T06:00:00.000Z";
      const claims = await Promise.all([a.claimDigest("C1", at, "replica-a"), b.claimDigest("C1", at, "replica-b")]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await a.claimDigest("C1", at, "replica-a")).toBe(false);
      expect(await b.lastDigest("C1")).toEqual({ scheduledAt: at, status: "claimed" });
      await a.finishDigest("C1", at, "posted", "ts=1");
      expect(await b.lastDigest("C1")).toEqual({ scheduledAt: at, status: "posted" });
      expect(await b.claimDigest("C1", "2024-05-02T06:00:00.000Z", "replica-b")).toBe(true);
      expect(await a.lastDigest("C1")).toEqual({ scheduledAt: "2024-05-02T06:00:00.000Z", status: "claimed" });
      expect(await a.lastDigest("other")).toBeNull();
    });
  });

  d(`${name} store contract: replicas`, () => {
    it("gives a lease to one owner at a time, renews it for the holder, and hands it over on release", async () => {
      const a = await open();
      const b = await again(a);
      expect(await a.acquireLease("watch", "A", 60_000)).toBe(true);
      expect(await b.acquireLease("watch", "B", 60_000)).toBe(false);
      expect(await a.acquireLease("watch", "A", 60_000)).toBe(true);
      expect(await b.acquireLease("digest", "B", 60_000)).toBe(true);
      await b.releaseLease("watch", "B"); // not B's: nothing happens
      expect(await b.acquireLease("watch", "B", 60_000)).toBe(false);
      await a.releaseLease("watch", "A");
      expect(await b.acquireLease("watch", "B", 60_000)).toBe(true);
      expect(await a.acquireLease("watch", "A", 60_000)).toBe(false);
    });

    it("gives a lease to one of two owners asking at once", async () => {
      const a = await open();
      const b = await again(a);
      for (let i = 0; i < 5; i++) {
        const got = await Promise.all([a.acquireLease(`race${i}`, "A", 60_000), b.acquireLease(`race${i}`, "B", 60_000)]);
        expect(got.filter(Boolean)).toHaveLength(1);
      }
    });

    it("lets another owner take a lease its holder stopped renewing", async () => {
      const a = await open();
      const b = await again(a);
      expect(await a.acquireLease("feeds", "A", 50)).toBe(true);
      expect(await b.acquireLease("feeds", "B", 60_000)).toBe(false);
      // B asks again until A's 50 ms have run out (polled, not slept: the store's own clock decides).
      expect(await eventually(() => b.acquireLease("feeds", "B", 60_000), "the lease expiring", 10_000)).toBe(true);
      expect(await a.acquireLease("feeds", "A", 60_000)).toBe(false);
    });

    it("changes the revision on every write to the articles, as another process sees it", async () => {
      const a = await open();
      const b = await again(a);
      const seen = [await b.revision()];
      await put(a, "r.txt", article("r.txt", "R", ["x"]));
      seen.push(await b.revision());
      await put(a, "r.txt", article("r.txt", "R2", ["y"]));
      seen.push(await b.revision());
      await a.markSkipped(state("r.txt", { skipped: "empty" }));
      seen.push(await b.revision());
      await put(a, "s.txt", article("s.txt", "S", ["z"]));
      seen.push(await b.revision());
      await a.removeFiles(["s.txt"]);
      seen.push(await b.revision());
      expect(new Set(seen).size).toBe(seen.length);
      // Reading changes nothing.
      await a.quotesMatching(words("x"), 5);
      await a.stats();
      expect(await b.revision()).toBe(seen[seen.length - 1]);
    });
  });

  d(`${name} store contract: chat buttons`, () => {
    it("keeps a button's long query for every process on the archive until its time runs out", async () => {
      const a = await open();
      const b = await again(a);
      const query = "q".repeat(300);
      expect(await b.recallButton("key-1")).toBeNull();
      await a.rememberButton("key-1", query, 60_000);
      expect(await b.recallButton("key-1")).toBe(query);
      // The same key again: the new value, and its time starts again.
      await b.rememberButton("key-1", "another", 60_000);
      expect(await a.recallButton("key-1")).toBe("another");
      await a.rememberButton("key-2", "short-lived", 50);
      expect(await eventually(async () => (await b.recallButton("key-2")) === null, "the kept query expiring", 10_000)).toBe(true);
      expect(await b.recallButton("key-1")).toBe("another");
    });
  });

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
  return s.toLowerCase().replace(/[‘’‚‛′`]/g, "'").replace(/[“”„‟″]/g, '"').replace(/[–—]/g, "-").replace(/\s+/g, " ").trim();
}

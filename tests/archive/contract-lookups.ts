// The store contract, part two: the lookups the commands make (names, people, quotes, figures, articles, terms).
import { expect, it } from "vitest";
import { RANKED_MATCHES } from "../../src/archive/store.ts";
import type { ContractParts } from "./contract.ts";
import { article, figure, person, put, quote, state, words } from "./contract-fixtures.ts";

export function lookupsContract({ name, d, open }: ContractParts) {
  d(`${name} store contract: lookups`, () => {
    it("counts each name in how many articles it names a person", async () => {
      const s = await open();
      await put(s, "1.txt", article("1.txt", "One", ["x"], { people: [person("Iain Duncan Smith", ["IDS", "Duncan Smith"])] }));
      await put(
        s,
        "2.txt",
        article("2.txt", "Two", ["x"], { people: [person("Iain Duncan Smith", ["Duncan Smith"]), person("BBC", [], { kind: "organisation" })] }),
      );
      const names = await s.names();
      const find = (alias: string) => names.find((n) => n.alias === alias);
      expect(find("Iain Duncan Smith")).toMatchObject({ alias: "Iain Duncan Smith", person: "Iain Duncan Smith", kind: "person", articles: 2 });
      expect(find("Duncan Smith")?.articles).toBe(2);
      expect(find("IDS")?.articles).toBe(1);
      expect(find("BBC")).toMatchObject({ alias: "BBC", person: "BBC", kind: "organisation", articles: 1 });
      expect(names).toHaveLength(4);
      const facts = await s.person(["Iain Duncan Smith"]);
      expect(facts).toMatchObject({ name: "Iain Duncan Smith", articles: 2, quotes: 0 });
      expect(facts!.aliases.sort()).toEqual(["Duncan Smith", "IDS"]);
      expect(await s.person(["Nobody"])).toBeNull();
    });

    it("gives acronyms once each, in the order they entered the archive", async () => {
      const s = await open();
      await put(
        s,
        "1.txt",
        article("1.txt", "One", ["x"], {
          acronyms: [
            { short: "PIP", long: "personal independence payments" },
            { short: "DWP", long: "Department for Work and Pensions" },
          ],
        }),
      );
      await put(
        s,
        "2.txt",
        article("2.txt", "Two", ["x"], {
          acronyms: [
            { short: "PIP", long: "personal independence payments" },
            { short: "OBR", long: "Office for Budget Responsibility" },
          ],
        }),
      );
      expect((await s.acronyms()).map((a) => a.short)).toEqual(["PIP", "DWP", "OBR"]);
    });

    it("gives a speaker's quotes newest first, then in reading order, up to the limit", async () => {
      const s = await open();
      await put(s, "old.txt", article("old.txt", "Old", ["x"], { quotes: [quote("old first", "Gus", 1), quote("old second", "Gus", 2)] }, "2023-01-01"));
      await put(
        s,
        "new.txt",
        article("new.txt", "New", ["x"], { quotes: [quote("new second", "Gus", 3), quote("new first", "Gus", 1), quote("not his", "Hal", 2)] }, "2024-06-01"),
      );
      await put(s, "undated.txt", article("undated.txt", "Undated", ["x"], { quotes: [quote("undated", "Gus", 1)] }, "2023-06-01"));
      expect((await s.quotesBy(["Gus"], 10)).map((q) => q.quote.text)).toEqual(["new first", "new second", "undated", "old first", "old second"]);
      expect((await s.quotesBy(["Gus"], 2)).map((q) => q.quote.text)).toEqual(["new first", "new second"]);
      expect(await s.quotesBy(["Gus", "Hal"], 10)).toHaveLength(6);
      expect(await s.quotesBy([], 10)).toEqual([]);
    });

    it("matches words as FTS5 does: phrases in order, every group, any phrase of a group, accents and case folded", async () => {
      const s = await open();
      await put(
        s,
        "q.txt",
        article("q.txt", "Quotes", ["x"], {
          quotes: [
            quote("Personal independence payments are a lifeline", "A"),
            quote("Payments for independence, personal choices", "B"),
            quote("The Café was closed on Monday", "C"),
            quote("Schulte-Strathaus welcomed the levy", "D"),
          ],
        }),
      );
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
      await put(
        s,
        "r.txt",
        article("r.txt", "Rank", ["x"], {
          quotes: [
            quote("The benefit cuts will hurt families across the whole country for many years to come, said the charity", "Long"),
            quote("Benefit cuts, benefit cuts, benefit cuts", "Repeated"),
            quote("These benefit changes matter", "Short"),
            quote("Nothing to do with it at all", "Other"),
          ],
        }),
      );
      const ranked = await s.quotesMatching({ groups: [["benefit"]] }, 10);
      expect(ranked.map((q) => q.quote.speaker)).toEqual(["Repeated", "Short", "Long"]);
      expect((await s.quotesMatching({ groups: [["benefit"]] }, 1)).map((q) => q.quote.speaker)).toEqual(["Repeated"]);
    });

    it("finds a quotation's other occurrences by its words: that speaker's and no one's, not the others'", async () => {
      const s = await open();
      const said = "We will not cut the winter fuel allowance";
      await put(
        s,
        "a.txt",
        article("a.txt", "A", ["x"], { quotes: [quote(said, "Ann Lee"), quote(said, "Bob Ray"), quote(said, null), quote("Winter is coming", "Ann Lee")] }),
      );
      const speakers = async (speaker: string | null = null) =>
        (await s.quotesWithWords(["winter", "allowance"], speaker)).map((q) => q.speaker ?? "(none)").sort();
      expect(await speakers("Ann Lee")).toEqual(["(none)", "Ann Lee"]);
      expect(await speakers("Bob Ray")).toEqual(["(none)", "Bob Ray"]);
      expect(await speakers("Nobody")).toEqual(["(none)"]);
      expect(await speakers()).toEqual(["(none)", "Ann Lee", "Bob Ray"]);
      // Read in full by id, in the order asked (an unknown id left out).
      const found = await s.quotesWithWords(["winter", "allowance"], "Bob Ray");
      const ids = found.map((o) => o.id).reverse();
      const full = await s.quotesById([...ids, 999999]);
      expect(full.map((h) => [h.quote.speaker, h.quote.text, h.article.title])).toEqual(ids.map((id) => [found.find((o) => o.id === id)!.speaker, said, "A"]));
      // Each occurrence places the quote as its full row does: the article, its day, the paragraph and offset.
      const place = (h: (typeof full)[number]) => [h.article.id, h.article.date ?? h.article.addedAt.slice(0, 10), h.quote.paragraph, h.quote.start];
      expect(ids.map((id) => found.find((o) => o.id === id)!).map((o) => [o.article, o.day, o.paragraph, o.start])).toEqual(full.map(place));
    });

    it(`past ${RANKED_MATCHES} matches, ranks the most recently added ones only, for quotes, figures and articles`, async () => {
      const s = await open();
      // The best match of all comes first, then RANKED_MATCHES weaker ones: it falls outside the bound.
      const best = article("best.txt", "Levy", ["Levy levy levy."], { quotes: [quote("Levy levy levy", "Best")], figures: [figure("£9", 9, "Levy levy £9.")] });
      const weak = Array.from({ length: RANKED_MATCHES }, (_, i) =>
        article(`w${i}.txt`, `Report ${i}`, [`The levy was discussed at length by the committee on day ${i}.`], {
          quotes: [quote(`The levy was discussed at length by the committee on day ${i}`, `Weak ${i}`)],
          figures: [figure(`£${i}`, i, `The levy was discussed at length by the committee on day ${i}.`)],
        }),
      );
      await put(s, "best.txt", best);
      await s.putFiles([{ state: state("weak.jsonl"), articles: weak }]);
      const quotes = await s.quotesMatching(words("levy"), 5);
      expect(quotes).toHaveLength(5);
      expect(quotes.map((q) => q.quote.speaker)).not.toContain("Best");
      expect((await s.figuresMatching(words("levy"), 5)).map((f) => f.figure.text)).not.toContain("£9");
      expect((await s.articlesMatching(words("levy"), 5)).map((a) => a.article.key)).not.toContain("best.txt");
      // Among the ranked, still best first: a newer, better match leads.
      await put(
        s,
        "newer.txt",
        article("newer.txt", "Levy levy", ["Levy levy."], { quotes: [quote("Levy levy", "Newer")], figures: [figure("£8", 8, "Levy levy £8.")] }),
      );
      expect((await s.quotesMatching(words("levy"), 1))[0].quote.speaker).toBe("Newer");
      expect((await s.figuresMatching(words("levy"), 1))[0].figure.text).toBe("£8");
      expect((await s.articlesMatching(words("levy"), 1))[0].article.key).toBe("newer.txt");
    });

    it("ranks figures by where the words are: sentence, then measure, then context, then headline", async () => {
      const s = await open();
      await put(s, "h.txt", article("h.txt", "Pensions news", ["x"], { figures: [figure("£1", 1, "One pound was given.", { measure: "gift" })] }));
      await put(
        s,
        "c.txt",
        article("c.txt", "Other news", ["x"], {
          figures: [figure("£2", 2, "Two pounds were given.", { measure: "gift", context: "Pensions rose. Two pounds were given." })],
        }),
      );
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
}

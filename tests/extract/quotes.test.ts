import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFile } from "../../src/archive/read.ts";
import { extractArticle } from "../../src/extract/index.ts";

const quotes = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).quotes;
const said = (...paragraphs: string[]) => quotes(...paragraphs).map((q) => [q.text, q.speaker]);

describe("quotations and their speakers", () => {
  it("reads X said: “…”", () => {
    expect(said("Council leader Mary Brown said: “We will not close the library.”")).toEqual([["We will not close the library.", "Mary Brown"]]);
  });

  it("reads “…,” X said and “…,” said X", () => {
    expect(said('"The plan is dead," Tom Hardy said. Critics agreed.')).toEqual([["The plan is dead,", "Tom Hardy"]]);
    expect(said('"The plan is dead," said Tom Hardy, the union leader.')).toEqual([["The plan is dead,", "Tom Hardy"]]);
  });

  it("reads a speaker with an apposition after the quote", () => {
    expect(said('"Sales are flat," Jane Doe, an analyst at a research firm, told reporters.')).toEqual([["Sales are flat,", "Jane Doe"]]);
  });

  it("reads X told the BBC: “…” and according to X", () => {
    expect(said("Carl Webb told the BBC: “Nothing has changed.”")).toEqual([["Nothing has changed.", "Carl Webb"]]);
    expect(said('According to Anne Lake, "prices will rise next year".')[0][1]).toBe("Anne Lake");
  });

  it("resolves he and she to the last person of that gender named before", () => {
    const q = said("Peter Grant met Sarah Wells on Monday.", "She wrote: “We have agreed a deal.”", "Peter Grant left early.", "He said: “It went well.”");
    expect(q).toEqual([
      ["We have agreed a deal.", "Sarah Wells"],
      ["It went well.", "Peter Grant"],
    ]);
  });

  it("reads a capitalised word that only a plain object would hold as a title (“Constructor”) as no title", () => {
    // It was read as a title with the gender `Object`, and "she" then resolved to no one.
    expect(said("Constructor Ann Smith opened the works on Monday.", "“It is a great day for the town,” she said.")).toEqual([
      ["It is a great day for the town,", "Ann Smith"],
    ]);
  });

  it("takes the subject of a reporting verb, not a name after it", () => {
    const q = said("First Minister Jane Ross was angry.", "She then said that Cameron “must now reverse the cuts immediately”.");
    expect(q[0][1]).toBe("Jane Ross");
  });

  it("reads a possessive cue: X's letter: “…”", () => {
    expect(
      said("Tom Hardy resigned on Friday.", "There was a sharp ending to Tom Hardy’s resignation letter: “I hope you look again at the cuts.”")[0][1],
    ).toBe("Tom Hardy");
  });

  it("keeps the speaker of a quotation that runs on into the next paragraph", () => {
    const q = said("Ann Cole said: “We tried everything we could think of.", "“In the end the money was not there.”");
    expect(q).toEqual([
      ["We tried everything we could think of.", "Ann Cole"],
      ["In the end the money was not there.", "Ann Cole"],
    ]);
  });

  it("splits a quotation that restarts mid-paragraph, keeping its speaker", () => {
    const q = said('Mike Dean said: "We are ready for the season. "The squad is stronger than last year."');
    expect(q).toEqual([
      ["We are ready for the season.", "Mike Dean"],
      ["The squad is stronger than last year.", "Mike Dean"],
    ]);
  });

  it("marks a fragment inside reported speech as partial", () => {
    const [q] = quotes("Tom Hardy called the plan a “compromise too far” on Sunday.");
    expect(q).toMatchObject({ text: "compromise too far", speaker: "Tom Hardy", partial: true });
  });

  it("does not take scare quotes, coined terms or titles as speech", () => {
    expect(quotes("The chancellor's “pasty tax” and the “omnishambles” of 2012 haunt him.")).toEqual([]);
    expect(quotes('She starred in "The Long Road Home" last year.')).toEqual([]);
  });

  it("keeps nested single quotes inside the quotation", () => {
    expect(quotes("Tom Hardy wrote: “We must ensure ‘we are all in this together’ still means something.”")[0].text).toBe(
      "We must ensure ‘we are all in this together’ still means something.",
    );
  });

  it("says nobody rather than guess when no one can be told", () => {
    // The quotation is kept (an empty list would pass an "every quote has no speaker" check), with no speaker.
    expect(said('"This is the worst winter in living memory, and nobody is ready for it," a voice called out.')).toEqual([
      ["This is the worst winter in living memory, and nobody is ready for it,", null],
    ]);
  });

  it("lets an unnamed spokesman speak for the organisation", () => {
    expect(said('A spokesman for the Acme Corporation said: "We are reviewing the report."')[0][1]).toBe("Acme Corporation");
  });

  it("never merges two people who share a surname", () => {
    const q = said("Iain Duncan Smith resigned. Labour’s Owen Smith said: “It is a humiliating climbdown.”", "Duncan Smith wrote: “I could not go on.”");
    expect(q).toEqual([
      ["It is a humiliating climbdown.", "Owen Smith"],
      ["I could not go on.", "Iain Duncan Smith"],
    ]);
  });

  it("records whom a quotation mentions", () => {
    const [q] = quotes("Jane Ross said: “Even George Osborne cannot defend this.”");
    expect(q.mentions).toContain("George Osborne");
  });

  it("does not give a finished quotation to the next sentence's reported speech", () => {
    const q = said('Ann Cole said the deal was "a good start". "We can build on it." Rival Tom Hardy said the plan was "too timid".');
    expect(q).toEqual([
      ["a good start", "Ann Cole"],
      ["We can build on it.", "Ann Cole"],
      ["too timid", "Tom Hardy"],
    ]);
  });

  it("still reads a short cue after a quotation that ends its sentence", () => {
    expect(said('Ann Cole left early. "Are we done here?" Tom Hardy asked.')).toEqual([["Are we done here?", "Tom Hardy"]]);
  });

  it("never takes a word inside an earlier quotation as the speaker", () => {
    const q = said('Tom Hardy arrived. "Their offer is weak," said Mr Hardy, "and everyone knows it."');
    expect(q.map((x) => x[1])).toEqual(["Tom Hardy", "Tom Hardy"]);
  });

  it("reads the subject at the start of the clause, past an opening phrase and a possessive", () => {
    expect(said("In a note to Jane Ross, Peter Grant wrote: “The figures do not add up.”")[0][1]).toBe("Peter Grant");
    expect(said("Peter Grant was charged but his lawyer, Ann Cole, told the court it was absurd and added: “He is innocent.”")[0][1]).toBe("Ann Cole");
  });

  it("gives a verb after ', who' to the name that 'who' stands for", () => {
    expect(said("Tributes came from Jane Ross, who described the singer as a “true original”.")[0][1]).toBe("Jane Ross");
  });

  it("lets a pronoun go on with the speaker just quoted in the sentence before", () => {
    const q = said(
      "Among the mourners at Peter Grant's funeral was his friend, the writer Tom Hardy, who called him a “gentle giant”. “Nobody will ever replace him,” he said.",
    );
    expect(q[1]).toEqual(["Nobody will ever replace him,", "Tom Hardy"]);
  });

  it("lets a later he said speak for the organisation whose spokesman was quoted", () => {
    const q = said(
      "Tom Hardy led the raids.",
      'A spokesman for the Acme Corporation said: "We lost millions." He said the gang were running a "huge operation".',
    );
    expect(q.map((x) => x[1])).toEqual(["Acme Corporation", "Acme Corporation"]);
  });

  it("resolves 'the alliance' to the alliance the article named", () => {
    const q = said("The Fair Pay Alliance, which includes six unions, met on Monday.", '"The offer is an insult," the alliance said in a statement.');
    expect(q[0][1]).toBe("Fair Pay Alliance");
  });

  it("lets an attribution at the end of a sentence cover a fragment earlier in it", () => {
    expect(said('Ann Cole spoke first. The outlook is "very bright" for the region, the Acme Bank said.')).toEqual([["very bright", "Acme Bank"]]);
    expect(said('Tom Hardy spoke later. Growth was "badly hurt" by the strike, he suggested.')).toEqual([["badly hurt", "Tom Hardy"]]);
  });

  it("keeps speech by people the article does not name, with no speaker", () => {
    expect(quotes('Tom Hardy resigned. Analysts said the firm faced a "long stand-off" with its lenders.')).toMatchObject([
      { text: "long stand-off", speaker: null },
    ]);
  });

  it("reads a base-form verb after a plural subject but not a noun of the same spelling", () => {
    expect(said('The Green Party say the plan would "wreck the coast".')[0][1]).toBe("Green Party");
    const q = said('Tom Hardy said Ann Cole was "naive beyond belief" if she accepted the rival claim it would not matter.');
    expect(q[0][1]).toBe("Tom Hardy");
  });

  it("reads a speaker through an -ing cue", () => {
    expect(said('Tom Hardy had the last word, complaining: "That was not football."')[0][1]).toBe("Tom Hardy");
  });

  it("does not take a nickname or a capitalised coined term for speech", () => {
    expect(quotes('He toured with Eddie "Lockjaw" Davis for years.')).toEqual([]);
    expect(quotes('Tom Hardy says the focus on an "Arc of Crisis" is misplaced.')).toEqual([]);
  });

  it("lets 'it' point back to a one-word company that acted as a subject", () => {
    const q = said('Acmesoft filed papers with the High Court on Monday. It said its software "is only a tool".');
    expect(q[0][1]).toBe("Acmesoft");
  });

  it("resolves a description after the verb to someone already named", () => {
    const q = said("Peter Grant lost in four sets.", '"The young players hit harder now," said the Australian.');
    expect(q[0][1]).toBe("Peter Grant");
  });

  it("does not take the listener after told for the speaker, and keeps the unattributed speech", () => {
    const q = said("The board met Tom Hardy.", 'A senior source at the firm told the BBC: "This bid is different."');
    expect(q).toEqual([["This bid is different.", null]]);
  });

  it("lets 'a BBC spokesman' speak for the body even when it is no entry in the name index", () => {
    const q = said('Tom Hardy was late. "I was stuck," he said. A BBC spokesman said: "He arrived as the show began."');
    expect(q.map((x) => x[1])).toEqual(["Tom Hardy", "BBC"]);
  });

  it("reads the speaker after the verb only inside the sentence", () => {
    const q = said('Acmesoft lost staff. "We must fix that," said vice-chairman Ravi Menon. Acmesoft is based in Pune.');
    expect(q[0][1]).toBe("Ravi Menon");
  });

  it("reads a passive cue's speaker after 'by'", () => {
    const q = said('Tom Hardy argued his case. It was dismissed as "absurd" by Judge Ann Cole.');
    expect(q).toEqual([["absurd", "Ann Cole"]]);
    expect(said('Tom Hardy died on Monday. He was described as a "true gentleman" by his friend and colleague Peter Grant.')[0][1]).toBe("Peter Grant");
  });

  // The annotated gold for the two sample articles, kept beside the checkout.
  const SEED_GOLD = "../shared/eval/seed-gold.json";
  it.skipIf(!existsSync(SEED_GOLD))("finds the seed articles' speakers as the gold file gives them", () => {
    const gold = JSON.parse(readFileSync(SEED_GOLD, "utf8")) as {
      people: Record<string, string[]>;
      articles: { file: string; quotes: { text: string; speaker: string | null }[] }[];
    };
    let checked = 0;
    for (const ga of gold.articles) {
      const r = readArticleFile(join("data/articles", ga.file), ga.file);
      if (!r.ok) throw new Error(r.reason);
      const found = extractArticle(r.articles[0]).quotes;
      for (const g of ga.quotes) {
        const q = found.find((x) => x.text === g.text);
        expect(q, g.text).toBeDefined();
        const names = g.speaker === null ? [null] : [g.speaker, ...(gold.people[g.speaker] ?? [])];
        expect(names, g.text).toContain(q!.speaker);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("keeps every quote verbatim at its paragraph and offsets, across the BBC dev set", () => {
    // The hand-annotated BBC set beside the checkout when it is there; the sample articles always.
    const dirs = ["../shared/eval/dev", "data/articles"].filter((d) => existsSync(d));
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => join(d, f)),
    );
    let checked = 0;
    for (const f of files) {
      const r = readArticleFile(f, f);
      if (!r.ok) continue;
      for (const a of r.articles) {
        for (const q of extractArticle(a).quotes) {
          expect(a.paragraphs[q.paragraph - 1].slice(q.start, q.end)).toBe(q.text);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});

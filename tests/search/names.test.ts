// The name look-ups (src/search/names.ts) over a real archive whose dictionary ingestion kept: each names
// row below is written as that many articles naming the person with that alias.
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/archive/sqlite/store.ts";
import type { ArchiveStore, IndexedArticle, NameEntry } from "../../src/archive/store.ts";
import { NameIndex } from "../../src/search/names.ts";

const e = (alias: string, person: string, articles = 1, kind: NameEntry["kind"] = "person"): NameEntry => ({ alias, person, kind, articles });

const entries: NameEntry[] = [
  e("George Osborne", "George Osborne", 5),
  e("Osborne", "George Osborne", 5),
  e("the Chancellor", "George Osborne", 3),
  e("Osborne", "Osborne", 1),
  e("Iain Duncan Smith", "Iain Duncan Smith", 4),
  e("Duncan Smith", "Iain Duncan Smith", 4),
  e("IDS", "Iain Duncan Smith", 2),
  e("Owen Smith", "Owen Smith", 2),
  e("Smith", "Smith", 1),
  e("Nicola Sturgeon", "Nicola Sturgeon", 6),
  e("Sturgeon", "Nicola Sturgeon", 6),
  e("Sir John Major", "Sir John Major", 1),
  e("Department for Work and Pensions", "Department for Work and Pensions", 3, "organisation"),
  e("DWP", "Department for Work and Pensions", 3, "organisation"),
];

const stores: ArchiveStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

/** An archive whose names rows are `rows`: person by person, in order, as many articles as its own name has. */
async function indexOf(rows: NameEntry[]): Promise<NameIndex> {
  const store = openSqliteStore(":memory:");
  stores.push(store);
  const people = [...new Set(rows.map((r) => r.person))];
  const files: { state: { path: string; size: number; mtimeMs: number; hash: string; skipped: null }; articles: IndexedArticle[] }[] = [];
  for (const person of people) {
    const mine = rows.filter((r) => r.person === person);
    const own = mine.find((r) => r.alias === person)!;
    for (let i = 0; i < own.articles; i++) {
      const key = `${files.length}.txt`;
      const aliases = mine.filter((r) => r.alias !== person && r.articles > i).map((r) => r.alias);
      files.push({
        state: { path: key, size: 1, mtimeMs: 1, hash: key, skipped: null },
        articles: [
          {
            record: { key, title: "t", date: null, byline: null, outlet: null, url: null, section: null, tags: [], paragraphs: ["x"] },
            extraction: { quotes: [], figures: [], acronyms: [], people: [{ name: person, kind: own.kind, aliases, roles: [], mentions: 1 }] },
          },
        ],
      });
    }
  }
  await store.putFiles(files);
  return new NameIndex(store);
}

const index = await indexOf(entries);
const names = (ids: { name: string }[]) => ids.map((i) => i.name);

describe("NameIndex", () => {
  it("joins a one-word name to the one fuller name ending with it, and keeps a shared surname apart", async () => {
    expect(names((await index.match("osborne"))!.identities)).toEqual(["George Osborne"]);
    expect(names((await index.match("smith"))!.identities)).toEqual(["Smith"]);
    expect(names((await index.match("IDS"))!.identities)).toEqual(["Iain Duncan Smith"]);
    expect((await index.match("IDS"))!.exact).toBe(true);
  });

  it("finds a name through a typo, over a few candidates", async () => {
    const m = (await index.match("osbourne"))!;
    expect(m.exact).toBe(false);
    expect(names(m.identities)).toEqual(["George Osborne"]);
    expect(names((await index.match("sturgoen"))!.identities)).toEqual(["Nicola Sturgeon"]);
    expect(await index.match("zzzzzz")).toBeNull();
    expect(await index.match("personal independence payments")).toBeNull();
  });

  it("finds a name through a typo among hundreds of candidates sharing a word, the same way twice", async () => {
    // 300 Smiths: more candidates than fuse.js is given, so the closest are chosen first (most typed words
    // shared, fewest edits, fewest words, dictionary order).
    const many = [
      ...entries,
      ...Array.from({ length: 300 }, (_, i) => e(`Person${i} Smith`, `Person${i} Smith`, 1 + (i % 7))),
      e("John Smith", "John Smith", 1),
    ];
    const big = await indexOf(many);
    for (let i = 0; i < 2; i++) {
      const m = (await big.match("jon smith"))!;
      expect(m.exact).toBe(false);
      expect(names(m.identities)).toEqual(["John Smith"]);
      expect(names((await big.match("person12 smiht"))!.identities)).toEqual(["Person12 Smith"]);
      expect(names((await big.match("iain dunkan smith"))!.identities)).toEqual(["Iain Duncan Smith"]);
    }
  });

  it("matches an alias that starts with a title exactly", async () => {
    expect((await index.match("Sir John Major"))!.exact).toBe(true);
  });

  it("suggests by the prefix of any word of a name, most written-about first", async () => {
    expect(names(await index.suggest("s", 3))).toEqual(["Nicola Sturgeon", "Iain Duncan Smith", "Owen Smith"]);
    expect(names(await index.suggest("sturg", 25))[0]).toBe("Nicola Sturgeon");
    expect(names(await index.suggest("nicola stu", 25))).toEqual(["Nicola Sturgeon"]);
    expect(names(await index.suggest("dw", 25))).toEqual(["Department for Work and Pensions"]);
    expect(names(await index.suggest("", 2))).toEqual(["George Osborne", "Nicola Sturgeon"]); // 6 articles each (Osborne joined): dictionary order
  });

  it("fills autocomplete with close names when few start with the prefix", async () => {
    expect(names(await index.suggest("osbourn", 5))).toContain("George Osborne");
  });

  it("finds the name a text mentions last, as a whole word", async () => {
    expect(await index.lastNamed("Osborne met Sturgeon, and Duncan Smith said ")).toBe("Duncan Smith");
    expect(await index.lastNamed("The chancellor spoke to Sturgeonx today: ")).toBe(null);
    expect(await index.lastNamed("IDS then ")).toBe("IDS");
  });
});

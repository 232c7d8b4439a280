// The store contract, the name dictionary (src/archive/names/): kept at ingestion, it must always equal a rebuild
// from scratch of the names rows; written in bulk or file by file, the same archive; a killed batch finished by
// the next writer.
import { expect, it } from "vitest";
import { rebuildDictionary } from "../../src/archive/names/dictionary.ts";
import type { ArchiveStore } from "../../src/archive/store.ts";
import type { ContractParts } from "./contract.ts";
import { article, person, put, quote, state } from "./contract-fixtures.ts";

export function dictionaryContract({ name, d, open, again }: ContractParts) {
  d(`${name} store contract: the name dictionary`, () => {
    const same = async (s: ArchiveStore) => expect(await s.nameDictionary()).toEqual(rebuildDictionary(await s.names()));
    const people = (...ps: ReturnType<typeof person>[]) => ({ people: ps });

    it("keeps every identity, alias and word equal to a rebuild from scratch as files come, change and go", async () => {
      const s = await open();
      await put(s, "1.txt", article("1.txt", "One", ["x"], people(person("George Osborne", ["Osborne", "the Chancellor"]), person("Owen Smith", ["Smith"]))));
      await same(s);
      // A one-word name joins the single fuller name ending with it; then a second Smith keeps "Smith" apart.
      await put(s, "2.txt", article("2.txt", "Two", ["x"], people(person("Osborne"), person("Smith"), person("BBC", [], { kind: "organisation" }))));
      await same(s);
      await put(
        s,
        "3.txt",
        article("3.txt", "Three", ["x"], people(person("Iain Duncan Smith", ["IDS", "Duncan Smith", "Smith"]), person("Nicola Sturgeon", ["Sturgeon"]))),
        article("3.txt#2", "Three b", ["x"], people(person("Iain Duncan Smith", ["Duncan-Smith"]), person("Bbc"))),
      );
      await same(s);
      const before = await s.identitiesByAlias(["smith", "osborne"]);
      expect(before.find((h) => h.key === "osborne")!.identities.map((i) => i.name)).toEqual(["George Osborne"]);
      expect(
        before
          .find((h) => h.key === "smith")!
          .identities.map((i) => i.name)
          .sort(),
      ).toEqual(["Iain Duncan Smith", "Owen Smith", "Smith"]);
      // What a mention may be searched by: a form no one else has ("ids"), not one shared ("smith"); a form
      // the dictionary lacks names no one else either.
      const ids = before.find((h) => h.key === "smith")!.identities.find((i) => i.name === "Iain Duncan Smith")!;
      expect(await s.aliasesNamingOthers(["smith", "ids", "duncan smith", "nobody"], ids.key)).toEqual(new Set(["smith"]));
      expect(await s.aliasesNamingOthers([], ids.key)).toEqual(new Set());
      // Changed: Owen Smith is gone from file 1; file 2 loses its Smith; file 3's second article goes.
      await put(s, "1.txt", article("1.txt", "One", ["x"], people(person("George Osborne", ["Osborne"]))));
      await same(s);
      await put(s, "2.txt", article("2.txt", "Two", ["x"], people(person("Osborne"), person("Sturgeon"))));
      await same(s);
      await put(s, "3.txt", article("3.txt", "Three", ["x"], people(person("Iain Duncan Smith", ["IDS", "Smith"]))));
      await same(s);
      expect((await s.identitiesByAlias(["smith"]))[0].identities.map((i) => i.name)).toEqual(["Iain Duncan Smith"]);
      await s.markSkipped(state("3.txt", { skipped: "broken" }));
      await same(s);
      await s.removeFiles(["1.txt"]);
      await same(s);
      expect((await s.identitiesByAlias(["osborne"]))[0].identities.map((i) => i.name)).toEqual(["Osborne"]);
      await s.removeFiles(["2.txt"]);
      expect(await s.nameDictionary()).toEqual({ identities: [], pairs: [], aliases: [], words: [], wordAliases: [], deletes: [] });
    });

    const batch = () => [
      {
        state: state("b1.txt"),
        articles: [
          article("b1.txt", "Budget one", ["Cuts to benefits."], {
            quotes: [quote("we will cut", "George Osborne")],
            people: [person("George Osborne", ["Osborne"]), person("Owen Smith", ["Smith"])],
            acronyms: [{ short: "PIP", long: "personal independence payments" }],
          }),
        ],
      },
      {
        state: state("b2.txt"),
        articles: [
          article("b2.txt", "Budget two", ["More cuts."], {
            people: [person("Osborne"), person("Smith"), person("BBC", [], { kind: "organisation" })],
            acronyms: [{ short: "DWP", long: "Department for Work and Pensions" }],
          }),
        ],
      },
      {
        state: state("b3.txt"),
        articles: [
          article("b3.txt#1", "Three", ["Words."], {
            quotes: [quote("a disgrace", "Iain Duncan Smith")],
            people: [person("Iain Duncan Smith", ["IDS", "Smith"])],
            acronyms: [{ short: "PIP", long: "personal independence payments" }],
          }),
          article("b3.txt#2", "Three b", ["Other words."], { people: [person("Nicola Sturgeon", ["Sturgeon"])] }),
        ],
      },
    ];
    const sameArchives = async (x: ArchiveStore, y: ArchiveStore) => {
      expect(await y.names()).toEqual(await x.names());
      expect(await y.nameDictionary()).toEqual(await x.nameDictionary());
      expect(await y.acronyms()).toEqual(await x.acronyms());
      for (const p of ["b", "c", "m", "w"]) expect(await y.termsStartingWith(p, 50)).toEqual(await x.termsStartingWith(p, 50));
      expect((await y.quotesBy(["Iain Duncan Smith", "George Osborne"], 10)).map((q) => q.quote.text)).toEqual(
        (await x.quotesBy(["Iain Duncan Smith", "George Osborne"], 10)).map((q) => q.quote.text),
      );
      expect(await y.stats()).toEqual(await x.stats());
    };

    it("writes a large batch (in bulk into an empty archive) as it writes file by file, and keeps it after", async () => {
      const one = await open();
      for (const f of batch()) await one.putFiles([f]);
      const bulk = await open();
      await bulk.beginBatch(1000);
      const files = batch();
      await bulk.putFiles(files.slice(0, 2));
      await bulk.putFiles(files.slice(2));
      await bulk.endBatch();
      await sameArchives(one, bulk);
      await same(bulk);
      for (const s of [one, bulk]) await put(s, "b2.txt", article("b2.txt", "Budget two", ["Less."], { people: [person("Smith")] }));
      await sameArchives(one, bulk);
      await same(bulk);
    });

    it("finishes a large batch a killed writer left, before anything else is written", async () => {
      const one = await open();
      for (const f of batch()) await one.putFiles([f]);
      const cut = await open();
      await cut.beginBatch(1000);
      await cut.putFiles(batch());
      // No endBatch: the process died. The next writer (another process) finishes the batch first.
      const next = await again(cut);
      await next.fileStates();
      await sameArchives(one, next);
      await same(next);
    });

    it("reads identities in answer order, by word prefix and by word", async () => {
      const s = await open();
      await put(s, "1.txt", article("1.txt", "One", ["x"], people(person("Nicola Sturgeon", ["Sturgeon"]), person("Owen Smith"))));
      await put(s, "2.txt", article("2.txt", "Two", ["x"], people(person("Nicola Sturgeon"), person("Sam Stone"))));
      expect((await s.rankedIdentities(10)).map((i) => i.name)).toEqual(["Nicola Sturgeon", "Owen Smith", "Sam Stone"]);
      const [first] = await s.rankedIdentities(1);
      expect((await s.rankedIdentities(10, first)).map((i) => i.name)).toEqual(["Owen Smith", "Sam Stone"]);
      expect((await s.identitiesWithWordPrefix("st", 10, 100))!.map((i) => i.name)).toEqual(["Nicola Sturgeon", "Sam Stone"]);
      expect(await s.identitiesWithWordPrefix("s", 10, 1)).toBeNull();
      const words = await s.nameWords(["sturgeon", "nobody"], ["sturgon"], "st", 10);
      expect(words).toEqual({ counts: new Map([["sturgeon", 2]]), deletes: new Map([["sturgon", ["sturgeon"]]]), range: ["stone", "sturgeon"] });
      expect((await s.aliasesWithWords(["sturgeon"])).map((r) => r.alias.text).sort()).toEqual(["Nicola Sturgeon", "Sturgeon"]);
    });

    it("keeps the acronyms in the order first written as files change and go", async () => {
      const s = await open();
      await put(s, "1.txt", article("1.txt", "One", ["x"], { acronyms: [{ short: "PIP", long: "personal independence payments" }] }));
      await put(
        s,
        "2.txt",
        article("2.txt", "Two", ["x"], {
          acronyms: [
            { short: "DWP", long: "Department for Work and Pensions" },
            { short: "PIP", long: "personal independence payments" },
          ],
        }),
      );
      await put(s, "3.txt", article("3.txt", "Three", ["x"], { acronyms: [{ short: "OBR", long: "Office for Budget Responsibility" }] }));
      expect((await s.acronyms()).map((a) => a.short)).toEqual(["PIP", "DWP", "OBR"]);
      await s.removeFiles(["1.txt"]);
      expect((await s.acronyms()).map((a) => a.short)).toEqual(["DWP", "PIP", "OBR"]);
      await s.removeFiles(["2.txt"]);
      expect((await s.acronyms()).map((a) => a.short)).toEqual(["OBR"]);
    });
  });
}

import { describe, expect, it } from "vitest";
import type { NameEntry } from "../../src/archive/store.ts";
import { NameIndex } from "../../src/search/names.ts";

const e = (alias: string, person: string, articles = 1, kind: NameEntry["kind"] = "person"): NameEntry => ({ alias, person, kind, articles });

const entries: NameEntry[] = [
  e("George Osborne", "George Osborne", 5), e("Osborne", "George Osborne", 5), e("the Chancellor", "George Osborne", 3),
  e("Osborne", "Osborne", 1),
  e("Iain Duncan Smith", "Iain Duncan Smith", 4), e("Duncan Smith", "Iain Duncan Smith", 4), e("IDS", "Iain Duncan Smith", 2),
  e("Owen Smith", "Owen Smith", 2), e("Smith", "Smith", 1),
  e("Nicola Sturgeon", "Nicola Sturgeon", 6), e("Sturgeon", "Nicola Sturgeon", 6),
  e("Sir John Major", "Sir John Major", 1),
  e("Department for Work and Pensions", "Department for Work and Pensions", 3, "organisation"), e("DWP", "Department for Work and Pensions", 3, "organisation"),
];
const index = new NameIndex(entries);
const names = (ids: { name: string }[]) => ids.map((i) => i.name);

describe("NameIndex", () => {
  it("joins a one-word name to the one fuller name ending with it, and keeps a shared surname apart", () => {
    expect(names(index.match("osborne")!.identities)).toEqual(["George Osborne"]);
    expect(names(index.match("smith")!.identities)).toEqual(["Smith"]);
    expect(names(index.match("IDS")!.identities)).toEqual(["Iain Duncan Smith"]);
    expect(index.match("IDS")!.exact).toBe(true);
  });

  it("finds a name through a typo, over a few candidates", () => {
    const m = index.match("osbourne")!;
    expect(m.exact).toBe(false);
    expect(names(m.identities)).toEqual(["George Osborne"]);
    expect(names(index.match("sturgoen")!.identities)).toEqual(["Nicola Sturgeon"]);
    expect(index.match("zzzzzz")).toBeNull();
    expect(index.match("personal independence payments")).toBeNull();
  });

  it("finds a name through a typo among hundreds of candidates sharing a word, the same way twice", () => {
    // 300 Smiths: more candidates than fuse.js is given, so the closest are chosen first (most typed words
    // shared, fewest edits, fewest words, dictionary order).
    const many = [...entries, ...Array.from({ length: 300 }, (_, i) => e(`Person${i} Smith`, `Person${i} Smith`, 1 + (i % 7))), e("John Smith", "John Smith", 1)];
    const big = new NameIndex(many);
    for (let i = 0; i < 2; i++) {
      const m = big.match("jon smith")!;
      expect(m.exact).toBe(false);
      expect(names(m.identities)).toEqual(["John Smith"]);
      expect(names(big.match("person12 smiht")!.identities)).toEqual(["Person12 Smith"]);
      expect(names(big.match("iain dunkan smith")!.identities)).toEqual(["Iain Duncan Smith"]);
    }
  });

  it("matches an alias that starts with a title exactly", () => {
    expect(index.match("Sir John Major")!.exact).toBe(true);
  });

  it("suggests by the prefix of any word of a name, most written-about first", () => {
    expect(names(index.suggest("s", 3))).toEqual(["Nicola Sturgeon", "Iain Duncan Smith", "Owen Smith"]);
    expect(names(index.suggest("sturg", 25))[0]).toBe("Nicola Sturgeon");
    expect(names(index.suggest("nicola stu", 25))).toEqual(["Nicola Sturgeon"]);
    expect(names(index.suggest("dw", 25))).toEqual(["Department for Work and Pensions"]);
    expect(names(index.suggest("", 2))).toEqual(["George Osborne", "Nicola Sturgeon"]); // 6 articles each (Osborne joined): dictionary order
  });

  it("fills autocomplete with close names when few start with the prefix", () => {
    expect(names(index.suggest("osbourn", 5))).toContain("George Osborne");
  });
});

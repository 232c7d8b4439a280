import { describe, expect, it } from "vitest";
import { findAcronyms } from "../../src/extract/acronyms.ts";
import { findPeople } from "../../src/extract/people.ts";

const people = (...paragraphs: string[]) => findPeople({ title: "", paragraphs });

describe("people and their other names", () => {
  it("joins surnames, shorter forms and initials to the full name", () => {
    const p = people("Iain Duncan Smith resigned.", "Duncan Smith was angry.", "Even IDS thought it too far.");
    expect(p.resolve("Duncan Smith")).toBe("Iain Duncan Smith");
    expect(p.resolve("IDS")).toBe("Iain Duncan Smith");
    expect(p.people.find((x) => x.name === "Iain Duncan Smith")?.aliases).toEqual(expect.arrayContaining(["Duncan Smith", "IDS"]));
  });

  it("keeps two people who share a surname apart", () => {
    const p = people("Iain Duncan Smith resigned.", "Labour's Owen Smith said it was shameful.");
    expect(p.people.map((x) => x.name)).toEqual(expect.arrayContaining(["Iain Duncan Smith", "Owen Smith"]));
    expect(p.resolve("Smith")).toBeNull();
    expect(p.resolve("Owen Smith")).toBe("Owen Smith");
  });

  it("reads roles from titles and from words before a name", () => {
    const p = people("First Minister Nicola Sturgeon spoke, and housing minister Yvette Cooper replied.");
    expect(p.resolve("First Minister")).toBe("Nicola Sturgeon");
    expect(p.people.find((x) => x.name === "Yvette Cooper")?.roles).toEqual(["housing minister"]);
  });

  it("tells organisations from people", () => {
    const p = people("The Institute for Fiscal Studies disagreed with Tory MP Peter Bone.");
    expect(p.kind("Institute for Fiscal Studies")).toBe("organisation");
    expect(p.kind("Peter Bone")).toBe("person");
  });

  it("knows gender from titles and given names, for he and she", () => {
    const p = people("Ms Ford met Peter Grant.", "Jane Ford smiled.");
    expect(p.gender("Peter Grant")).toBe("m");
    expect(p.gender("Jane Ford")).toBe("f");
  });
});

describe("acronyms the article defines", () => {
  it("reads Long Form (LF) and LF (Long Form)", () => {
    expect(findAcronyms({ title: "", paragraphs: ["Changes to Personal Independence Payments (PIP) were dropped. The OECD (Organisation for Economic Co-operation and Development) agreed."] })).toEqual([
      { short: "PIP", long: "Personal Independence Payments" },
      { short: "OECD", long: "Organisation for Economic Co-operation and Development" },
    ]);
  });

  it("ignores brackets that are not a definition", () => {
    expect(findAcronyms({ title: "", paragraphs: ["Shares in the bank (RBS) fell."] })).toEqual([]);
  });
});

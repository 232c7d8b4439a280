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

describe("names inside longer capitalised phrases", () => {
  it("splits a party or post from the name that follows it", () => {
    const p = people("Green Party Laura Moss voted against, and Supreme Court Justice Peter Grant dissented.");
    expect(p.resolve("Moss")).toBe("Laura Moss");
    expect(p.kind("Laura Moss")).toBe("person");
    expect(p.people.find((x) => x.name === "Peter Grant")?.roles).toEqual(["Supreme Court Justice"]);
  });

  it("does not take laws, events or places for people", () => {
    const p = people("The Data Protection Act came in before the Winter Olympics.", "Great Britain and New York were hosts.");
    expect(p.people.map((x) => x.name)).toEqual([]);
  });

  it("does not take a title in quote marks for a person", () => {
    const p = people('He sang "Walk The Line Slowly" twice.');
    expect(p.people).toEqual([]);
  });

  it("joins a short forename to the full one with the same surname", () => {
    const p = people("Dave Marsh was appointed.", "David Marsh said he was pleased.");
    expect(p.people.filter((x) => x.kind === "person").map((x) => x.name)).toEqual(["Dave Marsh"]);
    expect(p.resolve("David Marsh")).toBe("Dave Marsh");
  });

  it("knows a person by a role in apposition", () => {
    const p = people("Kemal Orhan, president of a trade body, disagreed.");
    expect(p.kind("Kemal Orhan")).toBe("person");
    // Whose role it is may come first: "the council's", "BT's".
    const q = people("Gwendolyn Ashcroft, the council's culture lead, objected; Kemal Orhan, BT's chief executive, agreed.");
    expect(q.kind("Gwendolyn Ashcroft")).toBe("person");
    expect(q.kind("Kemal Orhan")).toBe("person");
  });

  it("reads a whole lower-case role before a name", () => {
    const p = people("The firm's chief operating officer Kemal Orhan left.");
    expect(p.people.find((x) => x.name === "Kemal Orhan")?.roles).toEqual(["chief operating officer"]);
  });

  it("reads the words up to the last role word as the role", () => {
    const p = people("Albanian Prime Minister Fatos Nano signed the deal.");
    expect(p.people.find((x) => x.name === "Fatos Nano")?.roles).toEqual(["Albanian Prime Minister"]);
  });

  it("takes a one-word subject that is nobody's name for an organisation", () => {
    const p = people("Acmesoft said profits rose. Analysts said little.");
    expect(p.kind("Acmesoft")).toBe("organisation");
    expect(p.kind("Analysts")).toBeNull();
  });

  it("keeps an organisation's opening words", () => {
    const p = people("The Foreign Policy Centre published a paper.");
    expect(p.kind("Foreign Policy Centre")).toBe("organisation");
  });
});

describe("acronyms the article defines", () => {
  it("reads Long Form (LF) and LF (Long Form)", () => {
    expect(
      findAcronyms({
        title: "",
        paragraphs: ["Changes to Personal Independence Payments (PIP) were dropped. The OECD (Organisation for Economic Co-operation and Development) agreed."],
      }),
    ).toEqual([
      { short: "PIP", long: "Personal Independence Payments" },
      { short: "OECD", long: "Organisation for Economic Co-operation and Development" },
    ]);
  });

  it("ignores brackets that are not a definition", () => {
    expect(findAcronyms({ title: "", paragraphs: ["Shares in the bank (RBS) fell."] })).toEqual([]);
  });
});

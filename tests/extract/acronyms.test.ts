import { describe, expect, it } from "vitest";
import { findAcronyms } from "../../src/extract/acronyms.ts";

const acronyms = (...paragraphs: string[]) => findAcronyms({ title: "", paragraphs });

describe("acronyms an article defines", () => {
  it("reads a long form followed by the acronym in brackets", () => {
    expect(acronyms("Changes to Personal Independence Payments (PIP) were confirmed.")).toEqual([{ short: "PIP", long: "Personal Independence Payments" }]);
  });

  it("reads an acronym followed by its long form in brackets", () => {
    expect(acronyms("Claimants of the PIP (Personal Independence Payment) lose out.")).toEqual([{ short: "PIP", long: "Personal Independence Payment" }]);
  });

  it("skips small words such as of, and, for when matching initials", () => {
    expect(acronyms("The Organisation for Economic Co-operation and Development (OECD) cut its forecast.")).toEqual([
      { short: "OECD", long: "Organisation for Economic Co-operation and Development" },
    ]);
  });

  it("takes only the words the initials need, not the whole sentence before", () => {
    expect(acronyms("Yesterday the Institute for Fiscal Studies (IFS) said so.")).toEqual([{ short: "IFS", long: "Institute for Fiscal Studies" }]);
  });

  it("matches initials whatever their case in the long form", () => {
    expect(acronyms("It uses voice over internet protocol (VoIP) calls.")).toEqual([{ short: "VoIP", long: "voice over internet protocol" }]);
  });

  it("ignores brackets whose words do not spell the acronym", () => {
    expect(acronyms("Shares in Marks and Spencer (LSE) rose.", "The firm (which is big) grew.")).toEqual([]);
  });

  it("ignores acronyms the article uses without defining", () => {
    expect(acronyms("The BBC and the IMF spoke.")).toEqual([]);
  });

  it("lists an acronym once even when defined twice", () => {
    expect(acronyms("The Trades Union Congress (TUC) met.", "The Trades Union Congress (TUC) agreed.")).toHaveLength(1);
  });
});

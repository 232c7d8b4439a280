// Figures as outlets outside the BBC's 2004 house style write them. Every sentence here is written for the test.
import { describe, expect, it } from "vitest";
import { findFigures } from "../../src/extract/figures.ts";
import type { PeopleIndex } from "../../src/extract/people.ts";

const nobody: PeopleIndex = { people: [], mentions: [], resolve: () => null, gender: () => null, kind: () => null };
const found = (...paragraphs: string[]) => findFigures({ title: "", paragraphs }, nobody);
const pairs = (...paragraphs: string[]) => found(...paragraphs).map((f) => [f.value, f.unit]);

describe("decimal commas", () => {
  it("reads a percentage written with a decimal comma", () => {
    expect(pairs("The regulator allowed a 7,85% rise, though the utility had asked for 18,4 per cent.")).toEqual([
      [7.85, "%"],
      [18.4, "%"],
    ]);
  });

  it("keeps a thousands comma a thousands comma", () => {
    expect(pairs("The depot holds 4,250 crates and 3,75% of them are empty.")).toEqual([
      [4250, "crates"],
      [3.75, "%"],
    ]);
  });
});

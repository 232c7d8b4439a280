import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";

const figures = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).figures;
const values = (...paragraphs: string[]) => figures(...paragraphs).map((f) => [f.text, f.value, f.unit]);

describe("figures", () => {
  it("reads money with symbols and scales", () => {
    expect(values("The scheme costs £4.4 billion, up from £28.7m, and $2m went abroad, with €1.2bn more.")).toEqual([
      ["£4.4 billion", 4.4e9, "GBP"], ["£28.7m", 28.7e6, "GBP"], ["$2m", 2e6, "USD"], ["€1.2bn", 1.2e9, "EUR"],
    ]);
  });

  it("reads currency written as a word, before or after the number", () => {
    expect(values("Oil rose to dollars 39.20 while the deal was worth 1.55bn euros.")).toEqual([["dollars 39.20", 39.2, "USD"], ["1.55bn euros", 1.55e9, "EUR"]]);
  });

  it("reads percentages, per cent and percentage points", () => {
    expect(values("Growth was 2.5%, inflation 15 per cent and rates rose 0.5 percentage points.")).toEqual([
      ["2.5%", 2.5, "%"], ["15 per cent", 15, "%"], ["0.5 percentage points", 0.5, "pp"],
    ]);
  });

  it("reads counts with what they count", () => {
    expect(values("Around 640,000 disabled people would lose out and 3,000 jobs will go.")).toEqual([
      ["640,000", 640000, "people"], ["3,000", 3000, "jobs"],
    ]);
    expect(values("The show drew 2.9 million viewers.")).toEqual([["2.9 million", 2.9e6, "viewers"]]);
  });

  it("reads a rate and an approximation", () => {
    const [f] = figures("They will be about £3,500 a year worse off.");
    expect(f).toMatchObject({ value: 3500, unit: "GBP", per: "year", approx: "about" });
  });

  it("does not take years, dates, ages, durations, ordinals or names as figures", () => {
    expect(values("In 2012, on June 23 and 11 September, the 30-year-old spent six years and 26 weeks at the G7 in 10th place.")).toEqual([]);
  });

  it("ignores numbers inside HTML entities", () => {
    expect(values("The caf&#233; opened.")).toEqual([]);
  });

  it("lists a value once per article", () => {
    expect(values("Cuts of £4.4 billion were planned.", "The £4.4 billion cut was dropped.")).toHaveLength(1);
  });

  it("names who says so", () => {
    const [f] = figures("The Institute for Fiscal Studies said the changes will cut £4.4 billion from the bill.");
    expect(f.source).toBe("Institute for Fiscal Studies");
    expect(f.measure).toContain("cut");
  });

  it("finds the earlier sentence that 'the changes' refer to, for topic search", () => {
    const [f] = figures("Osborne confirmed changes to the way the state calculates PIP.", "Estimates suggest 640,000 disabled people would be worse off because of the changes.");
    expect(f.context).toContain("PIP");
    const [debt] = figures("The government backed down over PIP.", "Meanwhile the national debt has nearly doubled to 80% of GDP.");
    expect(debt.context).not.toContain("PIP");
  });
});

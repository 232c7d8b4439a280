import { describe, expect, it } from "vitest";
import { findFigures } from "../../src/extract/figures.ts";
import type { PeopleIndex } from "../../src/extract/people.ts";
import type { Figure } from "../../src/extract/types.ts";

// A people index that knows nobody unless told: figures must work before (and without) people extraction.
function people(canonical: Record<string, string> = {}): PeopleIndex {
  return {
    people: [],
    mentions: [],
    resolve: (name) => canonical[name] ?? null,
    gender: () => null,
    kind: () => null,
  };
}

const figures = (...paragraphs: string[]): Figure[] => findFigures({ title: "", paragraphs }, people());
const one = (sentence: string): Figure => {
  const found = figures(sentence);
  expect(found).toHaveLength(1);
  return found[0];
};
const pairs = (sentence: string) => figures(sentence).map((f) => [f.value, f.unit]);

describe("money", () => {
  it("reads pounds with a written-out scale", () => {
    expect(one("The plan will cost £4.4 billion.")).toMatchObject({ text: "£4.4 billion", value: 4.4e9, unit: "GBP" });
  });

  it("reads abbreviated scales after dollar and euro signs", () => {
    expect(pairs("It paid $2m and then €1.2bn.")).toEqual([
      [2e6, "USD"],
      [1.2e9, "EUR"],
    ]);
  });

  it("reads currency written as a word before or after the number", () => {
    expect(pairs("GM paid dollars 2bn to settle.")).toEqual([[2e9, "USD"]]);
    expect(pairs("GM will pay 1.55bn euros to settle.")).toEqual([[1.55e9, "EUR"]]);
  });

  it("reads share prices in pence", () => {
    expect(pairs("Shares closed at 797p.")).toEqual([[797, "pence"]]);
    expect(pairs("Shares rose 56 pence on the day.")).toEqual([[56, "pence"]]);
  });

  it("gives an unlabelled amount the currency of the amount before it in the sentence", () => {
    expect(pairs("The firm gets 1bn euros now, with another 550m to follow.")).toEqual([
      [1e9, "EUR"],
      [5.5e8, "EUR"],
    ]);
  });

  it("reads thousands separators", () => {
    expect(one("Each family loses £3,500.")).toMatchObject({ value: 3500, unit: "GBP" });
  });
});

describe("percentages", () => {
  it("reads the sign and the words per cent", () => {
    expect(pairs("Sales rose 80% while costs fell 15 per cent.")).toEqual([
      [80, "%"],
      [15, "%"],
    ]);
  });

  it("reads percentage points as pp", () => {
    expect(one("Turnout rose by 3.5 percentage points.")).toMatchObject({ value: 3.5, unit: "pp" });
  });
});

describe("counts", () => {
  it("keeps the plural noun a count counts, across adjectives", () => {
    expect(one("Some 640,000 disabled people would lose out.")).toMatchObject({ value: 640000, unit: "people" });
  });

  it("counts jobs", () => {
    expect(one("The closure will cost 3,000 jobs.")).toMatchObject({ value: 3000, unit: "jobs" });
  });

  it("reads a decimal with a scale word", () => {
    expect(one("The show drew 1.2 million viewers.")).toMatchObject({ value: 1.2e6, unit: "viewers" });
  });

  it("reads spelled-out scales", () => {
    expect(one("The band has sold two million records.")).toMatchObject({ value: 2e6, unit: "records" });
  });

  it("reads large spelled-out counts but not small ones", () => {
    expect(one("Ninety one MPs signed it.")).toMatchObject({ value: 91, unit: "mps" });
    expect(figures("Three executives resigned.")).toEqual([]);
  });

  it("allows a capitalised adjective before the counted noun", () => {
    expect(one("It may be linked to 56,000 American deaths.")).toMatchObject({ value: 56000, unit: "deaths" });
  });

  it("finds the noun of a partitive count", () => {
    expect(one("The suit was brought by 28 of the world's largest film firms.")).toMatchObject({ value: 28, unit: "firms" });
  });

  it("gives 'N of them' the noun of the count before it", () => {
    expect(pairs("At least 60 people were arrested - 45 of them in the US.")).toEqual([
      [60, "people"],
      [45, "people"],
    ]);
  });

  it("gives a change the noun of the figure it changes", () => {
    expect(pairs("It destroyed 37,000 files last year - up 22,000 on 2001.")).toEqual([
      [37000, "files"],
      [22000, "files"],
    ]);
  });

  it("reads a bare number of millions as a count", () => {
    expect(one("Phone sales passed 167 million in the quarter.")).toMatchObject({ value: 1.67e8, unit: "count" });
  });
});

describe("approximations, ranges and rates", () => {
  it("records the approximation word before the number", () => {
    expect(one("Nearly 37,000 files went.").approx).toBe("nearly");
    expect(one("It raised more than £4.3bn.").approx).toBe("more than");
    expect(one("Up to 200 million accounts were exposed.").approx).toBe("up to");
  });

  it("has no approximation when the text gives none", () => {
    expect(one("It raised £4.3bn.").approx).toBeNull();
  });

  it("gives a range's upper bound, and both ends as figures", () => {
    const [low, high] = figures("Growth will be between 3% and 3.5% next year.");
    expect(low).toMatchObject({ value: 3, unit: "%", upTo: 3.5 });
    expect(high).toMatchObject({ value: 3.5, unit: "%" });
  });

  it("gives a range's lower end the scale of its upper end", () => {
    expect(figures("Users will grow to between 200 and 250 million.")[0]).toMatchObject({ value: 2e8, upTo: 2.5e8 });
  });

  it("does not read a change from one value to another as a range", () => {
    expect(figures("Sales rose from 5% to 7%.")[0].upTo).toBeNull();
  });

  it("records the period of a rate", () => {
    expect(one("They lose £3,500 a year.").per).toBe("year");
    expect(one("Rent is £800 per month.").per).toBe("month");
    expect(one("The site gets 600,000 page views a day.").per).toBe("day");
  });
});

describe("numbers that are not statistics", () => {
  it("leaves out years and dates", () => {
    expect(figures("In 2012 the vote was held on June 23, and again on 5 May 2015.")).toEqual([]);
  });

  it("leaves out ages, durations and times", () => {
    expect(figures("The 30-year-old, aged 30, served six years and 26 weeks, until 10:30 at 0900 GMT.")).toEqual([]);
  });

  it("leaves out ordinals, decades, ranks and scores", () => {
    expect(figures("He was 10th in the 1990s, made the top 40 singles chart and won 3-1.")).toEqual([]);
  });

  it("leaves out numbers inside names", () => {
    expect(figures("The G7 met as Windows XP and Windows 95 users upgraded.")).toEqual([]);
  });

  it("leaves out race distances written with m", () => {
    expect(figures("She won the 3,000m title and ran in the 800m heats.")).toEqual([]);
  });

  it("leaves out measurements and ratios", () => {
    expect(figures("It weighed 320kg, covered 1.5 million square feet, and one in 10 adults saw it.")).toEqual([]);
  });

  it("reads a number after a possessive as a count, not as part of a name", () => {
    expect(one("It is one of India's 35 states.")).toMatchObject({ value: 35, unit: "states" });
  });

  it("leaves out numbers inside HTML entities", () => {
    expect(figures("Caf&#233; owners said it cost &#163;5.")).toEqual([]);
  });
});

describe("one figure per value", () => {
  it("keeps only the first statement of the same value and unit", () => {
    const found = figures("It will cost £4.4 billion.", "Critics said £4.4 billion was too much, and 12% too.");
    expect(found.map((f) => [f.value, f.unit, f.paragraph])).toEqual([
      [4.4e9, "GBP", 1],
      [12, "%", 2],
    ]);
  });

  it("keeps the same number with different units", () => {
    expect(pairs("Sales rose 12% to £12m, with 12,000 staff.")).toHaveLength(3);
  });
});

describe("who says so", () => {
  it("takes the subject of a reporting verb", () => {
    expect(one("The Institute for Fiscal Studies said the cuts would save £4.4 billion.").source).toBe("Institute for Fiscal Studies");
  });

  it("takes the name after according to", () => {
    expect(one("Sales rose 5%, according to Gartner.").source).toBe("Gartner");
  });

  it("takes the subject of an estimate", () => {
    expect(one("Analysts at Forrester estimate 1.3 billion machines will be in use.").source).toBe("Forrester");
  });

  it("uses the people index's canonical name when it knows one", () => {
    const found = findFigures({ title: "", paragraphs: ["Sales rose 5%, according to the IFS."] }, people({ IFS: "Institute for Fiscal Studies" }));
    expect(found[0].source).toBe("Institute for Fiscal Studies");
  });

  it("takes the subject across an apposition, not the organisation inside it", () => {
    expect(one("Rod Eddington, BA's chief executive, said fuel costs rose by £106m.").source).toBe("Rod Eddington");
  });

  it("does not take the listener after told as the source", () => {
    expect(one("Its bosses told counterparts at UFJ of a 3 trillion yen deal.").source).toBeNull();
  });

  it("has no source when nobody is named", () => {
    expect(one("Estimates suggest around 640,000 disabled people would be worse off.").source).toBeNull();
  });
});

describe("what a figure measures", () => {
  it("keeps the clause of the figure without the attribution", () => {
    expect(one("The IFS said the changes will see £4.4 billion cut from the bill.").measure).toBe("the changes will see £4.4 billion cut from the bill");
  });

  it("separates figures joined by and", () => {
    const [cut, count] = figures("The IFS said the changes will see £4.4 billion cut from the bill and leave 370,000 people worse off.");
    expect(cut.measure).toBe("the changes will see £4.4 billion cut from the bill");
    expect(count.measure).toBe("leave 370,000 people worse off");
  });
});

describe("context for topic search", () => {
  const article = [
    "Osborne confirmed changes to Personal Independence Payments (PIP) in the Budget.",
    "The weather was poor. Schools reopened.",
    "Around 640,000 disabled people would be worse off because of the changes.",
    "The IFS said the changes will see £4.4 billion cut from the bill.",
  ];

  it("adds the earlier sentence a definite description refers back to", () => {
    const f = figures(...article).find((x) => x.value === 640000)!;
    expect(f.context).toBe(`${article[2]} … ${article[0]}`);
  });

  it("follows back-references through an intermediate sentence", () => {
    const f = figures(...article).find((x) => x.value === 4.4e9)!;
    expect(f.context).toContain("Osborne confirmed changes");
  });

  it("does not pull in a topic the figure's sentence does not refer to", () => {
    const f = figures(...article, "The national debt has risen to 80% of GDP.").find((x) => x.value === 80)!;
    expect(f.context).toBe("The national debt has risen to 80% of GDP.");
  });

  it("does not follow generic nouns such as the government", () => {
    const f = figures("The government changed PIP.", "The government will save £2bn.")[0];
    expect(f.context).toBe("The government will save £2bn.");
  });

  it("adds the long form of an acronym the context uses", () => {
    const f = figures("Personal Independence Payments (PIP) will change.", "PIP claimants will lose £3bn.")[0];
    expect(f.context).toBe("PIP claimants will lose £3bn. … Personal Independence Payments");
  });
});

describe("positions", () => {
  it("gives the paragraph and offsets of the text as written", () => {
    const f = figures("Intro.", "It cost £28.7m in all.")[0];
    expect(f).toMatchObject({ paragraph: 2, text: "£28.7m", start: 8, end: 14, sentence: "It cost £28.7m in all." });
  });
});

// Counts, spelled-out numbers, units of measure and ranges. Every sentence here is written for the test.
import { describe, expect, it } from "vitest";
import { findFigures } from "../../src/extract/figures.ts";
import type { PeopleIndex } from "../../src/extract/people.ts";

const nobody: PeopleIndex = { people: [], mentions: [], resolve: () => null, gender: () => null, kind: () => null };
const found = (sentence: string) => findFigures({ title: "", paragraphs: [sentence] }, nobody);
const pairs = (sentence: string) => found(sentence).map((f) => [f.value, f.unit]);

describe("a count is a number with its noun, whatever the noun", () => {
  it("counts what is scored", () => {
    expect(pairs("The striker has 31 goals and the fly-half kicked 19 points.")).toEqual([
      [31, "goals"],
      [19, "points"],
    ]);
  });

  it("counts index points, which the scorer and readers treat like percentage points", () => {
    expect(pairs("The Nikkei gained 212.4 points.")).toEqual([[212.4, "points"]]);
  });

  it("does not count the games or laps a record spans", () => {
    expect(pairs("He scored in 14 games and led for 40 laps.")).toEqual([]);
  });

  it("counts occasions but not multipliers", () => {
    expect(pairs("The clip was shared 48,000 times.")).toEqual([[48000, "times"]]);
    expect(pairs("The new chip is 40 times faster, uses 12 times the power and is 2.5 times as big.")).toEqual([]);
    expect(pairs("Zoom enlarges a page by up to 20 times.")).toEqual([]);
  });

  it("reads modifiers joined by and, and 'more' before the noun", () => {
    expect(pairs("The firm runs 48 large and small depots and will hire 600 more drivers.")).toEqual([
      [48, "depots"],
      [600, "drivers"],
    ]);
  });

  it("reads '-plus' and '-odd' before the noun", () => {
    expect(pairs("Some 300-plus volunteers and 40-odd boats took part.")).toEqual([
      [300, "volunteers"],
      [40, "boats"],
    ]);
  });

  it("counts compounds of men and women", () => {
    expect(pairs("About 450 firemen were called.")).toEqual([[450, "firemen"]]);
  });

  it("counts both numbers of a partitive with a number inside", () => {
    expect(pairs("Only 9 of the 14 reservoirs are full.")).toEqual([
      [9, "reservoirs"],
      [14, "reservoirs"],
    ]);
  });

  it("does not take a number word after a count for its modifier", () => {
    expect(pairs("They lost 0-2 four seasons ago and won 19-13 in the Six Nations.")).toEqual([]);
  });
});

describe("numbers in words", () => {
  it("reads spelled-out percentages of any size", () => {
    expect(pairs("Six per cent agreed, Seventy-two percent did not and eleven per cent were unsure.")).toEqual([
      [6, "%"],
      [72, "%"],
      [11, "%"],
    ]);
  });

  it("reads a decimal point in words", () => {
    expect(pairs("Growth slowed to one point eight per cent.")).toEqual([[1.8, "%"]]);
  });

  it("reads hundreds in words", () => {
    expect(pairs("Four hundred nurses and three hundred and twenty porters joined the strike.")).toEqual([
      [400, "nurses"],
      [320, "porters"],
    ]);
  });

  it("still leaves small spelled-out counts to the prose", () => {
    expect(pairs("Five engineers and twelve pilots flew out.")).toEqual([]);
  });
});

describe("units of measure", () => {
  it("reads data rates, sizes and frequencies written onto the number or after it", () => {
    expect(pairs("The line runs at 24Mbps, the card holds 64GB, the chip runs at 2.4 GHz and the old modem at 56 kbps.")).toEqual([
      [24, "Mbps"],
      [64, "GB"],
      [2.4, "GHz"],
      [56, "kbps"],
    ]);
  });

  it("reads power and picture sizes", () => {
    expect(pairs("The dam will produce 3,200 MW and the camera has 12 megapixels.")).toEqual([
      [3200, "MW"],
      [12, "megapixels"],
    ]);
  });

  it("keeps megabits (Mb) apart from megabytes (MB)", () => {
    expect(pairs("A 10Mb line downloads a 700MB film slowly.")).toEqual([
      [10, "Mb"],
      [700, "MB"],
    ]);
  });

  it("does not read TB after a space, where it is tuberculosis", () => {
    expect(pairs("The clinic saw 2,000 TB patients and sold a 4TB drive.")).toEqual([
      [2000, "patients"],
      [4, "TB"],
    ]);
  });

  it("leaves out weights and distances", () => {
    expect(pairs("The 60kg robot walked 3km.")).toEqual([]);
  });
});

describe("ranges", () => {
  it("reads both ends of a range written with a dash", () => {
    expect(pairs("Profits may rise 12-15%, and 200-250 staff and 1.5 million-2 million homes are affected.")).toEqual([
      [12, "%"],
      [15, "%"],
      [200, "staff"],
      [250, "staff"],
      [1.5e6, "homes"],
      [2e6, "homes"],
    ]);
  });

  it("gives a range's lower end the upper end's scale and currency", () => {
    expect(pairs("The repairs will cost £3-4bn, or between £30m-£40m a year.")).toEqual([
      [3e9, "GBP"],
      [4e9, "GBP"],
      [3e7, "GBP"],
      [4e7, "GBP"],
    ]);
  });

  it("gives the lower end its upper bound", () => {
    expect(found("Rents will rise 3-5% next year.")[0]).toMatchObject({ value: 3, unit: "%", upTo: 5 });
  });

  it("reads a range with to", () => {
    expect(pairs("Labour hopes to gain 15 to 20 seats.")).toEqual([
      [15, "seats"],
      [20, "seats"],
    ]);
  });

  it("does not read scores, model numbers or codes as ranges", () => {
    expect(pairs("They were 3-1 winners, ordered 20 Airbus 320-200 jets and tested COX-2 drugs.")).toEqual([]);
  });
});

describe("counts whose noun the sentence implies", () => {
  it("counts a number after a noun of collection or quantity and of", () => {
    expect(pairs("The bishop will address a congregation of 3,500 on Sunday.")).toEqual([[3500, "people"]]);
    expect(pairs("The party won with a majority of 4,212.")).toEqual([[4212, "count"]]);
  });

  it("gives a number after a word of change the noun the paragraph counted before", () => {
    expect(pairs("The plant will build 240,000 vans in 2008. The rise, from 205,000 this year, needs 900 staff.")).toEqual([
      [240000, "vans"],
      [205000, "vans"],
      [900, "staff"],
    ]);
  });

  it("counts people after a verb whose object is people", () => {
    expect(pairs("The storm killed more than 1,300 and the mill employs 2,250 in Ghent.")).toEqual([
      [1300, "people"],
      [2250, "people"],
    ]);
  });

  it("takes the noun that 'the number of' names", () => {
    expect(pairs("The number of licensed taxis fell to 1,840 in May.")).toEqual([[1840, "taxis"]]);
  });

  it("counts a bare number a sentence says a total reached", () => {
    expect(pairs("Analysts think registrations will hit 450,000 next year.")).toEqual([[450000, "count"]]);
  });

  it("leaves out index levels, share prices, ranks, ages and small numbers", () => {
    expect(pairs("The Dow closed at 10,412, and the Sensex rose to 6,120.")).toEqual([]);
    expect(pairs("Her world ranking rose to 140 and the pension age will rise from 60 to 67.")).toEqual([]);
    expect(pairs("Their lead was cut to 12.")).toEqual([]);
  });

  it("reads a change word with an adverb before a number that refers back", () => {
    expect(pairs("Some 24,610 tenants were in arrears in March. That is down slightly from 25,380 in February.")).toEqual([
      [24610, "tenants"],
      [25380, "tenants"],
    ]);
  });

  it("reads 'just' or 'only' between a noun of quantity and the number", () => {
    expect(pairs("The council recorded a rise of just 3,150 on the year.")).toEqual([[3150, "count"]]);
  });

  it("counts a number a verb of sale reaches when a singular partitive follows it", () => {
    expect(pairs("The maker has sold 6,300 of its new electric van since spring.")).toEqual([[6300, "count"]]);
  });

  it("counts both ends of a bare change from one level to another, but no time, measure or small number", () => {
    expect(pairs("The agency revised the gains for May from 212,000 to 187,000.")).toEqual([
      [212000, "count"],
      [187000, "count"],
    ]);
    expect(pairs("It runs from 1130 to 1215 GMT, climbs from 2,000 to 3,000 metres and moves from 40 to 55.")).toEqual([]);
  });

  it("reads a count before 'last year' as a count", () => {
    expect(pairs("Exports grew from 12 million last year to 15 million.")).toEqual([
      [12e6, "count"],
      [15e6, "count"],
    ]);
  });
});

describe("more forms of counts and scales", () => {
  it("reads a bare number past a percentage change as the count changed", () => {
    expect(pairs("Dealers expect sales to climb 12% to 64,000 next year.")).toEqual([
      [12, "%"],
      [64000, "count"],
    ]);
  });

  it("reads a number the sentence's 'number of' reaches through a preposition", () => {
    expect(pairs("The plan raises the number of trained nurses in the region to 7,400.")).toEqual([[7400, "nurses"]]);
  });

  it("reads basis points apart from points", () => {
    expect(pairs("The bank cut its rate by 25 basis points.")).toEqual([[25, "basis points"]]);
  });

  it("reads news-wire scales: B, M, bln, mln", () => {
    expect(pairs("Net income was $2.4B on sales of $900M; the mine produced 1.1 bln tonnes, up from 980 mln.")).toEqual([
      [2.4e9, "USD"],
      [9e8, "USD"],
      [1.1e9, "tonnes"],
      [9.8e8, "tonnes"],
    ]);
  });
});

describe("values", () => {
  it("are the amounts as written, without floating-point dust", () => {
    expect(pairs("It lost £4.1m and $0.3bn, and 20-30.1bn rupiah.")).toEqual([
      [4.1e6, "GBP"],
      [3e8, "USD"],
      [2e10, "IDR"],
      [3.01e10, "IDR"],
    ]);
  });

  it("counts the planes of a partitive whose noun follows a model number", () => {
    expect(pairs("The airline will buy 40 of its 737-800 planes back.")).toEqual([[40, "planes"]]);
  });
});

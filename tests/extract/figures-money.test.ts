// Money in the forms news from many outlets writes it. Every sentence here is written for the test.
import { describe, expect, it } from "vitest";
import { findFigures } from "../../src/extract/figures.ts";
import type { PeopleIndex } from "../../src/extract/people.ts";

const nobody: PeopleIndex = { people: [], mentions: [], resolve: () => null, gender: () => null, kind: () => null };
const pairs = (sentence: string) => findFigures({ title: "", paragraphs: [sentence] }, nobody).map((f) => [f.value, f.unit]);

describe("currency signs and codes before the amount", () => {
  it("reads the dollar signs of other countries", () => {
    expect(pairs("The mill was sold for US$3bn, A$1.2bn of it in cash, and NZ$40m in shares.")).toEqual([
      [3e9, "USD"],
      [1.2e9, "AUD"],
      [4e7, "NZD"],
    ]);
  });

  it("reads this corpus's 'USdollars' and 'Adollars', where a dollar sign once stood", () => {
    expect(pairs("Profit rose to Adollars 84m (USdollars 61m) while HKdollars 9.5bn was raised.")).toEqual([
      [8.4e7, "AUD"],
      [6.1e7, "USD"],
      [9.5e9, "HKD"],
    ]);
  });

  it("reads the yen, rupee and naira signs", () => {
    expect(pairs("The bank lost ¥45bn, the state spent ₹900 crore and the port cost ₦12bn.")).toEqual([
      [4.5e10, "JPY"],
      [9e9, "INR"],
      [1.2e10, "NGN"],
    ]);
  });

  it("reads rupees with lakh and crore, and Indian digit grouping", () => {
    expect(pairs("The council set aside Rs 350 crore, Rs 2 lakh per family and Rs 3,50,000 for the school.")).toEqual([
      [3.5e9, "rupees"],
      [2e5, "rupees"],
      [350000, "rupees"],
    ]);
    expect(pairs("The stimulus was worth Rs 1.2 lakh crore.")).toEqual([[1.2e12, "rupees"]]);
  });

  it("reads rand and naira written with a capital letter, only with a scale or thousands", () => {
    expect(pairs("The utility needs R45bn, and the state pledged N750 billion and N2,500,000 more.")).toEqual([
      [4.5e10, "ZAR"],
      [7.5e11, "NGN"],
      [2.5e6, "NGN"],
    ]);
    expect(pairs("She printed it on an R800 printer and played her N64.")).toEqual([]);
  });

  it("reads shilling abbreviations and ISO codes in capitals", () => {
    expect(pairs("The county asked for Sh3.4 billion, KSh 120m more, and SSP 18bn came from Juba.")).toEqual([
      [3.4e9, "shillings"],
      [1.2e8, "KES"],
      [1.8e10, "SSP"],
    ]);
  });

  it("reads the cedi as Ghana's papers write it", () => {
    expect(pairs("The assembly spent GH¢2 million on drains and GH₵ 450,000 on lights.")).toEqual([
      [2e6, "GHS"],
      [4.5e5, "GHS"],
    ]);
  });

  it("does not take an ordinary word before a number for a currency code", () => {
    expect(pairs("He wrote version PHP 5 and the 300 men left.")).toEqual([[300, "men"]]);
  });

  it("reads a scale joined by a hyphen, and trn", () => {
    expect(pairs("The plan costs R12-billion and the budget is N21.8trn.")).toEqual([
      [1.2e10, "ZAR"],
      [2.18e13, "NGN"],
    ]);
  });
});

describe("currencies named after the amount", () => {
  it("gives a currency named with its country that country's code", () => {
    expect(pairs("It paid 2.4bn Canadian dollars, 800m Swiss francs and 95bn South Sudanese pounds.")).toEqual([
      [2.4e9, "CAD"],
      [8e8, "CHF"],
      [9.5e10, "SSP"],
    ]);
  });

  it("never turns another country's pound or dollar into sterling or US dollars", () => {
    expect(pairs("The stall earned 300 Fijian dollars.")).toEqual([[300, "fijian dollars"]]);
  });

  it("reads a singular currency after a scale or hyphen", () => {
    expect(pairs("A 6bn-euro gap opened, then a 2.5m pound fee and a 40 billion shilling budget.")).toEqual([
      [6e9, "EUR"],
      [2.5e6, "GBP"],
      [4e10, "shillings"],
    ]);
  });

  it("reads codes after the amount, and currencies in capitals", () => {
    expect(pairs("Spending reached 412 billion SSP, or 9.2m Euros.")).toEqual([
      [4.12e11, "SSP"],
      [9.2e6, "EUR"],
    ]);
  });

  it("keeps won to amounts with a scale", () => {
    expect(pairs("The bank got 3 trillion won, and Hyundai 2 won praise.")).toEqual([[3e12, "KRW"]]);
  });

  it("reads euro cents as cents, and a price in euros", () => {
    expect(pairs("The dividend is 45 euro cents and seats cost 90 euro each.")).toEqual([
      [45, "cents"],
      [90, "EUR"],
    ]);
  });

  it("does not read a spelled-out one as an amount of money", () => {
    expect(pairs("One euro now buys more, and a one-dollar coin was minted.")).toEqual([]);
  });
});

describe("exchange rates", () => {
  it("reads a bare rate as the currency the paragraph quotes, per the other one", () => {
    const [f] = findFigures({ title: "", paragraphs: ["The peso weakened. Dealers said it traded at 18.4 to the US dollar."] }, nobody);
    expect(f).toMatchObject({ value: 18.4, unit: "pesos", per: "US dollar" });
  });

  it("reads a rate against the euro", () => {
    expect(pairs("The yen rose to 139.2 against the euro.")).toEqual([[139.2, "JPY"]]);
  });

  it("reads no rate when no other currency is named", () => {
    expect(pairs("Its index stood at 98.4 against the dollar basket.")).toEqual([]);
  });
});

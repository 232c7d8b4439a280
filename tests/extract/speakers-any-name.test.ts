// A person is a person whatever their name: where a name stands (the subject of a verb of speech, the name after an
// inverted "said", an apposition with a role, the object of "according to") says so, not a list of English forenames.
// Names written for this test, from many languages.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";
import { findPeople } from "../../src/extract/people.ts";

const NAMES = [
  "Chidi Okonkwo",
  "Xiu Mei Lin",
  "Priya Raman",
  "Fatima Al-Sayed",
  "Dmitri Volkov",
  "Siobhan Gallagher",
  "Hamish Campbell",
  "Rhys Bevan",
  "Joaquin Almunia",
  "Ngozi Adichie",
  "Oluwaseun Bakare",
  "Aarav Sharma",
  "Wei Zhang",
  "Mehmet Yilmaz",
  "Kwame Mensah",
  "Thandiwe Nkosi",
  "Yuki Tanaka",
  "Nguyen Van An",
  "Björn Lindqvist",
  "Zoltán Kovács",
  "Haruto Sato",
  "Leilani Kahale",
  "Tariq Hussain",
  "Bongani Dlamini",
  "Anjali Deshpande",
];
const WORDS = "We will look at every option before we decide";
const FORMS: [string, (n: string) => string][] = [
  ["said X", (n) => `"${WORDS}," said ${n}.`],
  ["X said", (n) => `"${WORDS}," ${n} said.`],
  ["X told reporters", (n) => `${n} told reporters: "${WORDS}."`],
  ["said X, <role>", (n) => `"${WORDS}," said ${n}, a spokesperson for the council.`],
  ["X, <role>, said:", (n) => `${n}, the finance minister, said: "${WORDS}."`],
  ["according to X", (n) => `According to ${n}, "we will look at every option before we decide".`],
  ["single marks", (n) => `‘${WORDS},’ said ${n}.`],
];

const speakerOf = (p: string) => extractArticle({ title: "", paragraphs: [p] }).quotes[0]?.speaker ?? null;

describe("a speaker is found whatever the name", () => {
  for (const [form, write] of FORMS) {
    it(`finds every name in the shape ${form}`, () => {
      const missed = NAMES.filter((n) => speakerOf(write(n)) !== n);
      expect(missed).toEqual([]);
    });
  }

  it("reads initials and honorifics with full stops (US and Indian style)", () => {
    expect(speakerOf(`"${WORDS}," said M.K. Stalin.`)).toBe("M.K. Stalin");
    expect(speakerOf(`"${WORDS}," said Craig D. Owens.`)).toBe("Craig D. Owens");
    expect(speakerOf(`"${WORDS}," said Dr. Amina Yusuf.`)).toBe("Amina Yusuf");
    expect(speakerOf(`Mr. Patel said: "${WORDS}."`)).toBe("Patel");
  });

  it("knows someone named only by one name after a title or an inverted cue", () => {
    expect(speakerOf(`Mr Oyelaran said: "${WORDS}."`)).toBe("Oyelaran");
    expect(speakerOf(`"${WORDS}," said Foxworth.`)).toBe("Foxworth");
  });
});

describe("names a word list would have refused, and words it would have taken", () => {
  const people = (...paragraphs: string[]) => findPeople({ title: "", paragraphs });

  it("takes a name ending in a common noun for a person where it stands as one", () => {
    expect(people("Jack Law, chief executive of a charity, said the plan was fair.").kind("Jack Law")).toBe("person");
    expect(people("The singer's publicist Wendy Day denied it.").kind("Wendy Day")).toBe("person");
  });

  it("reads a forename that is also a month's short form", () => {
    expect(people("The relief coordinator, Jan Egeland, said aid was coming.").kind("Jan Egeland")).toBe("person");
  });

  it("splits a party and a post from the person: Labour MP Oona King", () => {
    const p = people("He will stand against Labour MP Oona Kingsley at the next election.");
    expect(p.kind("Oona Kingsley")).toBe("person");
  });

  it("does not take a post for its holder, nor a see or a city for a person", () => {
    const p = people("The Scottish Finance Minister, Tom McCabe, spoke.", "The Archbishop of Canterbury agreed.");
    expect(p.people.map((x) => x.name)).toEqual(["Tom McCabe"]);
  });

  it("keeps an ampersand inside one organisation's name", () => {
    expect(people("The Securities & Exchange Commission accused the bank.").kind("Securities & Exchange Commission")).toBe("organisation");
  });

  it("does not take a name after a reported 'said' for a speaker", () => {
    const p = people("A spokesman said Downing Street had no comment to make.");
    expect(p.kind("Downing Street")).not.toBe("person");
  });
});

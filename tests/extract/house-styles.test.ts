// Attribution in the house styles of other outlets, on sentences written for these tests: abbreviated titles with
// full stops (US, Indian, Australian copy), a US lawmaker's party and state, honorifics of other languages, an
// aside in brackets between the name and its verb, an organisation's role word before a name; the quotation marks
// and reporting verbs of other house styles; Indian and US wire copy.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";

const said = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).quotes.map((q) => [q.text, q.speaker]);
const speakers = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).quotes.map((q) => q.speaker);

describe("house styles beyond the BBC's", () => {
  it("reads abbreviated titles with a full stop as titles, never as the speaker", () => {
    expect(speakers("“This is not the bill I would have written,” said Rep. Ana Ruiz-Olmos, a Democrat from Ohio.")).toEqual(["Ana Ruiz-Olmos"]);
    expect(speakers("Sen. Tobias Wren called the bill “a responsible step.”")).toEqual(["Tobias Wren"]);
    expect(speakers("“We will review it,” Gov. Lena Hart said.")).toEqual(["Lena Hart"]);
    expect(speakers("“Hold the line,” said Lt. Gen. Omar Haddad.")).toEqual(["Omar Haddad"]);
  });

  it("reads a US lawmaker's party and state as an aside, between commas or in brackets", () => {
    expect(speakers("Sen. Tobias Wren, R-Ky., called the bill “a responsible step.”")).toEqual(["Tobias Wren"]);
    expect(speakers("“We did our job tonight,” Dana Whitcombe (D-N.Y.) said.")).toEqual(["Dana Whitcombe"]);
    expect(speakers("“We knew,” Ana Ruiz (pictured) told reporters.")).toEqual(["Ana Ruiz"]);
  });

  it("keeps an acronym in brackets with the body it abbreviates, which speaks as a body", () => {
    expect(speakers("Gordon Reid raised the wage.", 'But the Confederation of Northern Traders (CNT) called for a "pause year" first.')).toEqual([
      "Confederation of Northern Traders",
    ]);
    // A body is never "he": a pronoun after a body's quotation finds no person rather than the body.
    expect(
      speakers('Brightline Games (BG) says it wants to grow. "Nobody queues for music now."', '"You cannot ignore an industry like ours," he said.')[1],
    ).not.toBe("Brightline Games");
  });

  it("reads honorifics of other languages as titles", () => {
    expect(speakers("The chairman, Alhaji Musa Danjuma, described the levy as “another burden on the poor.”")).toEqual(["Musa Danjuma"]);
    expect(speakers("“We have nothing to hide,” said Smt. Kavita Rao.")).toEqual(["Kavita Rao"]);
    expect(speakers("“The grid will hold,” Shri Anil Deshpande told reporters.")).toEqual(["Anil Deshpande"]);
  });

  it("ends a body's name at a role word: the person after it speaks", () => {
    expect(speakers('"The system remains constrained," Gridco CEO Thabo Mokoena said at a briefing.')).toEqual(["Thabo Mokoena"]);
  });

  it("does not make a titled temple or shrine a person", () => {
    expect(
      said(
        "Mr Owen is touring the Midlands.",
        'The party leader will visit the Shri Radha Krishna Temple in Leicester. He will say Labour "cannot take these votes for granted".',
      ),
    ).toEqual([["cannot take these votes for granted", "Owen"]]);
  });

  it("keeps particles and joined articles inside a name", () => {
    expect(speakers("“We will get there,” Commission President Ilse von der Maas said.")).toEqual(["Ilse von der Maas"]);
    expect(speakers("President Abdel Karim al-Masri told delegates that the region “has waited long enough.”")).toEqual(["Abdel Karim al-Masri"]);
    expect(speakers("“The rich must pay,” said Paulo Inácio Ramos da Costa, the country’s president.")).toEqual(["Paulo Inácio Ramos da Costa"]);
  });

  it("takes one who spoke as a person a pronoun can point back to, whatever the name", () => {
    expect(speakers("Hakainde Mwale spoke on Monday.", '"We will look at every option before we decide," he said.')).toEqual(["Hakainde Mwale"]);
    expect(speakers("Mette Kjærgaard speaks for the coalition.", '"We will look at every option," she said.')).toEqual(["Mette Kjærgaard"]);
  });

  it("lets a pronoun look back over short paragraphs of one sentence each, as most sites write them", () => {
    expect(
      speakers(
        "The health secretary, Tomas Reyna, announced the plan on Tuesday.",
        "The plan will cost £2bn over five years.",
        "Hospitals will get new scanners by 2027.",
        "Unions welcomed the money but said it was not enough.",
        "“This is the start of a decade of renewal,” he said.",
      ),
    ).toEqual(["Tomas Reyna"]);
  });

  it("finds a long name by its middle part, as Spanish and Portuguese names are used", () => {
    expect(speakers("Paulo Inácio Ramos da Costa, the president, opened the talks.", "“I’m not going anywhere,” Ramos said.")).toEqual([
      "Paulo Inácio Ramos da Costa",
    ]);
  });

  it("leaves letters after a name out of it", () => {
    expect(speakers("Ian Mackay QC resigned on Monday.", '"The reason is simple," said Mr Mackay.')).toEqual(["Ian Mackay"]);
  });

  it("reads a title before a family name written first", () => {
    expect(
      speakers(
        '"The market knows it," said Park Jiwon, a strategist at Hanseong Securities.',
        '"Rates will rise," said Mei Tan.',
        '"They have been stalling," said Mr Park.',
      ),
    ).toEqual(["Park Jiwon", "Mei Tan", "Park Jiwon"]);
    // A peer's title goes with the peerage, never with someone's first name.
    expect(speakers("Ravi Lord spoke first.", 'Lord Ravi said the bill was "a mistake".')).not.toContain("Ravi Lord");
  });
});

describe("quotation marks and reporting verbs of other house styles", () => {
  it("keeps a year's apostrophe inside a quotation in single marks", () => {
    expect(said("‘The ’90s are over,’ said Ama Boateng. ‘We won’t go back to the players’ old contracts.’")).toEqual([
      ["The ’90s are over,", "Ama Boateng"],
      ["We won’t go back to the players’ old contracts.", "Ama Boateng"],
    ]);
  });

  it("reads doubled single marks as double ones", () => {
    expect(
      said(
        "The Minister of Works, Dele Adebayo, spoke on Monday.",
        "‘’I heard about that matter at the beginning.",
        "“The ministry is key to the administration,’’ Adebayo said.",
      ),
    ).toEqual([
      ["I heard about that matter at the beginning.", "Dele Adebayo"],
      ["The ministry is key to the administration,", "Dele Adebayo"],
    ]);
    expect(said("''We will not back down,'' Roy Keane-Obi said.")).toEqual([["We will not back down,", "Roy Keane-Obi"]]);
  });

  it("ends a name where page furniture is glued to it", () => {
    const people = extractArticle({ title: "", paragraphs: ["Sgt. Tim Bryce spoke to reporters. Photograph: Kevin O’Brien.Credit"] }).people.map((p) => p.name);
    expect(people).toContain("Kevin O’Brien");
    expect(people.some((n) => n.includes("Credit"))).toBe(false);
  });

  it("gives 'the statement' to the one whose statement was just quoted", () => {
    expect(
      speakers('A Brightline Energy Ltd statement said: "We regret the disruption."', '"Engineers are working around the clock," the statement added.'),
    ).toEqual(["Brightline Energy Ltd", "Brightline Energy Ltd"]);
  });

  it("gives a statement introduced with a colon to the one who issued it", () => {
    expect(speakers('His spokesman Ravi Anand later offered a statement: "The senator believes this should be reported."')).toEqual(["Ravi Anand"]);
  });

  it("reads the reporting verbs of wire copy", () => {
    expect(
      speakers(
        "The President will prosecute any minister, Defence Minister, Dominic Amoah has disclosed.",
        "“I can assure you the President will prosecute such individual,” he said.",
      ),
    ).toEqual(["Dominic Amoah"]);
    expect(speakers('Mr Osei reiterated that the plan was "not negotiable".')).toEqual(["Osei"]);
  });

  it("does not make the affiliation before a role and a name a person", () => {
    expect(said("Former Tory chancellor Ken Clarke says the party is improving.", 'But he adds: "It has got to change itself a bit."')).toEqual([
      ["It has got to change itself a bit.", "Ken Clarke"],
    ]);
  });
});

describe("Indian and US wire copy", () => {
  it("ends a name at a day of the week written straight after it", () => {
    expect(speakers("Chief Minister Harjit Sandhu Tuesday slammed the opposition.", "''These statements are baseless,'' said Sandhu.")).toEqual([
      "Harjit Sandhu",
    ]);
  });

  it("reads CM and PM as roles, not as bodies", () => {
    expect(speakers("CM Chauhan made the remark in Bhopal.", '"They continuously tell lies," Chauhan said.')).toEqual(["Chauhan"]);
  });

  it("takes a name with its middle name left out as the same person", () => {
    expect(
      speakers("Opposition leader Karan Singh Dhillon spoke first.", "Later Karan Dhillon said the talks had failed.", '"We will fight on," Dhillon said.'),
    ).toEqual(["Karan Singh Dhillon"]);
  });
});

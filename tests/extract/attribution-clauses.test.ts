// Attribution decided by the words around a quotation, on sentences written for these tests: a quotation inside
// someone else's narration, a clause that goes on from a verb of speech, a speaker named by one name or in an -ing
// clause, spokespeople and appositions, pronouns for names from any language.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";

const said = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).quotes.map((q) => [q.text, q.speaker]);
const speakers = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).quotes.map((q) => q.speaker);

describe("a quotation inside someone else's narration is not the last speaker's", () => {
  it("does not hand the last speaker a quotation another name, a report or a statement speaks", () => {
    expect(speakers("Asked about the deal, Dana Whitcombe said: “Nobody knows.”", "“Proud of our team today,” Okafor wrote on X.")).toEqual([
      "Dana Whitcombe",
      null,
    ]);
    expect(speakers('"Sales will fall," said Mei Tan.', '"Growth has stalled across the region this year," the report said.')).toEqual(["Mei Tan", null]);
  });

  it("still hands it on when the narration points back to them", () => {
    expect(speakers('"Sales will fall," said Mei Tan.', '"It was a hard year for all of us," said the Brightwater analyst.')).toEqual(["Mei Tan", "Mei Tan"]);
    expect(speakers('Mr Vance said: "I was a sailor." "It was a pretty horrible thing with a happy ending," said the Ealing North MP.')).toEqual([
      "Vance",
      "Vance",
    ]);
  });
});

describe("a clause that goes on from a verb of speech", () => {
  it("gives an -ing cue after 'he said,' the one who said", () => {
    expect(
      speakers("Marek Nowak, an analyst at Radix, spoke first.", '"It explains why threats spread," he said, accusing users of "bad e-mail behaviour".'),
    ).toEqual(["Marek Nowak", "Marek Nowak"]);
    expect(speakers('"These awards mean everything," said producer Lena Marsh, adding they were a "huge first step".')).toEqual(["Lena Marsh", "Lena Marsh"]);
  });

  it("reads a role between an inverted cue and the name, and the word that qualifies the role as no speaker", () => {
    expect(speakers('"Rates will rise," said chief economist Kenji Ito.')).toEqual(["Kenji Ito"]);
    expect(speakers('"These awards mean everything," said producer Lena Marsh.')).toEqual(["Lena Marsh"]);
    expect(speakers('"These awards mean everything," said Sideways producer Lena Marsh.')).toEqual(["Lena Marsh"]);
  });

  it("reads a hyphenated role before a name as a role", () => {
    expect(speakers("“Officials will not come to your homes”, said acting Home Affairs Director-General Thabo Mavuso.")).toEqual(["Thabo Mavuso"]);
  });

  it("gives a quotation left open at a paragraph's end the speaker of its continuation", () => {
    expect(
      speakers(
        "A Brightline Energy Ltd statement was issued on Monday.",
        "“Customers are strongly advised to ignore this false alarm.",
        "“It is in the interests of everyone to stay calm,” Brightline Energy Ltd said.",
      ),
    ).toEqual(["Brightline Energy Ltd", "Brightline Energy Ltd"]);
  });

  it("gives 'X saying' to X", () => {
    expect(said('The party launched its platform, with leader Ravi Menon saying it was the "authentic opposition".')).toEqual([
      ["authentic opposition", "Ravi Menon"],
    ]);
  });

  it("reads a one-word firm after its trade noun as a body that speaks", () => {
    expect(speakers('Telecom analysts Quorra welcomed the move, saying the operator had "given a lot of ground".')).toEqual(["Quorra"]);
  });
});

describe("a speaker named by one name, or in an -ing clause", () => {
  it("takes a one-word name of any shape as the subject of its verb", () => {
    // Names that end like a nationality adjective ("-i", "-an") are names when no "the" stands before them.
    expect(speakers('Tawfiqi said: "We will look at every option before we decide."')).toEqual(["Tawfiqi"]);
    expect(speakers('Ozbekan told reporters: "We will look at every option."')).toEqual(["Ozbekan"]);
    // "the 31-year-old Austrian said": a nationality standing for a person, not a body that speaks.
    expect(speakers("Marta Kessler won in Vienna.", '"I have acted correctly," the 31-year-old Austrian said in a statement.')).not.toContain("Austrian");
  });

  it("leaves a nationality before a name out of the name, but not out of a body's name or a role", () => {
    expect(speakers('"It is hard," said Uzbek Dilnoza Rakhimova.')).toEqual(["Dilnoza Rakhimova"]);
    expect(speakers("South African Thabo Kgosi won again.", '"I felt strong," said Kgosi.')).toEqual(["Thabo Kgosi"]);
    expect(speakers('"We will fly," British Airways said.')).toEqual(["British Airways"]);
    expect(speakers('The British Phonographic Industry said: "Sales of singles fell again last year."')).toEqual(["British Phonographic Industry"]);
    expect(speakers("French President Anatole Moreau spoke.", 'The French president told reporters: "Europe needs unity."')).toEqual(["Anatole Moreau"]);
  });

  it("leaves a member's seat letters out of the name, but reads 'the Ealing North MP' as a description", () => {
    expect(speakers('"We will vote against it," said Morag Dunleavy MSP.')).toEqual(["Morag Dunleavy"]);
    expect(speakers("Morag Dunleavy, who sits for Ealing North, spoke.", '"I felt guilt," said the Ealing North MP.')).toEqual(["Morag Dunleavy"]);
  });

  it("reads a name with an age in apposition as a person's, and a stray comma before the verb as no apposition", () => {
    expect(speakers('"We have to act now," Okafor, 52, told The Associated Press.')).toEqual(["Okafor"]);
    expect(speakers('"It will hurt savers," shop owner Hayriye Ekin, told reporters.')).toEqual(["Hayriye Ekin"]);
    // A clause with a verb of its own before the comma is no stray comma: "writing in The Times" does not speak.
    expect(speakers('Mr Clarke, writing in The Times, accused critics of "liberal woolly thinking and spreading false fears".')).not.toContain("Times");
  });

  it("reads a peer's territorial designation as part of the peer's name, never as a body", () => {
    expect(speakers('Lord Merriman of Hexworth, in his ruling, said: "Indefinite detention is anathema to the law."')).toEqual(["Merriman"]);
    expect(speakers('"Indefinite detention is anathema to the law," said Baroness Ashdown of Kelby.')).toEqual(["Ashdown"]);
  });

  it("never takes the last word of a title for a body that speaks", () => {
    expect(speakers('The singer of Because the Night told a newspaper that these were "material, exploitative and greedy times".')).toEqual([null]);
    expect(speakers('But the Treasury said the plan was "fully costed and fair".')).toEqual(["Treasury"]);
  });

  it("reads 'the Lions coach' as a description of the coach, not as the team", () => {
    expect(
      speakers(
        "British and Irish Lions coach Clive Ward says he will pick no one.",
        "Lions fans were angry.",
        '"Their pack was simply awesome," said the Lions coach.',
      ),
    ).toEqual(["Clive Ward"]);
  });

  it("takes a one-word subject whose verb reports 'he' or 'she' for a person, whom a later pronoun can mean", () => {
    expect(speakers("Tokayevich said he would not wait for the vote.", '"We will act alone if we must," he said.')).toEqual(["Tokayevich"]);
    expect(speakers("Brightcom said it would not wait for the vote.", '"We will act alone if we must," he said.')).toEqual([null]);
    expect(speakers("Widodoyo spoke on Monday.", '"We will act alone if we must," he said.')).toEqual(["Widodoyo"]);
  });

  it("gives a quotation that follows a sentence led by 'he' or 'she' to the one the pronoun means", () => {
    expect(
      speakers(
        "Arjun Mehta, a former presenter, ran a pirate radio show.",
        "He spent seven years at a music channel.",
        '"At a certain point I was driving in and thought: this is so stupid."',
      ),
    ).toEqual(["Arjun Mehta"]);
    // Inside someone's quotation, "He has this knack" is the speaker talking about another man.
    expect(
      speakers('"Our manager Rafael Ortiz is brilliant," said Tom Hale. "He has this knack of thinking of everything. "Every player is equal here."'),
    ).toEqual(["Tom Hale", "Tom Hale", "Tom Hale"]);
  });

  it("gives a judgement in an -ing clause to the name straight before the verb", () => {
    expect(said('Labour hit back, with campaign chief Ola Brandt accusing the minister of writing a "fraudulent prospectus".')).toEqual([
      ["fraudulent prospectus", "Ola Brandt"],
    ]);
    expect(said('Critics were harsher, with the Northern Times labelling the film a "dispiriting vanity project".')).toEqual([
      ["dispiriting vanity project", "Northern Times"],
    ]);
    // A name after "at", "in", "from" is a place, not the one who speaks.
    expect(speakers('Students dropped leaflets at Harwood University calling for a "day of reckoning".')).not.toContain("Harwood University");
  });
});

describe("spokespeople and appositions", () => {
  it("lets a body's named spokesperson name the body inside the quotation", () => {
    expect(speakers('"I can confirm that Finwatch has passed the case to the prosecutor," a Finwatch spokeswoman said.')).toEqual(["Finwatch"]);
    // With no body named beside the spokesman, a body named inside the words is their subject, not their speaker.
    expect(speakers('Voters were told about Finwatch. A spokesman said: "Finwatch has nothing to do with us."')).toEqual([null]);
  });

  it("gives words 'according to a statement from' a body to that body", () => {
    expect(said("Prices rose again.", '"We expect growth to slow," according to a statement from the Finance Ministry.')).toEqual([
      ["We expect growth to slow,", "Finance Ministry"],
    ]);
    expect(speakers("Ana Lindqvist, the fund's chair, resigned.", 'According to a letter by Ms Lindqvist, "the fund is empty and the board knew it".')).toEqual(
      ["Ana Lindqvist"],
    );
  });

  it("reads an apposition whose closing comma was left out", () => {
    expect(speakers('"We monitor every account," Pieter Dobrowski, a Telmax spokesperson said.')).toEqual(["Pieter Dobrowski"]);
    expect(speakers('Ana Lindqvist, an analyst at Nordbank told the BBC: "There is a whiff of a sweetener."')).toEqual(["Ana Lindqvist"]);
    expect(speakers('After talks with Ana Lindqvist, a spokesman said: "We are pleased."')).not.toContain("Ana Lindqvist");
  });
});

describe("pronouns for names from any language", () => {
  it("learns a gender from the pronoun in what a person is reported to say, and gives 'she' to no man", () => {
    expect(
      speakers("Chidi Okonkwo, the union leader, said his members would strike.", "Okonkwo attended the meeting.", "“We have made a fair offer,” she said."),
    ).toEqual([null]);
    expect(speakers("Ngozi Eze told reporters she would not resign.", "Chidi Okonkwo attended the meeting.", "“We have made a fair offer,” she said.")).toEqual(
      ["Ngozi Eze"],
    );
  });

  it("does not read the verb after a name in apposition as an apposition of its own", () => {
    expect(speakers("The health minister, Amina Yusuf, met the union on Monday.", "“We have made a fair offer,” she said.")).toEqual(["Amina Yusuf"]);
  });
});

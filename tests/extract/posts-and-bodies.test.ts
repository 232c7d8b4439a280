// Attribution around posts and bodies, on sentences written for these tests in the styles of Commonwealth,
// African, Indian and US copy: a post named "Minister for …" or "Governor of …" before its holder, a holder in
// apposition to a post, someone "of" a body, a body known by its initials, and descriptions that bring in
// someone new ("one trader", "a judge") rather than point back to someone named.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";

const speakers = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).quotes.map((q) => q.speaker);
const people = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).people.map((p) => [p.name, p.kind]);

describe("posts and their holders", () => {
  it('reads the portfolio after a post\'s "of" or "for" as part of the post, and the holder\'s name after it', () => {
    expect(speakers('Minister for Water and Sanitation Efua Darkoa-Mensah said the dam "will be finished by June".')).toEqual(["Efua Darkoa-Mensah"]);
    expect(speakers('Minister for Foreign Affairs Tamsin Kerr said the region was "on edge".')).toEqual(["Tamsin Kerr"]);
    expect(speakers('Secretary of State for Transport Ivo Marchetti said the line was "a priority".')).toEqual(["Ivo Marchetti"]);
  });

  it("never makes a post's place or portfolio a person, and gives the words to the holder in apposition", () => {
    expect(speakers('The Governor of Benue State, Terwase Agbo Iorliam, told reporters: "The roads will be rebuilt."')).toEqual(["Terwase Agbo Iorliam"]);
    expect(speakers('"We will not allow it," the Minister of Information, Deng Makur Aguer, said.')).toEqual(["Deng Makur Aguer"]);
    expect(speakers('Deputy Minister for Trade, Abena Serwaa Owusu-Ansah stated that "the levy is under review".')).toEqual(["Abena Serwaa Owusu-Ansah"]);
    const names = people("The Governor of Benue State, Terwase Agbo Iorliam, spoke at the launch.").map(([name]) => name);
    expect(names).not.toContain("Benue State");
  });

  it('gives a role in apposition before a name to that person, so a later "the governor" and "he" find them', () => {
    const found = speakers(
      "The Delta State Governor, Oghenekaro Edewor, said the fund was illegal.",
      "Mr. Edewor said his meeting with President Adamu Bello centred on security.",
      "The governor, who described his relationship with the president as cordial, said the talks went well.",
      "“I am happy with the discussion.",
      "“We do not have any bad relationship,” he said.",
    );
    expect(found).toEqual(["Oghenekaro Edewor", "Oghenekaro Edewor"]);
  });

  it('reads a post written with capitals after "the" as its holder, never as a body', () => {
    expect(
      speakers(
        'Union Minister Arjun Mehra said it was "like the pot calling the kettle black".',
        'The Union Minister said the opposition was "hallucinating".',
      ),
    ).toEqual(["Arjun Mehra", "Arjun Mehra"]);
    expect(speakers("Chancellor Greta Lindqvist spoke first.", 'The Chancellor said the budget was "prudent".')).toEqual(["Greta Lindqvist"]);
  });

  it("does not give a post to the shadow, former or deputy holder of it", () => {
    const found = speakers(
      "Shadow foreign secretary Colm Reilly attacked the plan. Mr Dunmore defended it in a speech.",
      'The foreign secretary told reporters: "I stand by every word."',
    );
    expect(found).not.toContain("Colm Reilly");
  });

  it("keeps the holder's role with the name, so the post named later finds them", () => {
    const found = extractArticle({ title: "", paragraphs: ['Minister for Lands Kojo Ampofo-Boateng said the leases "were lawful".'] }).people;
    expect(found.find((p) => p.name === "Kojo Ampofo-Boateng")?.roles).toContain("Minister for Lands");
  });
});

describe("someone of a body", () => {
  it("splits a person from the body they are of, whatever their name", () => {
    expect(speakers('"Margins are thin," said Rufus Okoye of Harbour Lane Securities.')).toEqual(["Rufus Okoye"]);
    expect(speakers('Analyst Ines Vaz of Tagus Capital said the bank was "playing catch-up".')).toEqual(["Ines Vaz"]);
    // The body's own word before "of" keeps it one name.
    expect(people("The Bank of Lisbonia raised rates.").map(([name]) => name)).toContain("Bank of Lisbonia");
  });

  it("gives the words to the person, not the body after their role, when the apposition's closing comma is missing", () => {
    expect(speakers('Wiremu Tane, economist at Kauri Research said the rise "may well continue".')).toEqual(["Wiremu Tane"]);
    expect(speakers('Sione Latu, from Reef Partners said: "It is a fragile recovery."')).toEqual(["Sione Latu"]);
  });

  it("reads a run whose initials follow it in brackets as one body", () => {
    expect(speakers('The Northern Chambers of Industry (NCI) said it was "alarmed by the delay".')).toEqual(["Northern Chambers of Industry"]);
  });

  it("reads the name after an inverted cue and an occupation as a person, whatever the name", () => {
    expect(speakers('The decision, said union organiser Tuvya Ben-Ami, "shows contempt for the staff".')).toEqual(["Tuvya Ben-Ami"]);
    expect(speakers('"The cuts go too deep," said film critic Oyelaran Adebayo.')).toEqual(["Oyelaran Adebayo"]);
  });

  it("never reads the capitalised word of a name as the verb", () => {
    // "Post" in a newspaper's name is no "post" that attributes.
    expect(speakers('A tweet by Lena Fisk said she and the Harbour Post\'s Abel Ruiz were held for "not packing up fast enough" at the cafe.')).not.toContain(
      "Harbour Post",
    );
  });
});

describe("descriptions that bring in someone new", () => {
  it("gives no speaker to one trader, a judge or another member rather than the last person named", () => {
    expect(speakers("Shares in Corvane fell after its chairman, Piet Drost, resigned.", '"It will fall further," said one trader.')).toEqual([null]);
    expect(speakers('Mr Drost lost the case in May, when a judge said the scheme was "no better than a lottery".')).toEqual([null]);
    expect(speakers("Alma Reyes told the inquiry what she had heard.", 'Another member of the board says she was told: "You only got here by luck."')).toEqual([
      null,
    ]);
  });

  it('gives "our correspondent" only to a correspondent the article names', () => {
    expect(speakers("Minister Odile Faure defended the plan.", '"The vote will be close," our correspondent said.')).toEqual([null]);
    expect(speakers("Correspondent Ravi Menon said the vote would be close.", '"Both sides are nervous," our correspondent added.')).toEqual(["Ravi Menon"]);
  });

  it("does not give a quotation to a subject who opens a sentence of their own after it", () => {
    expect(
      speakers('Mrs Lund said savers had lost half their money. "Nobody trusts the banks any more." Mr Ortega, who moved here in 1990, agreed.'),
    ).not.toContain("Ortega");
  });
});

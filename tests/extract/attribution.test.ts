// One test per attribution rule, each on sentences written for it: the cue and the phrase (stage 2), the person
// the phrase points to (stage 3), whether they can have said it (stage 4), and turns (stage 5).
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";

const said = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).quotes.map((q) => [q.text, q.speaker]);
const speakers = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).quotes.map((q) => q.speaker);

describe("stage 2: the cue and the phrase that names the speaker", () => {
  it("takes the subject of the nearest verb of speech, not a name inside its clause", () => {
    expect(speakers('Ann Petrova said Tom Vance had complained he was left a "terrible muddle" by his predecessor.')).toEqual(["Tom Vance"]);
    expect(speakers('Ann Petrova called Tom Vance\'s budget "reckless", saying it would fail.')).toEqual(["Ann Petrova"]);
  });

  it("takes the person of an apposition, not the employer in it", () => {
    expect(speakers('"Sales are flat," Mei Tan, an analyst at Brightwater Research, told reporters.')).toEqual(["Mei Tan"]);
    expect(speakers('"Sales are flat," said Brightwater chief economist, Mei Tan.')).toEqual(["Mei Tan"]);
    expect(speakers('Mei Tan, Brightwater Traders Association said: "Sales are flat."')).toEqual(["Mei Tan"]);
  });

  it("reads the subject past a relative clause, however many commas it holds", () => {
    expect(speakers('Mr Orji, who ran the club with his brother, as well as a bakery, said he would "rather not" say.')).toEqual(["Orji"]);
  });

  it("gives an -ing cue after a comma the main clause's subject", () => {
    expect(speakers('In a statement, consultancy Brightwater Group welcomed the move, saying the firm had "given a lot of ground".')).toEqual([
      "Brightwater Group",
    ]);
  });

  it("reads future and modal cues and 'went on'", () => {
    expect(speakers("Rhian Pryce spoke first.", '"Why has peace not come?" Rhian Pryce will ask.')).toEqual(["Rhian Pryce"]);
    expect(speakers('Deputy leader Ama Boateng went on: "We are not finished."')).toEqual(["Ama Boateng"]);
  });

  it("reads 'according to him' and a quotation that runs on after it", () => {
    expect(
      speakers("Chief Minister Arul Selvan addressed the rally.", "According to him, “The state will not accept the rules.", "“We will fight them in court.”"),
    ).toEqual(["Arul Selvan", "Arul Selvan"]);
  });

  it("takes the one quoted, not the paper that quoted them", () => {
    expect(speakers('Demand is "running hot", the newspaper quoted Mr Okafor as saying.')).toEqual(["Okafor"]);
  });

  it("takes the nearest cue over an earlier 'according to'", () => {
    expect(speakers('According to the Daily Ledger, finance chief Lena Ortiz said the group is "looking at every offer".')).toEqual(["Lena Ortiz"]);
  });

  it("takes a verb-first subject only where no subject stands before the verb", () => {
    expect(speakers('Analysts said Brightwater faced a "long stand-off" with its lenders.')).toEqual([null]);
  });

  it("gives the words of 'a claim by X that …' to X, not to the one reporting the claim", () => {
    expect(speakers('Ms Lund has said a claim by Tom Vance that she is acting like a "lame duck" shows his party is worried.')).toEqual(["Tom Vance"]);
    expect(speakers('Tom Vance spoke. Ms Lund rejected Mr Vance\'s suggestion that pupils should "learn by doing".')).toEqual(["Tom Vance"]);
  });

  it("lets the reporter of unnamed speakers speak for them", () => {
    expect(speakers('Mr Varga told MPs that "every serious economist" from the central bank to the treasury agreed.')).toEqual(["Varga"]);
  });

  it("does not read 'to blame' or 'to call' as speech, only speech verbs after 'to'", () => {
    expect(speakers('Mr Varga told the radio station it was not fair to blame voters who were "more engaged than ever".')).toEqual(["Varga"]);
  });

  it("lets the owner of a letter or statement speak", () => {
    expect(speakers("Finance minister Kofi Mensah resigned.", 'His letter of resignation condemned "a budget for the few".')).toEqual(["Kofi Mensah"]);
  });

  it("speaks for the body a spokesperson is named for, never for a proxy or a pair", () => {
    expect(speakers('A spokesman for the Harbour Trust said: "We are reviewing it."')).toEqual(["Harbour Trust"]);
    expect(speakers('Tom Vance was charged. His lawyers said: "He is innocent."')).toEqual([null]);
    expect(speakers('Tom Vance was charged. A source close to Tom Vance said: "He is innocent."')).toEqual([null]);
    expect(speakers('Tom Vance and Ann Petrova said: "We are innocent."')).toEqual([null]);
  });

  it("reads a passive cue's speaker after 'by', through 'his friend and colleague'", () => {
    expect(speakers('Tom Vance died on Monday. He was described as a "true gentleman" by his friend and colleague Ravi Nair.')).toEqual(["Ravi Nair"]);
  });
});

describe("stage 2, more shapes", () => {
  it("gives no one a list of speakers, and reads 'pointed out that' as a cue", () => {
    expect(
      speakers('Mr Orji pointed out that Norway, Chile and the Slovak Republic, which all sent troops, have announced a pull-out "whatever happens".'),
    ).toEqual(["Orji"]);
  });

  it("lets 'it' go on with a statement just quoted", () => {
    expect(speakers('Mr Orji\'s statement said: "We have never discussed it." It added: "The claims are false."')).toEqual(["Orji", "Orji"]);
  });

  it("names the country's government as one body", () => {
    expect(speakers('The US government denied the claims. In a statement, it said: "Nobody was harmed."')).toEqual(["US government"]);
  });

  it("reads a bare surname shared by two people as the one introduced so far", () => {
    expect(speakers('Ingrid Halvorsen won in Oslo. "I feel strong," said Halvorsen. Her sister Maja Halvorsen lost.')).toEqual(["Ingrid Halvorsen"]);
  });

  it("does not give the speaker's quotation to whoever says the same surname in the narration of several speakers", () => {
    const q = speakers(
      "“It will cut the journey to twenty minutes,” said Helga Sorensen, the chief executive.",
      "“We have waited years for this,” said Ruairi Gallagher, who runs a cafe on the quay.",
      "“The timetable suits commuters,” said Ruth Gallagher, a nurse.",
      "“Parking is the problem,” said Tobias Lindqvist, the transport commissioner.",
    );
    expect(q).toEqual(["Helga Sorensen", "Ruairi Gallagher", "Ruth Gallagher", "Tobias Lindqvist"]);
  });
});

describe("stage 3: what the phrase points to", () => {
  it("resolves a description to the one person the article gave that role", () => {
    expect(speakers("Cardinal Tomasz Nowak spoke on the radio.", 'Later, "the world must listen," the cardinal said.')).toEqual(["Tomasz Nowak"]);
  });

  it("lets a pronoun follow a description that named someone", () => {
    expect(speakers("Cardinal Tomasz Nowak spoke on the radio.", 'On Friday the cardinal will address the crowd. "Peace is possible," he will say.')).toEqual([
      "Tomasz Nowak",
    ]);
  });

  it("follows a chain of pronouns back to the name", () => {
    expect(speakers("Cardinal Tomasz Nowak spoke on the radio. He and the bishop of the city agreed.", 'He criticised the "waste of billions".')).toEqual([
      "Tomasz Nowak",
    ]);
  });

  it("prefers the one who spoke in the sentence before, over a name in an opening phrase", () => {
    expect(speakers('In answer to student Ravi Nair, Mr Okafor said talking was the answer. "Just talk to people," he added.')).toEqual(["Okafor"]);
  });

  it("takes a name in apposition to the subject as the subject", () => {
    expect(
      speakers(
        'Announcing the plans, Mr Orji said: "Taxes will fall."',
        'His party leader, Tom Vance, argued a change was needed. "We must act now," he said.',
      ),
    ).toEqual(["Orji", "Tom Vance"]);
  });

  it("does not take an owner named in the pronoun's own sentence", () => {
    expect(speakers('Mr Okafor spoke. Pressed on Mr Varga\'s record, he replied: "I will not attack him."')).toEqual(["Okafor"]);
  });

  it("lets 'it' point to a body that acted, not one named in passing", () => {
    expect(speakers("The note came just before a Parliament vote on the war.", 'It said the case was "plain".')).toEqual([null]);
    expect(speakers("Brightwater Group announced job cuts on Monday.", 'It said the cuts were "unavoidable".')).toEqual(["Brightwater Group"]);
  });

  it("does not give a pronoun to a name before an unnamed speaker", () => {
    expect(speakers('President Mendez\'s chief aide said the tax was needed. "It applies to the dollar only," he said.')).toEqual([null]);
  });
});

describe("stage 4: whether the one found can have said it", () => {
  it("does not give words to the person they speak of, when found only by a pronoun", () => {
    expect(speakers("Mr Okafor was re-elected on Monday.", '"Mr Okafor has let us down," he said.')).toEqual([null]);
    // With someone else to point to, the pronoun goes to the subject, who is not the one spoken of.
    expect(speakers("Mr Varga met Mr Okafor.", '"Mr Okafor has let us down," he said.')).toEqual(["Varga"]);
  });

  it("does not let 'it' stand for two bodies at once", () => {
    expect(speakers("The Conservatives and Liberal Democrats want the advice published.", 'It said the case was "plain".')).toEqual([null]);
  });
});

describe("stage 5: turns", () => {
  it("runs an open quotation on into the next paragraph", () => {
    expect(said('Ann Petrova said: "We tried everything.', '"In the end the money was not there."')).toEqual([
      ["We tried everything.", "Ann Petrova"],
      ["In the end the money was not there.", "Ann Petrova"],
    ]);
  });

  it("keeps the turn across narration the speaker narrates", () => {
    const q = speakers('"The squad is ready," said coach Ivan Petrov. And he added that Tom Vance and Ravi Nair would start. "Both have earned it."');
    expect(q).toEqual(["Ivan Petrov", "Ivan Petrov"]);
  });

  it("ends the turn when narration names someone else", () => {
    const q = speakers('"The squad is ready," said coach Ivan Petrov. Ravi Nair was not so sure. "We have work to do."');
    expect(q[1]).not.toBe("Ivan Petrov");
  });

  it("gives a quotation that opens a turn to the person the sentence before is about", () => {
    expect(speakers('Writing in a newspaper, Mr Okafor set out his plans. "Our aim is full employment."')).toEqual(["Okafor"]);
  });
});

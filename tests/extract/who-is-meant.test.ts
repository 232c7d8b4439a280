// Which person or body a later mention means, on sentences written for these tests: a title with a word that is
// another person's given name, a body that names itself in its own statement, and a sentence that reports who
// speaks before quotations with no cue of their own.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";

const speakers = (...paragraphs: string[]) => extractArticle({ title: "", paragraphs }).quotes.map((q) => q.speaker);

describe("who a later mention means", () => {
  it('does not read "Mr Howard" as Howard Flight when the article calls him "Mr Flight"', () => {
    const found = speakers(
      'Howard Flight was sacked. Mr Flight said he was "shocked".',
      'Mr Howard insisted the rules were followed. "We do not say one thing in private," he said.',
    );
    expect(found[0]).toBe("Howard Flight");
    expect(found[1]).not.toBe("Howard Flight");
    // A family name written first is still what the title goes with.
    expect(speakers('Kim Yungmin arrived in Seoul. "We are ready," Mr Kim said.')).toEqual(["Kim Yungmin"]);
  });

  it('reads "the Ministry" alone as the one ministry the article named in full, which may name itself in its statement', () => {
    const found = speakers(
      "The Ministry of Roads and Highways has said a report on the bridge was misread.",
      "“The attention of the Ministry has been drawn to publications on the bridge. These publications misquote the Minister.",
      "“While the Ministry welcomes the interest of the media, the Minister did not say the bridge is unsafe,” the ministry said.",
    );
    expect(found).toEqual(["Ministry of Roads and Highways", "Ministry of Roads and Highways"]);
  });

  it("gives quotations after a sentence that reports a body or a person speaking to them, ending the turn before", () => {
    expect(
      speakers(
        "The Police stated that the report of the arrest was false.",
        '"The report should be disregarded."',
        '"Two persons identified themselves as journalists."',
      ),
    ).toEqual(["Police", "Police"]);
    // Someone the article cannot name ends the last speaker's turn: no speaker rather than theirs.
    expect(speakers('Amara Diallo said the vote was fair. "We won."', 'Officials said the count would take a week. "It is a slow process."')).toEqual([
      "Amara Diallo",
      null,
    ]);
    // A sentence whose quotation has its own verb after it is not handed to the sentence before.
    expect(speakers("Corvane says none of the money will go to the owners.", '"It is a sound deal," the newspaper quotes a source close to the firm.')).toEqual(
      [null],
    );
  });
});

describe("a surname misspelt", () => {
  it("is the person the article named in full, when one letter is dropped, added or swapped", () => {
    expect(speakers("Union Minister Kiran Rajivan spoke in Delhi.", '"People have rejected him for ten years," Rajvan said.')).toEqual(["Kiran Rajivan"]);
    expect(speakers('Tennis player Lindsay Davenbrook was in Dubai. "It is a different game," said Davenbrok.')).toEqual(["Lindsay Davenbrook"]);
  });

  it("is not a plural, a changed letter, or the spelling the article uses more", () => {
    expect(speakers("Dr Amal Muslih spoke.", '"They were caught in the downdraft," said Muslihs.')).not.toContain("Amal Muslih");
    expect(speakers("Colin Smyth spoke first.", '"It is over," said Smith.')).toEqual(["Smith"]);
  });
});

describe("the sentence before a quotation with no cue", () => {
  it("is about its subject past an opening phrase that names a paper or a place", () => {
    expect(
      speakers('Writing in the Clarion newspaper, Mr Osei outlined his view of the party. "As our manifesto makes clear, our ambition is full employment."'),
    ).toEqual(["Osei"]);
  });

  it("reports its subject's head, not an owner before it nor the body after it", () => {
    expect(speakers("The party's Thandiwe Nkosi told the radio station the message was clear.", '"Let us focus on renewing our mandate in May."')).toEqual([
      "Thandiwe Nkosi",
    ]);
    expect(speakers("Arno Vis from Lumen Aid told the programme how the charity works.", '"The tablets connect to a base station in the school."')).toEqual([
      "Arno Vis",
    ]);
  });
});

describe("a description that points back", () => {
  it("does not point to someone named only as the agent of a passive", () => {
    const found = speakers(
      "Ryan Doyle has impressed at City this season.",
      'He was once threatened with the sack by City boss Kevin Marsh. Talks have begun and the defender said: "I want to stay."',
    );
    expect(found).toEqual(["Ryan Doyle"]);
  });
});

describe("descriptions of someone the article never names", () => {
  it("gives no speaker to a description the article used before for someone unnamed, rather than the last name", () => {
    const found = speakers(
      "Reporter Ines Holt spoke with the city's police chief, who said he was shocked.",
      'The police chief later told her the officers were "acting on orders".',
    );
    expect(found).toEqual([null]);
    // Used before as the subject of speech, the description is read the same way each time.
    expect(speakers('Gordon Reyes led the talks. The chancellor said he was "confident".', 'Later the chancellor said the deal was "close".')).toEqual([
      "Gordon Reyes",
      "Gordon Reyes",
    ]);
  });
});

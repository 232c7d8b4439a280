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
});

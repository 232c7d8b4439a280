import { describe, expect, it } from "vitest";
import { containedAt, diffWords, renderDiff, sameWords, similarity, tokens } from "../../src/check/diff.ts";

const t = tokens;

describe("comparing a draft's quotation with the archive's", () => {
  it("treats typographic quotes, apostrophes, case and spacing as the same words", () => {
    expect(sameWords(t("It’s time to   ADMIT it."), t("it's time to admit it"))).toBe(true);
  });

  it("never calls different words the same", () => {
    expect(sameWords(t("a cruel cut too far"), t("a cruel cuts too far"))).toBe(false);
    expect(sameWords(t("we will not"), t("we will"))).toBe(false);
  });

  it("shows one changed word as dropped and added", () => {
    expect(renderDiff(diffWords(t("a cruel cut too far"), t("a cruel cuts too far")))).toBe("a cruel [-cuts-] {+cut+} too far");
  });

  it("shows dropped words", () => {
    expect(renderDiff(diffWords(t("cuts are shameful"), t("these cuts are utterly shameful")))).toBe("[-these-] cuts are [-utterly-] shameful");
  });

  it("shows reordered words as a change, not as agreement", () => {
    const ops = diffWords(t("shameful are these cuts"), t("these cuts are shameful"));
    expect(ops.some((o) => o.op !== "same")).toBe(true);
  });

  it("invents no diff where the texts agree", () => {
    expect(diffWords(t("Everything about these cuts is shameful."), t("Everything about these cuts is shameful."))).toEqual([
      { op: "same", words: ["Everything", "about", "these", "cuts", "is", "shameful."] },
    ]);
  });

  it("finds a fragment inside a longer quotation", () => {
    expect(containedAt(t("a cruel cut too far"), t("When even IDS thinks it’s a cruel cut too far, it is time"))).toBe(5);
    expect(containedAt(t("a cruel cut so far"), t("it’s a cruel cut too far"))).toBe(-1);
  });

  it("scores how much of the draft is in the original, in order", () => {
    expect(similarity(t("one two three four"), t("one two three four"))).toBe(1);
    expect(similarity(t("one two three four"), t("one two five four"))).toBe(0.75);
    expect(similarity(t("alpha beta"), t("gamma delta"))).toBe(0);
  });
});

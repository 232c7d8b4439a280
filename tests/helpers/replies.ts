// Figure replies for the renderer tests (Slack and Discord): the fields a test does not look at filled in once,
// so that each test spells out only what it checks.
import type { Block, FigureBlock, Reply } from "../../src/reply/model.ts";

/** The £4.4 billion of the PIP articles, as /figure gives it, with no source; a test sets what it checks. */
export const figureBlock = (over: Partial<FigureBlock> = {}): FigureBlock => ({
  kind: "figure",
  text: "£4.4 billion",
  value: 4.4e9,
  unit: "GBP",
  per: null,
  approx: null,
  measure: "cuts to PIP",
  claimedBy: null,
  sentence: "The demand for £4.4 billion cuts was the last straw.",
  sources: [],
  ...over,
});

/** A one-page answer of /figure to "PIP" holding `blocks`. */
export const figureReply = (blocks: Block[], over: Partial<Reply> = {}): Reply => ({
  command: "figure",
  query: "PIP",
  title: "Figures on “PIP”",
  blocks,
  paging: null,
  status: "ok",
  ...over,
});

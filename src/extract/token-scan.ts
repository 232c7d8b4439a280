// What the backward scans of speaker-cue.ts need from a paragraph's tokens, worked out once per paragraph rather
// than walked again for every quotation: a transcript with no full stop is one sentence holding thousands of
// quotations, and a walk back to the sentence's start for each made extraction grow with the square of its length.
import { cueForm } from "./cues.ts";
import { endsSentence, quoteEndsSentence, type Token } from "./tokens.ts";

export interface ScanIndex {
  /** starts[k]: where the sentence holding token k starts (after a full stop or a quotation that ended one). */
  starts: Int32Array;
  /**
   * stops[k]: the last token at or before k where before() or passive() can stop or must look closer (a verb of
   * speech, "that", "according", the particle of "went on"/"pointed out"), or -1. They pass over every other
   * token, so a word that one of them starts to act on must be added here too.
   */
  stops: Int32Array;
}

const indexes = new WeakMap<Token[], ScanIndex>();

export function scanIndex(ts: Token[]): ScanIndex {
  let index = indexes.get(ts);
  if (index) return index;
  index = { starts: new Int32Array(ts.length + 1), stops: new Int32Array(ts.length) };
  for (let k = 0; k < ts.length; k++) {
    const t = ts[k];
    index.starts[k + 1] = endsSentence(t) || (t.kind === "quote" && quoteEndsSentence(t)) ? k + 1 : index.starts[k];
    const w = t.kind === "word" ? t.lower : "";
    index.stops[k] = w === "that" || w === "according" || w === "on" || w === "out" || cueForm(w) !== null ? k : k > 0 ? index.stops[k - 1] : -1;
  }
  indexes.set(ts, index);
  return index;
}

/** The last token before `k` where before() or passive() may stop, or -1. */
export const stopBefore = (ts: Token[], k: number): number => (k > 0 ? scanIndex(ts).stops[k - 1] : -1);

/**
 * The first index in [from, to) whose token passes `test`, or -1: `ts.findIndex` over a window, which walks the
 * whole paragraph from its first token to the window for every call.
 */
export function firstIn(ts: Token[], from: number, to: number, test: (t: Token, k: number) => boolean): number {
  for (let k = Math.max(from, 0); k < Math.min(to, ts.length); k++) if (test(ts[k], k)) return k;
  return -1;
}

// Word-level comparison of a draft's quotation with the archive's: the words, folded only for comparison
// (case, typographic quotes and apostrophes, dashes, white space), and a diff that shows the original's
// words as printed.
import { foldText } from "../extract/text.ts";

export interface Token {
  /** As printed. */
  raw: string;
  /** For comparison. */
  key: string;
}

export type DiffOp = { op: "same" | "added" | "dropped"; words: string[] };

export function tokens(text: string): Token[] {
  return (text.match(/\S+/g) ?? []).map((raw) => ({ raw, key: foldText(raw).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, "") })).filter((t) => t.key !== "");
}

/** Same words in the same order, punctuation at word edges, case and quote styles aside. */
export function sameWords(a: Token[], b: Token[]): boolean {
  return a.length === b.length && a.every((t, i) => t.key === b[i].key);
}

/** Where the draft's words stand, contiguous and in order, inside the original; -1 when they do not. */
export function containedAt(draft: Token[], original: Token[]): number {
  if (draft.length === 0) return -1;
  outer: for (let i = 0; i + draft.length <= original.length; i++) {
    for (let j = 0; j < draft.length; j++) if (original[i + j].key !== draft[j].key) continue outer;
    return i;
  }
  return -1;
}

/** Longest-common-subsequence diff: what the draft added and dropped against the original. */
export function diffWords(draft: Token[], original: Token[]): DiffOp[] {
  const n = draft.length;
  const m = original.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = draft[i].key === original[j].key ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  const ops: DiffOp[] = [];
  const push = (op: DiffOp["op"], word: string) => {
    const last = ops[ops.length - 1];
    if (last?.op === op) last.words.push(word);
    else ops.push({ op, words: [word] });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && draft[i].key === original[j].key) {
      push("same", original[j].raw);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) push("dropped", original[j++].raw);
    else push("added", draft[i++].raw);
  }
  return ops;
}

/** Share of the draft's words found, in order, in the original (0..1). */
export function similarity(draft: Token[], original: Token[]): number {
  if (draft.length === 0) return 0;
  const same = diffWords(draft, original)
    .filter((o) => o.op === "same")
    .reduce((n, o) => n + o.words.length, 0);
  return same / Math.max(draft.length, 1);
}

/** The part of the original that lines up with the draft, with a few words either side, for a readable diff. */
export function alignedWindow(draft: Token[], original: Token[], margin = 3): Token[] {
  const keys = new Set(draft.map((t) => t.key));
  const hits = original.map((t, i) => (keys.has(t.key) ? i : -1)).filter((i) => i >= 0);
  if (hits.length === 0) return original;
  return original.slice(Math.max(0, hits[0] - margin), Math.min(original.length, hits[hits.length - 1] + 1 + margin));
}

/** A diff as plain text a journalist reads at a glance: "cruel [-cuts-] {+cut+} too far". */
export function renderDiff(ops: DiffOp[]): string {
  return ops.map((o) => (o.op === "same" ? o.words.join(" ") : o.op === "dropped" ? `[-${o.words.join(" ")}-]` : `{+${o.words.join(" ")}+}`)).join(" ");
}

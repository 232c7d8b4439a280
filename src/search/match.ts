// A text query checked in memory against a few texts the archive already gave (a quote, the sentence
// around it): words cut and folded as the full-text indexes cut them, so a text matches here when the
// index would match it. Both stores' rows go through the same code, so they rank alike.
import type { TextQuery } from "../archive/store.ts";

/** Words as the indexes read them: accents dropped, lower case, split at anything not a letter or digit. */
export function indexWords(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export interface Matcher {
  /** True when every group of the query has a phrase in the text. */
  matches(text: string): boolean;
  /** How many of the query's groups have a phrase in the text (0 when none). */
  groupsIn(text: string): number;
}

export function matcher(query: TextQuery): Matcher {
  const groups = query.groups.map((g) => g.map(indexWords).filter((p) => p.length > 0)).filter((g) => g.length > 0);
  const groupsIn = (text: string) => {
    const ws = indexWords(text);
    return groups.filter((g) => g.some((phrase) => containsRun(ws, phrase))).length;
  };
  return { groupsIn, matches: (text) => groups.length > 0 && groupsIn(text) === groups.length };
}

/** Whether `run` occurs in `words` as consecutive words. */
export function containsRun(words: string[], run: string[]): boolean {
  return indexOfRun(words, run) >= 0;
}

export function indexOfRun(words: string[], run: string[]): number {
  if (run.length === 0 || run.length > words.length) return -1;
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let k = 0; k < run.length; k++) if (words[i + k] !== run[k]) continue outer;
    return i;
  }
  return -1;
}

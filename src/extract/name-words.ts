// The words of a capitalised run and of the text just before it, read by hand where they are asked for on every
// name: title words, possessives and trailing stops stripped, the word straight before a name, white space by
// character code.
import { ROLE_WORDS, TITLES } from "./names.ts";

// Title words as a Set: `word in TITLES` on a freshly lower-cased word costs a string-table probe on every
// word read (and `in` also saw the keys every object inherits: "Constructor" was read as a title).
const TITLE_WORDS = new Set(Object.keys(TITLES));
export const isTitleWord = (w: string) => TITLE_WORDS.has(w);

/** The words of a run with their offsets, each stripped of a possessive and trailing punctuation. */
export function wordsOf(run: string, at: number): { at: number; word: string }[] {
  const out: { at: number; word: string }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(run); m; m = re.exec(run)) {
    const word = strip(m[0]);
    if (word !== "") out.push({ at: at + m.index, word });
  }
  return out;
}

/** "Labour's" → "Labour", "U.S." → "U.S": possessives and trailing punctuation belong to the sentence, not the name. */
export function strip(word: string): string {
  const last = word[word.length - 1];
  // Most words end in a letter that is not a possessive's s: nothing to strip, and no regex to run.
  if (last !== "." && last !== "-" && !isApostrophe(last) && !isPossessive(word)) return word;
  if (/^(?:\p{Lu}\.)+$/u.test(word)) return word;
  return word.replace(/['’]s?$/, "").replace(/[.'’-]+$/, "");
}

export function isApostrophe(ch: string | undefined): boolean {
  return ch === "'" || ch === "’";
}

/** Ends in "'s" or "’s". */
export function isPossessive(word: string): boolean {
  return word.length >= 2 && word[word.length - 1] === "s" && isApostrophe(word[word.length - 2]);
}

/**
 * The word straight before a name, when white space separates them and it lies within 60 characters; "" when
 * not. Scanned by hand: it is asked for nearly every name, and most answers are "no role".
 */
export function lastWordBefore(text: string, start: number): string {
  const from = Math.max(0, start - 60);
  if (start <= from || !isSpace(text.charCodeAt(start - 1))) return "";
  let end = start - 1;
  while (end >= from && isSpace(text.charCodeAt(end))) end--;
  let begin = end;
  while (begin >= from && !isSpace(text.charCodeAt(begin))) begin--;
  return text.slice(begin + 1, end + 1);
}

/** "minister", "vice-chairman": a plain word that is, or ends in, a role word. */
export function endsInRoleWord(word: string): boolean {
  const w = word.toLowerCase();
  // The Set answers first: most words before a name are not role words, and then no regex need run.
  return (ROLE_WORDS.has(w) || ROLE_WORDS.has(w.slice(w.lastIndexOf("-") + 1))) && /^[\p{L}'’-]+$/u.test(word);
}

/** White space as `\s` defines it, by character code. */
export function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * "The Rivers State Governor, Nyesom Wike,", "Defence Minister, Dominic Nitiwul has": a role that stands before a
 * name in apposition, opening its sentence or after "the". What later "the governor" and "the minister" point to.
 */
export function appositionRoleBefore(text: string, start: number): string | null {
  const m = /(?:^|[.!?:;]["”’]?\s+|\b[Tt]he\s+)((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+),\s*$/u.exec(text.slice(Math.max(0, start - 80), start));
  if (!m) return null;
  const words = m[1].split(/\s+/);
  return endsInRoleWord(words[words.length - 1]) && !words.some((w) => /^(?:and|or|of|said|says)$/i.test(w)) ? m[1].replace(/^[Tt]he\s+/, "") : null;
}

// A letter, statement or tweet speaks for its owner: "his statement said", "the company's letter added".
import type { Phrase } from "./speaker-phrase.ts";
import type { Token } from "./tokens.ts";

/** Nouns for what a person or a body issues, which then "says" what its owner says. */
export const SAYING = new Set("letter statement message note memo email e-mail website blog tweet post manifesto speech".split(" "));

/** The one whose letter or statement speaks: a name, "his" or "her" (a pronoun), "the company's" (a description). */
export function ownerOf(ts: Token[], from: number, of: string): Phrase | null {
  const owner = ts[from];
  if (owner.lower === "his") return { kind: "pronoun", word: "he", from, document: true };
  if (owner.lower === "her") return { kind: "pronoun", word: "she", from, document: true };
  if (owner.lower === "its" || owner.lower === "their") return { kind: "pronoun", word: "it", from, document: true };
  const named = ts.slice(from, from + 6).find((t) => t.possessive)?.mention;
  if (named) return { kind: "name", name: named.name, from, document: true };
  const anaphor = /^(?:the|its)\s+(\p{L}+)$/u.exec(of);
  return anaphor ? { kind: "description", words: of, head: anaphor[1].toLowerCase(), of: null, from } : null;
}

/** "according to a statement from the Finance Ministry", "a letter by Mr Smith": the one who issued the words, the
 * saying noun ending at `end`. */
export function issuedBy(ts: Token[], from: number, end: number, limit: number): Phrase | null {
  if (!/^(?:from|by|of)$/.test(ts[end]?.lower ?? "") || !SAYING.has(ts[end - 1].lower)) return null;
  // The owner may follow an article or a title: "from the Finance Ministry", "by Ms Lindqvist".
  for (let k = end + 1; k < Math.min(limit, end + 4) && ts[k].kind === "word"; k++) {
    const owner = ts[k].mention;
    if (owner) return { kind: "name", name: owner.name, from, document: true };
  }
  return null;
}

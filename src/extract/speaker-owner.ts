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

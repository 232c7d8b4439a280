// Whether a verb of speech at token k can attribute where it stands: cues.ts says what each form of a verb is,
// these read the words around it (an adverb or a modal before it, a plural subject, the particle of "went on").
import { cueForm, isCue, isModal, isSpeechVerb } from "./cues.ts";
import type { Token } from "./tokens.ts";

export const isAdverb = (t: Token | undefined) => t !== undefined && t.kind === "word" && /^\p{Ll}+ly$/u.test(t.text);
// (A capitalised word of a name is never the verb: "the Washington Post's Wesley Lowery" has no cue "post".)
export const word = (t: Token | undefined) => (t && t.kind === "word" && !(t.mention && /^\p{Lu}/u.test(t.text)) ? t.lower : "");

/** A verb of speech at k that can attribute on its own: finite, or a base form after a modal ("will say"). */
export function finiteCueAt(ts: Token[], k: number): boolean {
  const form = cueForm(word(ts[k]));
  if (form === "finite") return true;
  if (form !== "base") return false;
  let j = k - 1;
  while (j >= 0 && isAdverb(ts[j])) j--;
  return isModal(word(ts[j])) && (word(ts[j]) !== "to" || isSpeechVerb(word(ts[k])));
}

/** "went on", "pointed out": a verb of speech in two words, at its particle. */
export function phrasalCueAt(ts: Token[], k: number): boolean {
  const w = word(ts[k]);
  const v = word(ts[k - 1]);
  return (w === "on" && /^(?:went|goes|go|going)$/.test(v)) || (w === "out" && /^(?:pointed|points|point)$/.test(v));
}

/** A base form attributes after a modal ("will say", "to warn") or a plural subject ("critics say", "they argue"). */
export function baseCanCue(ts: Token[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && isAdverb(ts[j])) j--;
  const w = word(ts[j]);
  if (w === "to") return isSpeechVerb(word(ts[k]));
  if (isModal(w) || w === "they" || w === "we" || w === "i" || w === "you") return true;
  // "critics say", and in British usage a body taken as its members: "The Green Party say".
  return ts[j]?.kind === "word" && (/\p{L}{3,}s$/u.test(ts[j].text) || (ts[j].mention !== null && !ts[j].possessive)) && !ts[j].possessive && !isCue(w);
}

// What a name does in its sentence, read from the text around it: whether it is the sentence's subject, speaks
// there, or owns the subject ("Mendez's chief aide said"). Pronoun resolution (speaker-entity.ts) leans on these
// to prefer the one a sentence is about over a name it mentions in passing.
import type { Mention } from "./people.ts";
import { cueForm } from "./cues.ts";
import { PERSON, PROXY } from "./speaker-nouns.ts";

/** "he" or "she" when it opens the stretch of a sentence before a name. */
export function leadingPronoun(p: string, from: number, to: number): string | null {
  const m = /^\s*(?:["“]\s*)?(?:(?:but|and|so|however|meanwhile|then),?\s+)?(he|she)\b/i.exec(p.slice(from, Math.min(to, from + 40)));
  return m ? m[1].toLowerCase() : null;
}

/** A name followed by a verb of speech, across an apposition: "Mr Blair said", "Mr MacDonell, political editor, said". */
export function speaksAt(p: string, m: Mention): boolean {
  const after = p
    .slice(m.end, m.end + 240)
    .replace(/^['’]s?/, "")
    .replace(/^,[^.;:"“]{1,200}?,(?=\s+\p{Ll}+\b)/u, "");
  const words = /^\s+(\p{L}+)(?:\s+(\p{L}+))?(?:\s+(\p{L}+))?/u.exec(after);
  return words !== null && words.slice(1).some((w) => w !== undefined && cueForm(w.toLowerCase()) === "finite");
}

/** A body that is the subject of its sentence, or followed by a verb: one "it" can point back to. */
export function actsIn(p: string, m: Mention, sentenceStart: number): boolean {
  if (opensSentence(p.slice(sentenceStart, m.start))) return true;
  // "His party leader, Michael Howard, argued": a name in apposition to the subject, followed by the verb.
  if (/,\s*$/.test(p.slice(Math.max(sentenceStart, m.start - 3), m.start)) && /^,\s+\p{Ll}+/u.test(p.slice(m.end, m.end + 30))) return true;
  return /^(?:['’]s?)?\s+(?:has|have|had|is|was|were|are|will|would|could|also|then|later|still|said|says|\p{Ll}+ed)\b/u.test(p.slice(m.end, m.end + 30));
}

/**
 * Whether what stands before a name in its sentence leaves it the subject: nothing but an opening phrase ("In a
 * statement,", "Writing in the Guardian,"), a determiner, and a title or role ("Tory leader", "Mr").
 */
function opensSentence(before: string): boolean {
  const rest = before.replace(
    /^[\s"“]*(?:(?:but|and|so|however|meanwhile|yesterday|today|now),?\s+)?(?:(?:in|on|at|after|before|during|writing|speaking|asked|responding|earlier|later|last|this|\p{Lu}\p{L}+day)\b[^,.;:]{0,80},\s*)?/iu,
    "",
  );
  const words = rest.trim() === "" ? [] : rest.trim().split(/\s+/);
  // Each word a determiner, a capitalised name or title, a role noun or an owner: "the Tory leader", "BT's chief".
  return (
    words.length <= 5 &&
    words.every(
      (w, i) =>
        (i === 0 && /^(?:the|a|an)$/i.test(w)) ||
        /^\p{Lu}/u.test(w) ||
        /['’]s?$/.test(w) ||
        PERSON.has(w.toLowerCase()) ||
        /^(?:chief|senior|deputy|former|shadow|acting|new)$/i.test(w),
    )
  );
}

/** A possessive name that opens its sentence's subject ("Mendez's chief aide said"): the subject is not them. */
export function ownerOfSubject(p: string, m: Mention, sentenceStart: number): boolean {
  const after = /^['’]s?\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+)\b/u.exec(p.slice(m.end, m.end + 40));
  return after !== null && (PROXY.has(after[1]) || PERSON.has(after[1])) && opensSentence(p.slice(sentenceStart, m.start));
}

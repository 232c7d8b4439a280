// "Matt Pearce spoke with the Ferguson police chief, who … The police chief later told him …": a description the
// article has already used, in passing, for someone it never named points back to that unnamed one, not to the
// last person named. (An earlier use that was itself the subject of speech was read the same way, and one
// attached to a name — "the police chief, Tom Jackson" — names its holder.)
import { cueForm } from "./cues.ts";

// How far back to look: 8 paragraphs, and no more than 3,000 characters (a paragraph of merged copy, or one of
// thousands of sentences, is not read again for each description in it).
const LOOK_BACK_PARAGRAPHS = 8;
const LOOK_BACK_CHARS = 3000;

export function usedUnnamedBefore(paragraphs: readonly string[], paragraph: number, at: number, head: string): boolean {
  const re = usePattern(head);
  re.lastIndex = 0;
  let budget = LOOK_BACK_CHARS;
  for (let p = paragraph - 1; p >= Math.max(0, paragraph - 1 - LOOK_BACK_PARAGRAPHS) && budget > 0; p--) {
    const end = p === paragraph - 1 ? at : paragraphs[p].length;
    const text = paragraphs[p].slice(Math.max(0, end - budget), end);
    budget -= text.length;
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
      if (/^['’]?s?\s*,?\s*\p{Lu}/u.test(after) || /\p{Lu}[\p{L}'’-]+,\s*$/u.test(before)) continue;
      const verb = /^(?:,[^,.]{1,60},)?\s+(?:(?:has|had|have|also|later|then|will|would)\s+)*(\p{Ll}+)/u.exec(after);
      if (verb && cueForm(verb[1]) === "finite") continue;
      return true;
    }
  }
  return false;
}

// One pattern per head word, built once: an article of thousands of descriptions asks for the same few heads.
const patterns = new Map<string, RegExp>();
function usePattern(head: string): RegExp {
  let re = patterns.get(head);
  if (!re) {
    if (patterns.size > 1000) patterns.clear();
    re = new RegExp(`\\b(?:the|a|an)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?${head.replace(/[^\p{L}-]/gu, "")}\\b`, "giu");
    patterns.set(head, re);
  }
  return re;
}

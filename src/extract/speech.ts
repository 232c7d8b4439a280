// Whether the words between a pair of marks are someone's speech at all. Titles ("The Long Road Home"), nicknames
// (Eddie "Lockjaw" Davis), coined terms (an "Arc of Crisis") and scare quotes — short spans nobody is said to have
// said — are not. Decided from the span and the words around it, before and after its speaker is sought.

/** Words before the mark in the same sentence, and no colon or comma introducing it: reported speech. */
export function isPartial(before: string, text: string): boolean {
  const b = before.trimEnd();
  if (b === "" || /[:,]$/.test(b)) return /^\p{Ll}/u.test(text);
  return true;
}

/**
 * Whether a span is speech. `before` is its sentence up to the opening mark, `around` the characters either side
 * of the marks, `attributed` whether a cue of speech was found for it.
 */
export function isSpeech(
  text: string,
  before: string,
  around: { left: string; right: string },
  partial: boolean,
  attributed: boolean,
  cueBefore: boolean,
): boolean {
  const words = text.split(/\s+/).length;
  // A nickname between a forename and a surname (David "Fathead" Newman) is nobody's speech.
  if (words <= 3 && /\p{Lu}[\p{L}'’-]*\s$/u.test(around.left) && /^\s\p{Lu}/u.test(around.right)) return false;
  // A capitalised coined term inside a sentence ("the US emphasis on an “Axis of Evil”") is a name, not speech.
  if (partial && words >= 2 && isTitle(text) && !/[.!?]$/.test(text)) return false;
  if (/\bso-called\s*$/i.test(before)) return false;
  if (!attributed) {
    // Short spans with no speaker are titles, nicknames and scare quotes, not speech.
    if (words <= 4 && !/[.!?,]$/.test(text)) return false;
    if (isTitle(text)) return false;
  } else if (words <= 2 && isTitle(text) && !cueBefore) return false;
  return true;
}

/** Every word capitalised ("The Da Vinci Code"): a title, not speech. */
function isTitle(text: string): boolean {
  const ws = text.replace(/[.,!?]+$/, "").split(/\s+/);
  return ws.length <= 6 && ws.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|and|a|an|in|on|for|to|with)$/.test(w));
}

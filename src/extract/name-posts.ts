// Posts and bodies inside a capital run: a post named by "of" or "for" before its holder ("Minister for Lands and
// Natural Resources Kweku Asoma Kyeremeh"), someone "of" a body ("Nick Bubb of Evolution Securities"), and a body
// whose initials follow it in brackets ("British Chambers of Commerce (BCC)").
import { GIVEN_NAMES, NOT_NAME, ORG_WORDS, PORTFOLIO_WORDS, ROLE_WORDS } from "./names.ts";
import type { Raw } from "./name-runs.ts";
import { isTitleWord } from "./name-words.ts";

/**
 * A role or title at `i` before "of" or "for" names a post; the words after it are its portfolio, its place or its
 * body, not a person. Null when the run has no such post at `i`; "post" when the run is the post alone (the Governor
 * of Kano State); else where the post's words end and its holder's name begins: after the portfolio, or at a given
 * name or title further on ("… of the Exchequer Gordon Brown", where the list does not know the portfolio's last
 * word). A post of a place or a body ("of the European Commission") has a holder only if one is named inside.
 */
export function readPost(lows: string[], i: number): null | "post" | { roleTo: number; from: number } {
  const w = lows[i];
  if (!(isTitleWord(w) || ROLE_WORDS.has(w)) || (lows[i + 1] !== "of" && lows[i + 1] !== "for") || i + 2 >= lows.length) return null;
  let c = i + 2;
  while (c < lows.length && PORTFOLIO_WORDS.has(lows[c])) c++;
  if (c === lows.length) return "post";
  let g = c;
  while (g < lows.length - 1 && !GIVEN_NAMES.has(lows[g]) && !isTitleWord(lows[g])) g++;
  const from = g < lows.length - 1 ? g : c;
  if (from > i + 2 && lows.length - from <= 5 && !lows.slice(from).some((t) => ORG_WORDS.has(t))) return { roleTo: from, from };
  return { roleTo: i + 1, from: i + 2 };
}

/**
 * Where "of" joins a person to the body they are of, in a run read as a body: "Analyst Dan Ives of Wedbush
 * Securities" (but "Bank of England", "University of Leeds": the body's word stands before "of"); -1 when it does not.
 */
export function personOfBody(lower: string[]): number {
  const of = lower.indexOf("of");
  return of >= 2 && !lower.slice(0, of).some((t) => ORG_WORDS.has(t)) && lower.slice(of + 1).some((t) => ORG_WORDS.has(t)) ? of : -1;
}

/**
 * "The British Chambers of Commerce (BCC)": the initials of a run's capitalised words (past its opening words that
 * are no names) follow it in brackets, as a body's do. The body, whole, or null.
 */
export function spelledBody(text: string, end: number, toks: { word: string; at: number }[], lows: string[], paragraph: number): Raw | null {
  const lead = lows.findIndex((w) => !NOT_NAME.has(w));
  const words = lead >= 0 ? toks.slice(lead).map((t) => t.word) : [];
  if (words.length < 2) return null;
  const aside = /^\s*\((\p{Lu}{2,8})\)/u.exec(text.slice(end, end + 12));
  if (
    aside === null ||
    words
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join("") !== aside[1]
  )
    return null;
  return { paragraph, start: toks[lead].at, end, tokens: words, kind: "organisation", gender: null, role: null };
}

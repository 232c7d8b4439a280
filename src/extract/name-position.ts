// Where a name stands tells what it names, whatever the name: the subject of a verb of speech ("Chidi Okonkwo
// said"), the name after an inverted one ("…," said Xiu Mei Lin), the object of "according to", a name that
// "who" follows, or the head of an apposition that gives a role ("Priya Raman, the finance minister,") is a
// person — or an organisation, when the apposition says so ("Acme, the mining group,").
import { cueForm, isModal } from "./cues.ts";
import { ORG_WORDS } from "./names.ts";
import { endsInRoleWord } from "./name-words.ts";
import { ORGANISATION, PERSON, PROXY } from "./speaker-nouns.ts";

const AFTER = /^\s+((?:(?:has|had|have|also|will|would|later|then|is|was|earlier|again|previously)\s+){0,2})(\p{Ll}+)\b/u;
const APPOSITION = /^,\s+((?:[\p{L}'’&.-]+\s+){0,6}?[\p{L}'’&.-]+)\s*(?:,|$|\s+(?:of|at|for|with|from|in|on|who)\b)/u;
const SKIPPED = new Set("a an the its his her their former senior chief deputy acting then now also".split(" "));

export function positionKind(text: string, start: number, end: number): "person" | "organisation" | null {
  // "Chuck Schumer (D-N.Y.) said", "Ana Ruiz (pictured) told": a short aside in brackets stands between name and verb.
  // An acronym there is the name's own: "Electronic Arts (EA) says" is a body speaking, not a person.
  const aside = /^\s*\(([^()"“”]{1,24})\)/u.exec(text.slice(end, end + 30));
  const speaks = aside && /^\p{Lu}{2,8}$/u.test(aside[1]) ? "organisation" : "person";
  if (aside) end += aside[0].length;
  // "Matt Williams, a fund manager at Perpetual Trustees said", "a spokeswoman for Human Rights Watch said": the
  // object of a preposition is no verb's subject, but the body the subject works for.
  const object = /\b(?:at|of|for|from|with)\s+(?:the\s+)?$/.test(text.slice(Math.max(0, start - 10), start));
  // "Munich Re, the world's biggest reinsurer, said": the verb may stand after an apposition.
  // (Not after ", which …,": that clause is about a thing or a body.)
  const next =
    AFTER.exec(text.slice(end, end + 40)) ??
    (/^,\s+which\b/.test(text.slice(end, end + 10)) ? null : AFTER.exec(text.slice(end, end + 120).replace(/^,[^,.;:"“”]{3,80},/, "")));
  if (next) {
    const form = cueForm(next[2]);
    const modal = next[1].trim().split(/\s+/).pop() ?? "";
    // "Hakainde Hichilema spoke on Monday": speaking shows a speaker too, though "spoke" introduces no quotation.
    if (form === "finite" || (form === "base" && isModal(modal)) || next[2] === "spoke" || next[2] === "speaks") return object ? "organisation" : speaks;
  }
  if (/^,\s+who\b/.test(text.slice(end, end + 8))) return "person";
  // "Mei Tan, Brightwater Traders Association said": a body after the name, then the verb.
  // ("Emmanuel Ferry, from Exane BNP Paribas said", "Howard Archer, economist at Global Insight said": the body
  // after a preposition, whatever its name.)
  // ("Arno Vis from Lumen Aid told": or straight after the name, after "from", "of" or "at".)
  const body =
    /^,\s+((?:\p{Ll}+\s+){0,3}(?:at|from|of|with)\s+(?:the\s+)?)?((?:\p{Lu}[\p{L}&.'’-]*\s+){1,5})(\p{Ll}+)\b/u.exec(text.slice(end, end + 100)) ??
    /^\s+((?:at|from|of)\s+(?:the\s+)?)((?:\p{Lu}[\p{L}&.'’-]*\s+){1,5})(\p{Ll}+)\b/u.exec(text.slice(end, end + 100));
  if (body && cueForm(body[3]) === "finite" && (body[1] || body[2].split(/\s+/).some((w) => ORG_WORDS.has(w.toLowerCase())))) return "person";
  if (named(text, start)) return "person";
  // A name that is itself in apposition ("The health minister, Amina Yusuf, met the union") is followed by its
  // sentence's verb, not by an apposition of its own.
  if (/,\s*$/.test(text.slice(Math.max(0, start - 3), start))) {
    // "The Governor of Kano State, Abba Kabir Yusuf, told reporters": unless its sentence's verb is one of speech.
    const verb = /^,\s+(?:(?:has|had|also|later|then)\s+)?(\p{Ll}+)\b/u.exec(text.slice(end, end + 30));
    return verb && cueForm(verb[1]) === "finite" ? "person" : null;
  }
  return appositionKind(text, end);
}

/** "Priya Raman, the finance minister,", "Acme, the mining group,": what an apposition after a name says it is. */
export function appositionKind(text: string, end: number): "person" | "organisation" | null {
  const appos = APPOSITION.exec(text.slice(end, end + 80));
  if (appos) {
    for (const word of appos[1].split(/\s+/)) {
      const w = word.toLowerCase().replace(/['’]s$/, "");
      if (SKIPPED.has(w) || /['’]s$/.test(word) || /^\p{Lu}/u.test(word)) continue;
      if (ORGANISATION.has(w)) return "organisation";
      if (PERSON.has(w)) return "person";
    }
  }
  return null;
}

/** The name after an inverted cue ("…," said Foxx) or after "according to": named as a speaker. */
export function named(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (/\baccording to\s+$/i.test(before)) return true;
  // Inverted only straight after the quotation or a comma: in "a spokesman said Downing Street had…" the name opens
  // the reported clause. A role may stand between: "…," said chief economist Jane Foo, said Sideways producer Ann Lo.
  const prev = INVERTED.exec(before);
  if (prev === null || cueForm(prev[1]) !== "finite" || prev[1] === "told" || prev[1] === "tells") return false;
  const role = prev[2].trim();
  return role === "" || PERSON.has(role.slice(role.lastIndexOf(" ") + 1));
}

const INVERTED = /[,"”’'—–-]\s*(\p{Ll}+)\s+((?:[\p{L}'’-]+\s+){0,3})$/u;

/**
 * "the producer Quincy Jones", "Kidman's publicist Wendy Day", "Quincy Jones, his friend…": a common noun with its
 * determiner or owner just before the name, or a possessive pronoun after it, says a person.
 */
export function describedBefore(text: string, start: number, end: number): "person" | "organisation" | null {
  if (/^,\s+(?:his|her)\b/.test(text.slice(end, end + 8))) return "person";
  // "his friend and colleague Ravi Nair", "the producer Quincy Jones", "Kidman's publicist Wendy Day", "chief
  // economist, Mei Tan": the noun just before the name says what it names.
  const prev =
    /(?:\b(?:the|a|an|his|her|their|its|our)|\p{L}['’]s?|^|[.,;:"”]|\b[\p{Ll}-]+,|\b\p{Lu}[\p{L}&.-]*)\s+((?:[\p{Ll}-]+\s+){0,3}?)([\p{Ll}-]+),?\s+$/u.exec(
      text.slice(Math.max(0, start - 60), start),
    );
  if (!prev) return null;
  const noun = prev[2];
  // "producer", "broadcaster" name both: the noun alone does not tell.
  if (ORGANISATION.has(noun)) return PERSON.has(noun) ? null : "organisation";
  if (PERSON.has(noun) || PROXY.has(noun)) return "person";
  // A determiner or owner straight before one noun: "the producer", "Kidman's publicist".
  return prev[1] === "" &&
    !/[.,;:]\s*$/.test(prev[0].slice(0, prev[0].length - noun.length - 1)) &&
    /^(?:the|a|an|his|her|their|its|our|\p{L}+['’]s?)\s/u.test(prev[0])
    ? "person"
    : null;
}

/** Whether a lower-case role and a capitalised name follow: the word before them is an affiliation, not a name. */
export function qualifiesRole(text: string, end: number): boolean {
  const m = /^\s+((?:[\p{Ll}-]+\s+){0,2})\p{Lu}/u.exec(text.slice(end, end + 40));
  return (
    m !== null &&
    m[1]
      .trim()
      .split(/\s+/)
      .some((w) => PERSON.has(w) || endsInRoleWord(w))
  );
}

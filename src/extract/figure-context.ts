// What a topic search reads for a figure: its sentence plus the earlier sentences its definite descriptions
// point back to, and the other form of any acronym in them.
//
// The rule. A definite noun phrase — "the/these/those/this" + up to three words, whose last word is the head
// noun ("the changes", "the latest cuts", "this scheme") — refers back to the most recent earlier sentence of
// the article (within 12 sentences) that contains the head noun, singular or plural. That sentence joins the
// context, and its own definite phrases are followed the same way: two hops at most. Generic heads ("the
// government", "the year", "the UK") point nowhere in particular and are not followed, so a figure about
// something else does not pick up an unrelated topic named a few paragraphs earlier. Sentences are joined
// with " … ", the figure's own sentence first. The sentence just before it in the same paragraph is added
// too, as the nearest statement of what the paragraph is about. The title is not included: weighting it is the search's call.
import { matchesOf } from "./text.ts";
import type { Acronym } from "./types.ts";

export interface PlacedSentence {
  text: string;
  paragraph: number;
  start: number;
  end: number;
}

const MAX_BACK = 12;
const MAX_HOPS = 2;

// Heads that name nothing specific enough to follow.
const GENERIC = new Set(
  (
    "government country world year years week weeks month months time times way state first last same other uk us people " +
    "number end start day days news rest most moment past future case fact idea point reason thing things part side " +
    "city area place market money figure figures latter former whole following subject issue matter question problem " +
    "disabled poor rich sick elderly young old public"
  ) // adjectives used as nouns: "the disabled" is a group, not a thing named before
    .split(" "),
);
const STOP = /^(?:of|in|on|at|to|for|from|by|with|and|or|but|that|which|who|is|are|was|were|will|would|has|have|had|be|been|as|than|said|says)$/i;

/** The head nouns of the definite descriptions in a sentence. */
export function definiteHeads(sentence: string): string[] {
  const heads: string[] = [];
  // Each determiner starts its own phrase, so "The IFS said the changes" yields both "IFS said" and "changes".
  // "That" only with a capital: lower-case "that" is far more often a conjunction ("said that …").
  for (const m of matchesOf(sentence, /\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]his|That)\s+/g)) {
    const words =
      sentence
        .slice(m.index + m[0].length)
        .match(/^(?:[\p{L}][\p{L}'’-]*\s+){0,2}[\p{L}][\p{L}'’-]*/u)?.[0]
        .split(/\s+/) ?? [];
    const cut = words.findIndex((w) => STOP.test(w));
    const phrase = cut === -1 ? words : words.slice(0, cut);
    const head = phrase[phrase.length - 1]?.toLowerCase();
    if (!head || head.length < 4 || GENERIC.has(head) || /['’]s$/.test(head) || /^\p{Lu}/u.test(phrase[0])) continue;
    heads.push(head);
  }
  return heads;
}

/** A pattern matching the noun in singular or plural: "changes" ↔ "change", "policies" ↔ "policy", "taxes" ↔ "tax". */
export function nounPattern(noun: string): RegExp {
  const cached = PATTERNS.get(noun);
  if (cached) return cached;
  if (PATTERNS.size > 5000) PATTERNS.clear(); // a long ingest meets many nouns; keep the cache bounded
  const re = new RegExp(`\\b${stemOf(noun)}\\b`, "i");
  PATTERNS.set(noun, re);
  return re;
}

const PATTERNS = new Map<string, RegExp>();

function stemOf(noun: string): string {
  let stem: string;
  if (/ies$/.test(noun)) stem = noun.slice(0, -3) + "(?:y|ies)";
  else if (/(?:x|ch|sh|ss)es$/.test(noun)) stem = noun.slice(0, -2) + "(?:es)?";
  else if (/s$/.test(noun) && !/ss$/.test(noun)) stem = noun.slice(0, -1) + "s?";
  else if (/y$/.test(noun)) stem = noun.slice(0, -1) + "(?:y|ies)";
  else stem = noun + "(?:s|es)?";
  return stem;
}

/** The figure's sentence, then the sentences it refers back to, then the other form of acronyms they use. */
export function contextOf(sentences: PlacedSentence[], index: number, acronyms: Acronym[], heads = new Map<number, string[]>()): string {
  const parts = [index];
  let frontier = [index];
  for (let hop = 0; hop < MAX_HOPS && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const i of frontier) {
      let own = heads.get(i);
      if (!own) heads.set(i, (own = definiteHeads(sentences[i].text)));
      for (const head of own) {
        const re = nounPattern(head);
        for (let j = i - 1; j >= Math.max(0, i - MAX_BACK); j--) {
          if (!re.test(sentences[j].text)) continue;
          if (!parts.includes(j)) {
            parts.push(j);
            next.push(j);
          }
          break;
        }
      }
    }
    frontier = next;
  }
  // The sentence just before, in the same paragraph, usually names what a figure's sentence is about
  // ("… a stable and unified Iraq. The EU also confirmed a new dollars 21m aid package.").
  const prev = sentences[index - 1];
  if (prev && prev.paragraph === sentences[index].paragraph && !parts.includes(index - 1)) parts.push(index - 1);
  const texts = parts.map((i) => sentences[i].text);
  const joined = texts.join(" ");
  // "PIP" in the context finds "Personal Independence Payments" too, and the other way round.
  const lower = joined.toLowerCase();
  for (const a of mentionedIn(joined, lower, acronyms)) {
    const forms = formsOf(a);
    const hasShort = joined.includes(a.short) && forms.short.test(joined); // the pattern is the short form, whole
    const hasLong = lower.includes(forms.long);
    if (hasShort && !hasLong) texts.push(a.long);
    else if (hasLong && !hasShort) texts.push(a.short);
  }
  return texts.join(" … ");
}

// Each acronym's pattern and lower-cased long form, made once: a long article asks for them for every figure.
const FORMS = new WeakMap<Acronym, { short: RegExp; long: string }>();

function formsOf(a: Acronym): { short: RegExp; long: string } {
  let forms = FORMS.get(a);
  if (!forms) FORMS.set(a, (forms = { short: new RegExp(`\\b${a.short.replace(/[^\w]/g, "\\$&")}\\b`), long: a.long.toLowerCase() }));
  return forms;
}

/**
 * The acronyms that may stand in a context, in their order, found through an index of the article's acronyms
 * rather than by searching the context for each of them: a long article defines hundreds and has thousands of
 * figures. Every acronym left out has neither form in the context. A short form of word characters stands
 * whole (as its pattern `\bPIP\b` asks) only as one of the context's words; a long form (two words or more,
 * joined by spaces) only where a space in the context is followed by its second word. Others are always tried.
 */
function mentionedIn(joined: string, lower: string, acronyms: Acronym[]): Acronym[] {
  const index = indexOf(acronyms);
  const found = new Set<number>(index.always);
  for (const word of joined.match(/\w+/g) ?? []) for (const i of index.byShort.get(word) ?? []) found.add(i);
  for (let at = lower.indexOf(" "); at >= 0; at = lower.indexOf(" ", at + 1)) {
    for (const i of index.bySecondWord.get(lower.slice(at + 1, at + 3)) ?? []) found.add(i);
    for (const i of index.bySecondWord.get(lower.slice(at + 1, at + 2)) ?? []) found.add(i);
  }
  return [...found].sort((x, y) => x - y).map((i) => acronyms[i]);
}

interface AcronymIndex {
  /** By the short form, when it is all word characters. */
  byShort: Map<string, number[]>;
  /** By the first two characters of the long form's second word (its one character, when it has one). */
  bySecondWord: Map<string, number[]>;
  /** Those with a form the index cannot place. */
  always: number[];
}

const INDEXES = new WeakMap<Acronym[], AcronymIndex>();

function indexOf(acronyms: Acronym[]): AcronymIndex {
  let index = INDEXES.get(acronyms);
  if (index) return index;
  const made: AcronymIndex = { byShort: new Map(), bySecondWord: new Map(), always: [] };
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  acronyms.forEach((a, i) => {
    const second = formsOf(a).long.split(" ")[1];
    if (!/^\w+$/.test(a.short) || !second) made.always.push(i);
    else {
      add(made.byShort, a.short, i);
      add(made.bySecondWord, second.slice(0, 2), i);
    }
  });
  INDEXES.set(acronyms, (index = made));
  return index;
}

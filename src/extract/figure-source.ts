// Who says a figure: "according to X", "X said/estimates/forecasts …", "… said X", "figures from X",
// "a survey by X". Names come from the people index when it knows them (canonical form), otherwise as written.
import type { Mention, PeopleIndex } from "./people.ts";
import type { PlacedSentence } from "./figure-context.ts";
import { matchesOf } from "./text.ts";

const CUES =
  /\b(?:said|says|say|told|estimates?|estimated|forecasts?|forecast|predicts?|predicted|calculated|calculates|found|finds|reported|reports|showed|shows|revealed|reveals|claims?|claimed|believes|thinks|warned|warns|expects|expected|suggests?|suggested|announced|announces|added|argued|insists?)\b/g;
const BY =
  /\b(?:according to|figures from|data from|research by|research from|a (?:survey|report|study|poll) (?:by|from|for)|(?:survey|report|study|poll|figures|estimates) (?:by|from|published by|released by))\s+(?:the\s+)?/gi;
// A capitalised name as written: "Institute for Fiscal Studies", "Dr Graham", "Gartner".
const NAME = /^(?:\p{Lu}[\p{L}\p{N}'’&.-]*)(?:\s+(?:(?:of|for|and|the|de|on)\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*)*/u;
const NAME_BEFORE = /(?:\p{Lu}[\p{L}\p{N}'’&.-]*)(?:\s+(?:(?:of|for|and|the|de|on)\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*)*(?:,[^,]{1,60},)?\s*$/u;
// What may stand between a subject and its verb: nothing, an apposition, an adverb or an auxiliary.
const SUBJECT_GAP = /^(?:['’]s)?\s*(?:,[^,]{0,60})?,?\s*(?:\w+ly\s+|has\s+|have\s+|had\s+|also\s+|now\s+|has also\s+)?$/;
const NOT_SOURCE =
  /^(?:The|A|An|It|He|She|They|We|I|This|That|These|Those|But|And|In|On|At|Estimates?|Figures|Analysts|Experts|Officials|Reports?|Mr|Mrs|Ms|Dr|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

export function sourceOf(s: PlacedSentence, people: PeopleIndex, mentions = mentionsBySentence(people)(s)): string | null {
  const text = s.text;
  const known = (at: number, to: number) => mentions.find((m) => m.start - s.start >= at && m.start - s.start <= to)?.name;

  for (const m of matchesOf(text, BY)) {
    const at = m.index + m[0].length;
    const name = known(at, at + 6) ?? asWritten(NAME.exec(text.slice(at))?.[0], people);
    if (name) return name;
  }
  for (const cue of matchesOf(text, CUES)) {
    const at = cue.index;
    // The subject before the verb, directly or across an apposition: "Gartner estimates", "the IFS, said",
    // "Rod Eddington, BA's chief executive, said" (Eddington, not BA).
    const subject = mentions.filter((m) => m.end - s.start <= at && SUBJECT_GAP.test(text.slice(m.end - s.start, at))).pop();
    if (subject) return subject.name;
    const before = NAME_BEFORE.exec(text.slice(Math.max(0, at - 120), at))?.[0]
      .replace(/,[^,]*,\s*$/, "")
      .trim();
    const named = asWritten(before, people);
    if (named) return named;
    // The subject after the verb: "… said the IFS". Not after "told": that names the listener.
    if (!/^(?:said|says|added|warned|estimated|predicted|claimed|argued)$/.test(cue[0])) continue;
    const after = known(at, at + cue[0].length + 6) ?? asWritten(NAME.exec(text.slice(at + cue[0].length).replace(/^\s+(?:the\s+)?/, ""))?.[0], people);
    if (after) return after;
  }
  return null;
}

/**
 * The mentions inside a sentence, in the people index's order, as filtering all of them would give: each
 * paragraph's are sorted by where they start, and a sentence's are found by bisection, so that a paragraph
 * with thousands of names is not read through once per figure.
 */
export function mentionsBySentence(people: PeopleIndex): (s: PlacedSentence) => Mention[] {
  const byParagraph = new Map<number, { mention: Mention; order: number }[]>();
  people.mentions.forEach((mention, order) => {
    let list = byParagraph.get(mention.paragraph);
    if (!list) byParagraph.set(mention.paragraph, (list = []));
    list.push({ mention, order });
  });
  for (const list of byParagraph.values()) list.sort((a, b) => a.mention.start - b.mention.start);
  return (s) => {
    const list = byParagraph.get(s.paragraph) ?? [];
    let [lo, hi] = [0, list.length]; // the first to start at or after the sentence
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].mention.start < s.start) lo = mid + 1;
      else hi = mid;
    }
    const inside: { mention: Mention; order: number }[] = [];
    // A mention that starts past the sentence's end cannot end inside it.
    for (let i = lo; i < list.length && list[i].mention.start <= s.end; i++) if (list[i].mention.end <= s.end) inside.push(list[i]);
    return inside.sort((a, b) => a.order - b.order).map((x) => x.mention);
  };
}

function asWritten(name: string | undefined, people: PeopleIndex): string | null {
  if (!name) return null;
  const words = name.split(/\s+/);
  while (words.length > 0 && NOT_SOURCE.test(words[0])) words.shift();
  if (words.length === 0) return null;
  const written = words
    .join(" ")
    .replace(/[.,;:]+$/, "")
    .replace(/['’]s$/, "");
  return people.resolve(written) ?? written;
}

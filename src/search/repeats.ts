// The same quotation in several articles is one result, and reporters must cite where it first appeared.
// A list of quotes is folded (the same words by the same speaker once; a shorter quote whose words are all in
// a longer one of the same speaker folded into it), then each result shown is looked up in the whole archive
// (an indexed query of its rarest-looking words) for every article that has it and the first that did.
import type { ArchiveReader, QuoteHit, QuoteOccurrence } from "../archive/store.ts";
import { indexOfRun, indexWords } from "./match.ts";

export interface Quoted<H extends QuoteHit = QuoteHit> {
  /** The occurrence shown: the best ranked of the group. */
  hit: H;
  /** The same words by the same speaker elsewhere in the list. */
  same: QuoteHit[];
  /** Shorter quotes by the same speaker whose words are all in this one (partial quotes of it). */
  parts: QuoteHit[];
}

export interface Reported {
  /** In how many articles the quotation is (this one included), and the first to report it; null when only one. */
  reported: { articles: number; first: QuoteHit; others: QuoteHit[] } | null;
  /** A longer quotation by the same speaker that contains this one: the one to cite. */
  partOf: QuoteHit | null;
}

/** Quotes of fewer words are too common to look up as a phrase ("no", "absolutely not"). */
const MIN_PHRASE_WORDS = 3;
/** Words of a quotation looked up (its longest: long words are rare), the rest checked on the rows found. */
const LOOKUP_WORDS = 3;
/** Other articles listed at most (all are counted). */
const OTHERS_LISTED = 49;

const wordsOf = new WeakMap<QuoteHit, string[]>();
function words(h: QuoteHit): string[] {
  let w = wordsOf.get(h);
  if (!w) wordsOf.set(h, (w = indexWords(h.quote.text)));
  return w;
}

const sameSpeaker = (a: QuoteHit, b: QuoteHit) => a.quote.speaker === b.quote.speaker || a.quote.speaker === null || b.quote.speaker === null;
const keyOf = new WeakMap<QuoteHit, string>();
function key(h: QuoteHit): string {
  let k = keyOf.get(h);
  if (k === undefined) keyOf.set(h, (k = words(h).join(" ")));
  return k;
}
const isIn = (short: QuoteHit, long: QuoteHit) => words(short).length < words(long).length && indexOfRun(words(long), words(short)) >= 0;

/**
 * Folds repeats in a ranked list: each group keeps the place of its best-ranked member and shows the longest
 * quotation (a partial quote gives way to the quotation it is part of).
 */
export function foldRepeats<H extends QuoteHit>(hits: H[]): Quoted<H>[] {
  const groups: Quoted<H>[] = [];
  // The groups of each set of words, in list order: the first of them with the same speaker takes a repeat.
  const byKey = new Map<string, Quoted<H>[]>();
  for (const h of hits) {
    if (words(h).length === 0) {
      groups.push({ hit: h, same: [], parts: [] });
      continue;
    }
    const same = byKey.get(key(h))?.find((g) => sameSpeaker(g.hit, h));
    if (same) same.same.push(h);
    else {
      const g = { hit: h, same: [], parts: [] };
      groups.push(g);
      byKey.set(key(h), [...(byKey.get(key(h)) ?? []), g]);
    }
  }
  // Which groups' quotations hold each one's words, worked out once: the folding below starts again after
  // each merge (a /who reads 200 quotes, and re-testing every pair on every pass was most of its CPU).
  const holders = new Map<QuoteHit, Set<QuoteHit>>();
  for (const short of groups) {
    if (words(short.hit).length === 0) continue;
    const holding = groups.filter((g) => g !== short && isIn(short.hit, g.hit) && sameSpeaker(short.hit, g.hit)).map((g) => g.hit);
    if (holding.length) holders.set(short.hit, new Set(holding));
  }
  // A shorter group folds into a longer one that contains its words, wherever that one is in the list; the
  // merged group takes the earlier place.
  for (let i = 0; i < groups.length; i++) {
    const short = groups[i];
    const holding = holders.get(short.hit);
    const long = holding && groups.find((g) => g !== short && holding.has(g.hit));
    if (!long) continue;
    long.parts.push(short.hit, ...short.same, ...short.parts);
    const at = groups.indexOf(long);
    groups.splice(i, 1);
    if (at > i) {
      // The longer quotation moves up to the place the shorter held.
      groups.splice(at - 1, 1);
      groups.splice(i, 0, long);
    }
    i = -1; // start again: the merged group may itself be inside another
  }
  return groups;
}

/** Every article with this quotation, the first to report it, and a longer quotation it is part of. */
export async function reportedIn(store: Pick<ArchiveReader, "quotesWithWords" | "quotesById" | "termDocs">, q: Quoted): Promise<Reported> {
  const known = [q.hit, ...q.same].map(placeOfHit);
  // The quotation's words as one phrase query cost FTS5 a walk of every word's positions, common words ("the",
  // "we") included: 4-7 ms at 100k articles, ten times that at 1M. Every row used below has the quotation's
  // words in a run (the same words, or a longer quotation holding them), so its rarest words, each required,
  // find the same rows and more: the index then walks three short lists, and the run is checked here.
  let found: Place[] = [];
  if (words(q.hit).length >= MIN_PHRASE_WORDS) {
    // The speaker's (or no one's) occurrences only: in a large archive a quotation is often in hundreds of rows.
    const occurrences = await store.quotesWithWords(await rarest(store, words(q.hit)), q.hit.quote.speaker);
    found = occurrences.map(placeOf).filter((p) => p.speaker === q.hit.quote.speaker || p.speaker === null || q.hit.quote.speaker === null);
  }
  const all = dedupe([...known, ...found.filter((p) => p.words.join(" ") === key(q.hit))]);
  const articles = new Set(all.map((p) => p.article));
  const byDay = [...all].sort(earliestFirst);
  const seen = new Set<number>();
  const firstPerArticle = byDay.filter((p) => !seen.has(p.article) && seen.add(p.article)).slice(0, 1 + OTHERS_LISTED);
  const mine = words(q.hit);
  const longer = found.filter((p) => mine.length < p.words.length && indexOfRun(p.words, mine) >= 0).sort(earliestFirst);
  // Only the occurrences shown are read in full, with their articles: a few of the hundreds found.
  const shown = [...firstPerArticle, ...longer.slice(0, 1)];
  const read = new Map((await store.quotesById(shown.flatMap((p) => (p.hit ? [] : [p.id!])))).map((h) => [key4(h), h]));
  // (A quote removed in between by another process is left out.)
  const hits = (ps: Place[]) => ps.map((p) => p.hit ?? read.get(`${p.article}:${p.paragraph}:${p.start}`)).filter((h): h is QuoteHit => h !== undefined);
  const listed = hits(firstPerArticle);
  return {
    reported: articles.size > 1 && listed.length ? { articles: articles.size, first: listed[0], others: listed.slice(1) } : null,
    partOf: hits(longer.slice(0, 1))[0] ?? null,
  };
}

/** One occurrence of a quotation, as the list gave it (`hit`) or as the archive found it (`id`, read later). */
interface Place {
  article: number;
  day: string;
  paragraph: number;
  start: number;
  speaker: string | null;
  words: string[];
  hit?: QuoteHit;
  id?: number;
}

const placeOfHit = (h: QuoteHit): Place => ({
  article: h.article.id,
  day: dayOf(h),
  paragraph: h.quote.paragraph,
  start: h.quote.start,
  speaker: h.quote.speaker,
  words: words(h),
  hit: h,
});

const placeOf = (o: QuoteOccurrence): Place => ({
  article: o.article,
  day: o.day,
  paragraph: o.paragraph,
  start: o.start,
  speaker: o.speaker,
  words: indexWords(o.text),
  id: o.id,
});

const key4 = (h: QuoteHit) => `${h.article.id}:${h.quote.paragraph}:${h.quote.start}`;

/**
 * The LOOKUP_WORDS words of a quotation in fewest articles (the vocabulary kept at ingestion), longest first
 * among equals. The longest words alone took "the" for "tickets tear the": a walk of a list in every quote.
 */
async function rarest(store: Pick<ArchiveReader, "termDocs">, ws: string[]): Promise<string[]> {
  const distinct = [...new Set(ws)];
  const docs = await store.termDocs(distinct);
  const order = new Map(distinct.map((w, i) => [w, i]));
  const rank = (w: string) => docs.get(w) ?? 0;
  return distinct.sort((a, b) => rank(a) - rank(b) || b.length - a.length || order.get(a)! - order.get(b)!).slice(0, LOOKUP_WORDS);
}

/** The day an article counts from: its date, or the day it was added when it has none. */
export const dayOf = (h: QuoteHit) => h.article.date ?? h.article.addedAt.slice(0, 10);

const earliestFirst = (a: Place, b: Place) => a.day.localeCompare(b.day) || a.article - b.article || a.paragraph - b.paragraph || a.start - b.start;

function dedupe(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const k = `${p.article}:${p.paragraph}:${p.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

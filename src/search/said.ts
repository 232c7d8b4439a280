// What a person said on a topic. Their quotes in the articles about it are found by the archive's full-text
// index (the topic's words and the person's names in one indexed query, bounded like every text query), then
// ranked by where the topic is: in their own words first, then in the sentence around them, then only
// elsewhere in the article. Both stores give the same candidates, and the ranking here is the same for both.
import type { Period, QuoteHit, TextQuery } from "../archive/store.ts";
import type { Quote } from "../extract/types.ts";
import { foldText, splitSentences } from "../extract/text.ts";
import type { Lookup } from "./lookup.ts";
import { indexWords, matcher, type Matcher } from "./match.ts";
import type { Identity } from "./names.ts";

/** Where the topic is, for a quote by the person: their words, the sentence around them, or the article. */
export type Where = "words" | "sentence" | "article";

export interface SaidHit extends QuoteHit {
  where: Where;
}

/** A person's quotes in the articles about a topic, read at most (newest first) before ranking. */
export const SAID_CANDIDATES = 200;
/** Quotes whose paragraph is read to find the sentence around them, at most (their words did not match). */
const SENTENCES_READ = 100;
const ORDER: Record<Where, number> = { words: 0, sentence: 1, article: 2 };

/** The speakers' canonical names and the other forms of their names that only they have, as phrases to search. */
export async function namePhrases(lookup: Lookup, identities: Identity[]): Promise<string[]> {
  const forms = (await Promise.all(identities.map(async (id) => [...id.members.map(foldText), ...(await lookup.mentionPhrases(id))]))).flat();
  return [...new Set(forms)];
}

/**
 * The quotes by `identities` in the articles that match `topic` (of `period`), ranked by where the topic is,
 * newest first within each rank; `more` when there were more candidates than were read.
 */
export async function saidOn(
  lookup: Lookup,
  identities: Identity[],
  topic: TextQuery,
  period: Period | null,
  limit = SAID_CANDIDATES,
): Promise<{ hits: SaidHit[]; more: boolean }> {
  const members = [...new Set(identities.flatMap((id) => id.members))];
  const names = await namePhrases(lookup, identities);
  if (members.length === 0 || names.length === 0 || topic.groups.length === 0) return { hits: [], more: false };
  // The articles must name the person too: the index then intersects two word lists instead of reading every
  // article about a common topic.
  const read = await lookup.store.quotesByIn(members, { groups: [...topic.groups, names] }, limit + 1, period);
  const hits = read.slice(0, limit);
  const m = matcher(topic);
  const where = new Map<QuoteHit, Where>();
  const unsure: QuoteHit[] = [];
  for (const h of hits) {
    if (m.matches(h.quote.text)) where.set(h, "words");
    else unsure.push(h);
  }
  const checked = unsure.slice(0, SENTENCES_READ);
  const paragraphs = await lookup.store.paragraphs(checked.map((h) => ({ article: h.article.id, paragraph: h.quote.paragraph })));
  checked.forEach((h, i) => {
    if (m.matches(`${h.quote.text}\n${sentenceAround(paragraphs[i], h.quote)}`)) where.set(h, "sentence");
  });
  const ranked = hits.map((h) => ({ ...h, where: where.get(h) ?? "article" }));
  // A stable sort: within each rank, the store's order (newest first).
  ranked.sort((a, b) => ORDER[a.where] - ORDER[b.where]);
  return { hits: ranked, more: read.length > limit };
}

/** The sentence (or sentences) of its paragraph a quote stands in, without the quote's own words. */
export function sentenceAround(paragraph: string, q: Pick<Quote, "start" | "end">): string {
  if (!paragraph) return "";
  const sentences = splitSentences(paragraph).filter((s) => s.end > q.start && s.start < q.end);
  if (sentences.length === 0) return "";
  const from = sentences[0].start;
  const to = sentences[sentences.length - 1].end;
  return `${paragraph.slice(from, Math.max(from, q.start))} … ${paragraph.slice(Math.min(to, q.end), to)}`;
}

/**
 * How telling a quote is of what a person says, to pick one for a month of a timeline: the topic in their
 * own words, a whole statement rather than a fragment, and more content rather than a word or two.
 */
export function telling(h: QuoteHit & { where?: Where }, topic: Matcher | null): number {
  const words = indexWords(h.quote.text).length;
  const onTopic = h.where === "words" || (!h.where && topic?.matches(h.quote.text)) ? 100 : h.where === "sentence" ? 50 : 0;
  return onTopic + (h.quote.partial ? 0 : 20) + Math.min(words, 40) + 10 * h.quote.confidence;
}

// A quotation as one result however often it was reported: the block for a folded group of quotes
// (src/search/repeats.ts), with every article that has it, where it was first reported, the longer
// quotation a partial quote belongs to, and the partial quotes folded into it.
import type { QuoteHit } from "../archive/store.ts";
import type { Quoted, Reported } from "../search/repeats.ts";
import { quoteBlock } from "./blocks.ts";
import { sourceRef } from "./build.ts";
import { Messages } from "./messages.ts";
import type { Block, QuoteBlock, QuotedPart } from "./model.ts";

const ref = (h: QuoteHit) => sourceRef(h.article, h.quote.paragraph);
const part = (h: QuoteHit): QuotedPart => ({ text: h.quote.text, source: ref(h) });

export function quotedBlock(q: Quoted, r: Reported | null, match: QuoteBlock["match"], label?: string): QuoteBlock {
  const block = quoteBlock(q.hit, match);
  if (label) block.label = label;
  if (r?.reported) block.reported = { articles: r.reported.articles, first: ref(r.reported.first), others: r.reported.others.map(ref) };
  if (r?.partOf) block.partOf = part(r.partOf);
  if (q.parts.length) block.parts = q.parts.map(part);
  return block;
}

/** People one name may stand for whose quotes are gathered at most: the most written-about first. */
export const MAX_PEOPLE = 10;

/**
 * What to say about the people a typed name was read as: the closest name to a typo, or several people
 * sharing it (the MAX_PEOPLE most written about, when more do).
 */
export function personNotes(typed: string, named: { name: string }[], typo: boolean): Block[] {
  const shown = named.slice(0, MAX_PEOPLE).map((id) => id.name);
  const notes: Block[] = [];
  if (typo) notes.push({ kind: "note", text: Messages.closestName(shown.join(" or "), typed) });
  if (named.length > MAX_PEOPLE) notes.push({ kind: "note", text: Messages.manyPeople(typed, named.length, MAX_PEOPLE, shown) });
  else if (shown.length > 1) notes.push({ kind: "note", text: Messages.somePeople(typed, shown) });
  return notes;
}

/** The note that an undated article was placed by the day it was added, when a page shows one. */
export function undatedNote(hits: QuoteHit[]): Block[] {
  return hits.some((h) => h.article.date === null) ? [{ kind: "note", text: Messages.undated }] : [];
}

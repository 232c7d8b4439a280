// Builders for the result blocks several commands and the digest share: a quote, a figure claim (one per
// value, with every article that repeats it) and the "also searched for" note. Commands import these
// rather than one another.
import type { FigureHit, QuoteHit } from "../archive/store.ts";
import { sourceRef } from "./build.ts";
import { Messages } from "./messages.ts";
import type { Block, FigureBlock, QuoteBlock } from "./model.ts";

export function quoteBlock(h: QuoteHit, match: QuoteBlock["match"]): QuoteBlock {
  return { kind: "quote", text: h.quote.text, speaker: h.quote.speaker, partial: h.quote.partial, match, source: sourceRef(h.article, h.quote.paragraph) };
}

/** The words a topic query corrected ("ecnomy" → "economy"), said in a note, or nothing. */
export function corrected(corrections: { typed: string; used: string }[]): Block[] {
  return corrections.length ? [{ kind: "note", text: Messages.alsoSearchedFor(corrections) }] : [];
}

/**
 * One claim per value and unit: "£4.4 billion" in three articles is one figure with three sources. The
 * best-ranked occurrence leads; its measure and source stand unless a later one names the source.
 */
export function groupClaims(hits: FigureHit[]): FigureBlock[] {
  const claims = new Map<string, FigureBlock>();
  for (const { figure: f, article } of hits) {
    const k = claimKey(f.value, f.unit);
    const src = sourceRef(article, f.paragraph);
    const claim = claims.get(k);
    if (!claim) {
      claims.set(k, {
        kind: "figure",
        text: f.text,
        value: f.value,
        unit: f.unit,
        per: f.per,
        approx: f.approx,
        measure: f.measure,
        claimedBy: f.source,
        sentence: f.sentence,
        sources: [src],
      });
    } else {
      if (!claim.sources.some((s) => s.articleId === src.articleId)) claim.sources.push(src);
      if (!claim.claimedBy && f.source) claim.claimedBy = f.source;
    }
  }
  for (const c of claims.values()) c.sources.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  return [...claims.values()];
}

/** The same quantity however it is written: unit family and value to three significant figures. */
export function claimKey(value: number, unit: string): string {
  const u = unit.toLowerCase();
  return `${u}:${Number(value.toPrecision(3))}`;
}

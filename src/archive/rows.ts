// What both archive stores share: the article columns every hit reads, the newest-first order, and turning
// a result row back into quotes, figures and articles. The SQL dialects differ; the rows they give do not.
import type { Figure, Quote } from "../extract/types.ts";
import type { ArticleMeta, FigureHit, FileState, PersonFacts, PersonMentions, QuoteHit } from "./store.ts";

export type Row = Record<string, unknown>;

/** The article's fields beside a quote's or a figure's, prefixed so they never clash with the hit's own. */
export const ARTICLE_COLUMNS =
  "a.id AS a_id, a.key AS a_key, a.title AS a_title, a.date AS a_date, a.url AS a_url, a.byline AS a_byline, a.outlet AS a_outlet, a.section AS a_section, a.added_at AS a_added_at";
/** Newest first: by the article's date, or the day it entered the archive when it has none. */
export const NEWEST = "coalesce(a.date, substr(a.added_at, 1, 10)) DESC, a.id DESC";
/** A quote's occurrence (toOccurrence): the quote's own columns and its article's day, no other article field. */
export const OCCURRENCE_COLUMNS = "q.id, q.article_id, q.text, q.speaker, q.paragraph, q.start, coalesce(a.date, substr(a.added_at, 1, 10)) AS day";

/** The files table: what the archive remembers of each file. */
export const FILE_COLUMNS = "path, size, mtime_ms, hash, skipped";

export function toFileStates(rows: Row[]): Map<string, FileState> {
  return new Map(
    rows.map((r) => [
      r.path as string,
      { path: r.path as string, size: r.size as number, mtimeMs: r.mtime_ms as number, hash: r.hash as string, skipped: (r.skipped as string) ?? null },
    ]),
  );
}

/** Counts a writing transaction changes (word → articles with it), summed as it goes and written once at its end. */
export class Tally extends Map<string, number> {
  add(key: string, n: number): void {
    this.set(key, (this.get(key) ?? 0) + n);
  }

  addAll(other: Tally): void {
    for (const [k, n] of other) this.add(k, n);
  }
}

/**
 * The distinct acronyms of a writing transaction's articles (short, long) → uses added or removed, with the
 * row id each was first written at: the `acronym_forms` table, which the look-ups read instead of every row.
 */
export class FormTally {
  private forms = new Map<string, { short: string; long: string; n: number; first: number | null; removed: boolean }>();

  add(short: string, long: string, n: number, id: number | null = null): void {
    const key = `${short}\u0000${long}`;
    let f = this.forms.get(key);
    if (!f) this.forms.set(key, (f = { short, long, n: 0, first: null, removed: false }));
    f.n += n;
    if (n < 0) f.removed = true;
    if (id !== null && (f.first === null || id < f.first)) f.first = id;
  }

  addAll(other: FormTally): void {
    for (const f of other.forms.values()) {
      this.add(f.short, f.long, f.n, f.first);
      if (f.removed) this.forms.get(`${f.short}\u0000${f.long}`)!.removed = true;
    }
  }

  /** Forms with uses added (`first`: the earliest new row) or removed (`removed`: their first row may have gone). */
  changes() {
    return [...this.forms.values()];
  }

  clear(): void {
    this.forms.clear();
  }
}

/** The keys of the name dictionary one article's person adds: the canonical name and every alias, once. */
export function nameKeys(name: string, aliases: string[]): Set<string> {
  return new Set([name, ...aliases]);
}

/** Hits grouped by article in the order of `ids` (a stable sort keeps each article's reading order). */
export function inOrder<T extends { article: ArticleMeta }>(hits: T[], ids: number[]): T[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  return hits.sort((a, b) => (rank.get(a.article.id) ?? 0) - (rank.get(b.article.id) ?? 0));
}

/** Rows with an `id` in the order of `ids` (each once; ids without a row left out). */
export function inIdOrder(rows: Row[], ids: number[]): Row[] {
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return [...new Set(ids)].map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
}

export function toArticle(r: Row): ArticleMeta {
  return {
    id: r.a_id as number,
    key: r.a_key as string,
    title: r.a_title as string,
    date: (r.a_date as string) ?? null,
    url: (r.a_url as string) ?? null,
    byline: (r.a_byline as string) ?? null,
    outlet: (r.a_outlet as string) ?? null,
    section: (r.a_section as string) ?? null,
    addedAt: r.a_added_at as string,
  };
}

export function toQuoteHit(r: Row): QuoteHit {
  const quote: Quote = {
    // SQLite gives 1/0 for a boolean column, PostgreSQL true/false.
    text: r.text as string,
    speaker: (r.speaker as string) ?? null,
    cue: (r.cue as string) ?? null,
    partial: r.partial === 1 || r.partial === true,
    confidence: r.confidence as number,
    paragraph: r.paragraph as number,
    start: r.start as number,
    end: r.end as number,
    mentions: JSON.parse(r.mentions as string) as string[],
  };
  return { quote, article: toArticle(r) };
}

/** Where a quote is and what it says: enough to tell a quotation's occurrences apart and order them. */
export interface QuoteOccurrence {
  id: number;
  article: number;
  /** Its article's day: the date, or the day it was added when it has none (as answers order articles). */
  day: string;
  text: string;
  speaker: string | null;
  paragraph: number;
  start: number;
}

/** A quote's occurrence from OCCURRENCE_COLUMNS. */
export function toOccurrence(r: Row): QuoteOccurrence {
  return {
    id: Number(r.id),
    article: Number(r.article_id),
    day: r.day as string,
    text: r.text as string,
    speaker: (r.speaker as string) ?? null,
    paragraph: r.paragraph as number,
    start: r.start as number,
  };
}

export function toFigure(r: Row): Figure {
  return {
    text: r.text as string,
    value: r.value as number,
    unit: r.unit as string,
    per: (r.per as string) ?? null,
    approx: (r.approx as string) ?? null,
    upTo: (r.up_to as number) ?? null,
    measure: r.measure as string,
    source: (r.source as string) ?? null,
    sentence: r.sentence as string,
    context: r.context as string,
    paragraph: r.paragraph as number,
    start: r.start as number,
    end: r.end as number,
  };
}

/**
 * What the archive knows of one person: their other names and roles, each once and first seen first, from
 * their people rows (one per article naming them, oldest first); how many articles and quotes are theirs.
 */
export function toPersonFacts(name: string, rows: Row[], articles: number, quotes: number): PersonFacts {
  const aliases = new Set<string>();
  const roles = new Set<string>();
  for (const r of rows) {
    for (const a of JSON.parse(r.aliases as string) as string[]) aliases.add(a);
    for (const a of JSON.parse(r.roles as string) as string[]) roles.add(a);
  }
  aliases.delete(name);
  return { name, kind: rows[0].kind as PersonFacts["kind"], aliases: [...aliases], roles: [...roles], articles, quotes };
}

/** A row of the people-in-articles count (name, kind, mentions, articles), as both stores select it. */
export const toPersonMentions = (r: Row): PersonMentions => ({
  name: r.name as string,
  kind: r.kind as PersonMentions["kind"],
  mentions: r.mentions as number,
  articles: r.articles as number,
});

/** A figure with its article, from a row of figures joined to ARTICLE_COLUMNS. */
export const toFigureHit = (r: Row): FigureHit => ({ figure: toFigure(r), article: toArticle(r) });

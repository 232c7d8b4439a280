// SQL that is the same for both stores, written once: a period of article days, a person's quotes in a set
// of articles, paragraphs, word counts. Only the way a value or a list is bound differs (SQLite `?` and a
// JSON array read by json_each; PostgreSQL `$n` and an array), and a Params object hides that.
import { ARTICLE_COLUMNS, NEWEST, type Row } from "./rows.ts";
import type { Period } from "./store.ts";

/** An article's day: its date, or the day it entered the archive when it has none (as NEWEST orders). */
export const ARTICLE_DAY = "coalesce(a.date, substr(a.added_at, 1, 10))";

/** The tables of the name dictionary and the acronym forms, the same in both stores. */
export const LOOKUP_TABLES = ["acronym_forms", "identities", "name_pairs", "name_aliases", "name_words", "name_word_aliases", "name_deletes", "name_dirty"];

/** Parameters of one statement, bound the way its store binds them. */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: "sqlite" | "postgres") {}

  /** The placeholder of `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return this.dialect === "sqlite" ? "?" : `$${this.values.length}`;
  }

  /** `column` is one of `values` (a list bound as one parameter, so the statement's text does not vary). */
  oneOf(column: string, values: (string | number)[], type: "text" | "bigint"): string {
    if (this.dialect === "sqlite") return `${column} IN (SELECT value FROM json_each(${this.add(JSON.stringify(values))}))`;
    return `${column} = ANY(${this.add(values)}::${type}[])`;
  }

  /** ` AND day >= … AND day <= …` for the ends of the period that are set ("" for none). */
  period(period: Period | null | undefined, day = ARTICLE_DAY): string {
    let sql = "";
    if (period?.from) sql += ` AND ${day} >= ${this.add(period.from)}`;
    if (period?.to) sql += ` AND ${day} <= ${this.add(period.to)}`;
    return sql;
  }
}

/**
 * Quotes by `speakers` in the articles `articleIds` selects (a sub-query giving `id`), newest first. The
 * sub-query bounds the articles, and only their quotes are read (quotes_article): CROSS JOIN keeps SQLite's
 * planner to that order, where it would otherwise walk every quote of a prolific speaker.
 */
export function quotesInArticlesSql(articleIds: string, speakers: string[], limit: number, p: Params): string {
  return `SELECT q.*, ${ARTICLE_COLUMNS} FROM (${articleIds}) t CROSS JOIN quotes q CROSS JOIN articles a
    WHERE q.article_id = t.id AND a.id = q.article_id AND ${p.oneOf("q.speaker", speakers, "text")}
    ORDER BY ${NEWEST}, q.paragraph, q.start LIMIT ${p.add(limit)}`;
}

/** The bodies of these articles (paragraphs are joined by a blank line when stored). */
export function bodiesSql(ids: number[], p: Params): string {
  return `SELECT id, body FROM articles WHERE ${p.oneOf("id", ids, "bigint")}`;
}

/** The paragraphs asked for, from the bodies read by bodiesSql. */
export function paragraphsFrom(at: { article: number; paragraph: number }[], rows: Row[]): string[] {
  const bodies = new Map(rows.map((r) => [Number(r.id), (r.body as string).split("\n\n")]));
  return at.map((x) => bodies.get(x.article)?.[x.paragraph - 1] ?? "");
}

/** How many articles have each word: the vocabulary kept at ingestion. */
export function termDocsSql(terms: string[], p: Params): string {
  return `SELECT term, docs FROM terms WHERE ${p.oneOf("term", terms, "text")}`;
}

export function toTermDocs(rows: Row[]): Map<string, number> {
  return new Map(rows.map((r) => [r.term as string, Number(r.docs)]));
}

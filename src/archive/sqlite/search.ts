// Text queries on the SQLite archive: FTS5 finds and ranks (bm25) the matching quotes, figures and articles.
import { ARTICLE_COLUMNS, OCCURRENCE_COLUMNS, inIdOrder, toArticle, toFigureHit, toOccurrence, toQuoteHit, type Row } from "../rows.ts";
import { ARTICLE_DAY, Params } from "../shared-sql.ts";
import { RANKED_MATCHES, type ArchiveReader, type Period, type TextQuery } from "../store.ts";
import type { SqliteDb } from "./db.ts";

export function sqliteSearch(s: SqliteDb): Pick<ArchiveReader, "quotesMatching" | "quotesWithWords" | "quotesById" | "figuresMatching" | "articlesMatching"> {
  return {
    async quotesMatching(query, limit, period) {
      const match = ftsMatch(query);
      if (!match) return [];
      const p = new Params("sqlite");
      const join = "JOIN quotes q ON q.id = quotes_fts.rowid";
      const rows = s
        .stmt(
          `SELECT q.*, ${ARTICLE_COLUMNS} FROM (${ranked("quotes_fts", "bm25(quotes_fts)", match, limit, p, within(period, join, "q.at"))}) f
        JOIN quotes q ON q.id = f.id JOIN articles a ON a.id = q.article_id ORDER BY f.score, f.id`,
        )
        .all(...p.values) as Row[];
      return rows.map(toQuoteHit);
    },

    async quotesWithWords(words, speaker) {
      const match = ftsMatch({ groups: words.map((w) => [w]) });
      if (!match) return [];
      // No bm25: ranking made FTS5 count every row holding each word (its weight), a walk of a common
      // word's whole list, and read each match's positions, for an order the caller does not use.
      const p = new Params("sqlite");
      // Bound in the order the marks appear.
      const m = p.add(match);
      const who = speaker === null ? "" : ` AND (q.speaker = ${p.add(speaker)} OR q.speaker IS NULL)`;
      // The article's day from its small covering index: the row's added_at comes after the body, which at
      // 1M took the reading of each match's article body (hundreds per quotation).
      const rows = s
        .stmt(
          `SELECT ${OCCURRENCE_COLUMNS} FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a INDEXED BY articles_day ON a.id = q.article_id
        WHERE quotes_fts MATCH ${m}${who} ORDER BY quotes_fts.rowid DESC LIMIT ${p.add(RANKED_MATCHES)}`,
        )
        .all(...p.values) as Row[];
      return rows.map(toOccurrence);
    },

    async quotesById(ids) {
      if (ids.length === 0) return [];
      const rows = s
        .stmt(`SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(ids)) as Row[];
      return inIdOrder(rows, ids).map(toQuoteHit);
    },

    async figuresMatching(query, limit, period) {
      const match = ftsMatch(query);
      if (!match) return [];
      // The figure's own sentence weighs most, then what it measures, then the sentences it refers back to,
      // then the headline.
      const p = new Params("sqlite");
      const days = within(period, "JOIN figures g ON g.id = figures_fts.rowid JOIN articles a INDEXED BY articles_day ON a.id = g.article_id", ARTICLE_DAY);
      const rows = s
        .stmt(
          `SELECT g.*, ${ARTICLE_COLUMNS} FROM (${ranked("figures_fts", "bm25(figures_fts, 6.0, 4.0, 2.0, 1.0)", match, limit, p, days)}) f
        JOIN figures g ON g.id = f.id JOIN articles a ON a.id = g.article_id ORDER BY f.score, f.id`,
        )
        .all(...p.values) as Row[];
      return rows.map(toFigureHit);
    },

    async articlesMatching(query, limit, period) {
      const match = ftsMatch(query);
      if (!match) return [];
      const p = new Params("sqlite");
      const rows = s
        .stmt(
          `SELECT ${ARTICLE_COLUMNS} FROM (${ranked("articles_fts", "bm25(articles_fts, 4.0, 1.0)", match, limit, p, within(period, "JOIN articles a INDEXED BY articles_day ON a.id = articles_fts.rowid", ARTICLE_DAY))}) f
        JOIN articles a ON a.id = f.id ORDER BY f.score, f.id`,
        )
        .all(...p.values) as Row[];
      // Snippets for the rows kept only: FTS5 finds one article of a MATCH by its rowid without a scan. The
      // CAST matters: with a plain bound `rowid = ?` beside MATCH, FTS5 (SQLite 3.53) ignores the rowid and
      // gives the first match (tests/archive/contract.ts, "ranks articles…", catches it).
      const snippet = s.stmt(
        "SELECT snippet(articles_fts, 1, '', '', '…', 24) AS snippet FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)",
      );
      return rows.map((r) => ({ article: toArticle(r), snippet: (snippet.get(match, r.a_id) as Row).snippet as string }));
    },
  };
}

/**
 * The best `limit` rows of an FTS5 table for a MATCH as (id, score), ties by id. FTS5 walks a MATCH by rowid
 * and computes the rank function for the rows it yields, so taking the newest RANKED_MATCHES by rowid first
 * bounds the ranking work, however common the words. `within`: the join that gives each row its article's
 * day, the day's expression and the period the rows must fall in (the walk then skips rows outside it).
 */
function ranked(table: string, rank: string, match: string, limit: number, p: Params, days: Within | null): string {
  const join = days?.join ?? "";
  const m = p.add(match);
  const inPeriod = days ? p.period(days.period, days.day) : "";
  return `SELECT id, score FROM (SELECT ${table}.rowid AS id, ${rank} AS score FROM ${table} ${join} WHERE ${table} MATCH ${m}${inPeriod}
    ORDER BY ${table}.rowid DESC LIMIT ${p.add(RANKED_MATCHES)}) ORDER BY score, id LIMIT ${p.add(limit)}`;
}

interface Within {
  join: string;
  day: string;
  period: Period;
}

/** How a ranked walk keeps to a period: null when there is none (or it has no ends), so no join is made. */
function within(period: Period | null | undefined, join: string, day: string): Within | null {
  return period && (period.from || period.to) ? { join, day, period } : null;
}

/** TextQuery → FTS5 MATCH syntax; every phrase quoted, so no user text is read as FTS operators. */
export function ftsMatch(query: TextQuery): string | null {
  const groups = query.groups
    .map((g) => g.map((p) => p.replace(/"/g, " ").trim()).filter(Boolean))
    .filter((g) => g.length > 0)
    .map((g) => (g.length === 1 ? `"${g[0]}"` : `(${g.map((p) => `"${p}"`).join(" OR ")})`));
  return groups.length ? groups.join(" AND ") : null;
}

// Text queries on the SQLite archive: FTS5 finds and ranks (bm25) the matching quotes, figures and articles.
import { ARTICLE_COLUMNS, toArticle, toFigure, toQuoteHit, type Row } from "../rows.ts";
import { RANKED_MATCHES, type ArchiveReader, type TextQuery } from "../store.ts";
import type { SqliteDb } from "./db.ts";

export function sqliteSearch(s: SqliteDb): Pick<ArchiveReader, "quotesMatching" | "figuresMatching" | "articlesMatching"> {
  return {
    async quotesMatching(query, limit) {
      const match = ftsMatch(query);
      if (!match) return [];
      const rows = s.stmt(`SELECT q.*, ${ARTICLE_COLUMNS} FROM (${ranked("quotes_fts", "bm25(quotes_fts)")}) f
        JOIN quotes q ON q.id = f.id JOIN articles a ON a.id = q.article_id ORDER BY f.score, f.id`).all(match, RANKED_MATCHES, limit) as Row[];
      return rows.map(toQuoteHit);
    },

    async figuresMatching(query, limit) {
      const match = ftsMatch(query);
      if (!match) return [];
      // The figure's own sentence weighs most, then what it measures, then the sentences it refers back to,
      // then the headline.
      const rows = s.stmt(`SELECT g.*, ${ARTICLE_COLUMNS} FROM (${ranked("figures_fts", "bm25(figures_fts, 6.0, 4.0, 2.0, 1.0)")}) f
        JOIN figures g ON g.id = f.id JOIN articles a ON a.id = g.article_id ORDER BY f.score, f.id`).all(match, RANKED_MATCHES, limit) as Row[];
      return rows.map((r) => ({ figure: toFigure(r), article: toArticle(r) }));
    },

    async articlesMatching(query, limit) {
      const match = ftsMatch(query);
      if (!match) return [];
      const rows = s.stmt(`SELECT ${ARTICLE_COLUMNS} FROM (${ranked("articles_fts", "bm25(articles_fts, 4.0, 1.0)")}) f
        JOIN articles a ON a.id = f.id ORDER BY f.score, f.id`).all(match, RANKED_MATCHES, limit) as Row[];
      // Snippets for the rows kept only: FTS5 finds one article of a MATCH by its rowid without a scan. The
      // CAST matters: with a plain bound `rowid = ?` beside MATCH, FTS5 (SQLite 3.53) ignores the rowid and
      // gives the first match (tests/archive/contract.ts, "ranks articles…", catches it).
      const snippet = s.stmt("SELECT snippet(articles_fts, 1, '', '', '…', 24) AS snippet FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)");
      return rows.map((r) => ({ article: toArticle(r), snippet: (snippet.get(match, r.a_id) as Row).snippet as string }));
    },
  };
}

/**
 * The best `limit` rows of an FTS5 table for a MATCH (parameters: match, RANKED_MATCHES, limit) as (id,
 * score), ties by id. FTS5 walks a MATCH by rowid and computes the rank function for the rows it yields, so
 * taking the newest RANKED_MATCHES by rowid first bounds the ranking work, however common the words.
 */
function ranked(table: string, rank: string): string {
  return `SELECT id, score FROM (SELECT rowid AS id, ${rank} AS score FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ?)
    ORDER BY score, id LIMIT ?`;
}

/** TextQuery → FTS5 MATCH syntax; every phrase quoted, so no user text is read as FTS operators. */
export function ftsMatch(query: TextQuery): string | null {
  const groups = query.groups
    .map((g) => g.map((p) => p.replace(/"/g, " ").trim()).filter(Boolean))
    .filter((g) => g.length > 0)
    .map((g) => (g.length === 1 ? `"${g[0]}"` : `(${g.map((p) => `"${p}"`).join(" OR ")})`));
  return groups.length ? groups.join(" AND ") : null;
}

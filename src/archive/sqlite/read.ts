// What commands and the digest read from the SQLite archive: indexed look-ups only, each bounded.
import type { Acronym } from "../../extract/types.ts";
import { ARTICLE_COLUMNS, NEWEST, inOrder, toArticle, toFigureHit, toPersonFacts, toPersonMentions, toQuoteHit, type Row } from "../rows.ts";
import { Params, bodiesSql, paragraphsFrom, quotesInArticlesSql, termDocsSql, toTermDocs } from "../shared-sql.ts";
import { PERSON_ROWS, RANKED_MATCHES, type ArchiveReader } from "../store.ts";
import type { OrderedNameEntry } from "../names/identities.ts";
import type { SqliteDb } from "./db.ts";
import { sqliteNames } from "./names.ts";
import { ftsMatch, sqliteSearch } from "./search.ts";

export function sqliteReader(s: SqliteDb): ArchiveReader {
  /** `?, ?, …` for a list bound one value a mark (its length varies, so the statement is not cached). */
  const marks = (list: unknown[]) => list.map(() => "?").join(",");
  return {
    ...sqliteSearch(s),
    ...sqliteNames(s),

    async names() {
      // Maintained at ingestion (sqlite/write.ts): one row per alias and person, first seen first.
      return s.stmt("SELECT alias, person, kind, articles, rowid AS ord FROM names ORDER BY rowid").all() as OrderedNameEntry[];
    },

    async acronyms() {
      // Kept at ingestion (write.ts): the distinct forms, first written first, not a scan of every use.
      return s.stmt("SELECT short, long FROM acronym_forms ORDER BY first").all() as Acronym[];
    },

    async quotesBy(speakers, limit, period) {
      if (speakers.length === 0) return [];
      // Each speaker's newest `limit` quotes (of the period) are a range of the (speaker, at, article,
      // paragraph, start) index, read from the index alone; merged here in the same order, then only the
      // quotes kept are read in full (on a large archive every row read is a random read from disk).
      const keys: Row[] = [];
      for (const speaker of new Set(speakers)) {
        const p = new Params("sqlite");
        const sql = `SELECT id, at, article_id, paragraph, start FROM quotes WHERE speaker = ${p.add(speaker)}${p.period(period, "at")}
          ORDER BY at DESC, article_id DESC, paragraph, start LIMIT ${p.add(limit)}`;
        keys.push(...(s.stmt(sql).all(...p.values) as Row[]));
      }
      if (speakers.length > 1) {
        keys.sort(
          (x, y) =>
            (y.at as string).localeCompare(x.at as string) ||
            (y.article_id as number) - (x.article_id as number) ||
            (x.paragraph as number) - (y.paragraph as number) ||
            (x.start as number) - (y.start as number),
        );
      }
      const ids = keys.slice(0, limit).map((k) => k.id as number);
      const rows = s
        .stmt(
          `SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(ids)) as Row[];
      const at = new Map(ids.map((id, i) => [id, i]));
      return rows.sort((x, y) => at.get(x.id as number)! - at.get(y.id as number)!).map(toQuoteHit);
    },

    async quotesByIn(speakers, query, limit, period) {
      const match = ftsMatch(query);
      if (speakers.length === 0 || !match) return [];
      const p = new Params("sqlite");
      // The newest matching articles by rowid, as FTS5 walks them; with a period, skipping those outside it.
      const articles =
        period && (period.from || period.to)
          ? `SELECT articles_fts.rowid AS id FROM articles_fts JOIN articles a INDEXED BY articles_day ON a.id = articles_fts.rowid WHERE articles_fts MATCH ${p.add(match)}${p.period(period)} ORDER BY articles_fts.rowid DESC LIMIT ${p.add(RANKED_MATCHES)}`
          : `SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ${p.add(match)} ORDER BY rowid DESC LIMIT ${p.add(RANKED_MATCHES)}`;
      const sql = quotesInArticlesSql(articles, speakers, limit, p);
      return (s.stmt(sql).all(...p.values) as Row[]).map(toQuoteHit);
    },

    async paragraphs(at) {
      if (at.length === 0) return [];
      const p = new Params("sqlite");
      const sql = bodiesSql([...new Set(at.map((x) => x.article))], p);
      return paragraphsFrom(at, s.stmt(sql).all(...p.values) as Row[]);
    },

    async quoteMonths(speakers, period) {
      if (speakers.length === 0) return [];
      // From the (speaker, at, …) index alone: a count per month, however many quotes.
      const p = new Params("sqlite");
      const sql = `SELECT substr(at, 1, 7) AS month, count(*) AS quotes FROM quotes WHERE ${p.oneOf("speaker", speakers, "text")}${p.period(period, "at")}
        GROUP BY month ORDER BY month`;
      return (s.stmt(sql).all(...p.values) as Row[]).map((r) => ({ month: r.month as string, quotes: r.quotes as number }));
    },

    async termDocs(terms) {
      if (terms.length === 0) return new Map();
      const p = new Params("sqlite");
      const sql = termDocsSql(terms, p);
      return toTermDocs(s.stmt(sql).all(...p.values) as Row[]);
    },

    async articlesSince(since, limit) {
      const rows = s
        .stmt(
          `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE coalesce(a.date, substr(a.added_at, 1, 10)) >= substr(?, 1, 10)
        ORDER BY ${NEWEST} LIMIT ?`,
        )
        .all(since, limit) as Row[];
      return rows.map(toArticle);
    },

    async person(names) {
      if (names.length === 0) return null;
      // Index-only counts (people(name, article_id)); the names and roles from the latest PERSON_ROWS articles.
      const rows = s.db
        .prepare(`SELECT kind, aliases, roles FROM people WHERE name IN (${marks(names)}) ORDER BY article_id DESC LIMIT ?`)
        .all(...names, PERSON_ROWS) as Row[];
      if (rows.length === 0) return null;
      const articles = (s.db.prepare(`SELECT count(DISTINCT article_id) AS n FROM people WHERE name IN (${marks(names)})`).get(...names) as Row).n as number;
      const quotes = (s.db.prepare(`SELECT count(*) AS n FROM quotes WHERE speaker IN (${marks(names)})`).get(...names) as Row).n as number;
      return toPersonFacts(names[0], rows.reverse(), articles, quotes);
    },

    async termsStartingWith(prefix, limit) {
      if (prefix === "") return [];
      // The vocabulary kept at ingestion: a range of its primary key (fts5vocab counted every posting of the range).
      const rows = s
        .stmt("SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY docs DESC, term LIMIT ?")
        .all(prefix, prefix + "\uffff", limit) as Row[];
      return rows.map((r) => r.term as string);
    },

    async stats() {
      const count = (sql: string) => (s.stmt(sql).get() as Row).n as number;
      return {
        files: count("SELECT count(*) AS n FROM files"),
        skipped: count("SELECT count(*) AS n FROM files WHERE skipped IS NOT NULL"),
        articles: count("SELECT count(*) AS n FROM articles"),
        quotes: count("SELECT count(*) AS n FROM quotes"),
        figures: count("SELECT count(*) AS n FROM figures"),
        people: count("SELECT count(DISTINCT name) AS n FROM people"),
      };
    },

    async quotesIn(articleIds, limit) {
      if (articleIds.length === 0) return [];
      const rows = s.db
        .prepare(
          `SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.article_id IN (${marks(articleIds)}) ORDER BY q.paragraph, q.start`,
        )
        .all(...articleIds) as Row[];
      return inOrder(rows.map(toQuoteHit), articleIds).slice(0, limit);
    },

    async figuresIn(articleIds, limit) {
      if (articleIds.length === 0) return [];
      const rows = s.db
        .prepare(
          `SELECT g.*, ${ARTICLE_COLUMNS} FROM figures g JOIN articles a ON a.id = g.article_id
        WHERE g.article_id IN (${marks(articleIds)}) ORDER BY g.paragraph, g.start`,
        )
        .all(...articleIds) as Row[];
      return inOrder(rows.map(toFigureHit), articleIds).slice(0, limit);
    },

    async peopleIn(articleIds, limit) {
      if (articleIds.length === 0) return [];
      const rows = s.db
        .prepare(
          `SELECT name, min(kind) AS kind, sum(mentions) AS mentions, count(DISTINCT article_id) AS articles FROM people
        WHERE article_id IN (${marks(articleIds)}) GROUP BY name ORDER BY mentions DESC, articles DESC, name LIMIT ?`,
        )
        .all(...articleIds, limit) as Row[];
      return rows.map(toPersonMentions);
    },

    async revision() {
      return Number((s.stmt("SELECT value FROM meta WHERE key = 'revision'").get() as Row | undefined)?.value ?? 0);
    },
  };
}

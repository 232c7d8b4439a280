// What commands and the digest read from the PostgreSQL archive: indexed look-ups only, each bounded.
import { ARTICLE_COLUMNS, NEWEST, inOrder, toArticle, toFigureHit, toPersonFacts, toPersonMentions, toQuoteHit } from "../rows.ts";
import { Params, bodiesSql, paragraphsFrom, quotesInArticlesSql, termDocsSql, toTermDocs } from "../shared-sql.ts";
import { PERSON_ROWS, RANKED_MATCHES, type ArchiveReader } from "../store.ts";
import type { OrderedNameEntry } from "../names/identities.ts";
import type { PgDb } from "./db.ts";
import { postgresNames } from "./names.ts";
import { postgresSearch } from "./search.ts";
import { planQuery } from "./text.ts";

export function postgresReader(db: PgDb): ArchiveReader {
  return {
    ...postgresSearch(db),
    ...postgresNames(db),

    async names() {
      // Kept at ingestion (deltas.ts): a start reads the dictionary, not every people row.
      const rows = await db.rows("SELECT alias, person, kind, articles, id AS ord FROM names ORDER BY id");
      return rows as unknown as OrderedNameEntry[];
    },

    async acronyms() {
      // Kept at ingestion (deltas.ts): the distinct forms, first written first, not a scan of every use.
      const rows = await db.rows("SELECT short, long FROM acronym_forms ORDER BY first");
      return rows.map((r) => ({ short: r.short as string, long: r.long as string }));
    },

    async quotesBy(speakers, limit, period) {
      if (speakers.length === 0) return [];
      // Each speaker's newest `limit` (of the period) are a range of the (speaker, at, …) index; merged, the
      // newest `limit` of all are read with their articles. Ordering by the article's day made the planner
      // walk every article newest first, probing each for the speaker's quotes (1.3 s for 2,000 quotes at 100k).
      const p = new Params("postgres");
      const order = "at DESC, article_id DESC, paragraph, start";
      const newest = `SELECT k.id FROM unnest(${p.add([...new Set(speakers)])}::text[]) AS s(name) CROSS JOIN LATERAL (
          SELECT id, at, article_id, paragraph, start FROM quotes WHERE speaker = s.name${p.period(period, "at")} ORDER BY ${order} LIMIT ${p.add(limit)}) k
        ORDER BY ${order} LIMIT ${p.add(limit)}`;
      const rows = await db.rows(
        `SELECT q.*, ${ARTICLE_COLUMNS} FROM (${newest}) top JOIN quotes q ON q.id = top.id JOIN articles a ON a.id = q.article_id
        ORDER BY q.at DESC, q.article_id DESC, q.paragraph, q.start`,
        p.values,
      );
      return rows.map(toQuoteHit);
    },

    async quotesByIn(speakers, query, limit, period) {
      const plan = planQuery(query);
      if (speakers.length === 0 || !plan) return [];
      // The newest matching articles by id, as the SQLite store takes them from FTS5 (GIN finds them).
      const p = new Params("postgres");
      const articles = `SELECT a.id FROM articles a WHERE a.tsv @@ ${p.add(plan.tsquery)}::tsquery${p.period(period)} ORDER BY a.id DESC LIMIT ${p.add(RANKED_MATCHES)}`;
      return (await db.rows(quotesInArticlesSql(articles, speakers, limit, p), p.values)).map(toQuoteHit);
    },

    async paragraphs(at) {
      if (at.length === 0) return [];
      const p = new Params("postgres");
      const sql = bodiesSql([...new Set(at.map((x) => x.article))], p);
      return paragraphsFrom(at, await db.rows(sql, p.values));
    },

    async quoteMonths(speakers, period) {
      if (speakers.length === 0) return [];
      // The quote's day is its article's (the SQLite store keeps it on the quote, as `at`).
      const p = new Params("postgres");
      // From the (speaker, at, …) index: each quote carries its article's day.
      const rows = await db.rows(
        `SELECT substr(q.at, 1, 7) AS month, count(*) AS quotes FROM quotes q
        WHERE ${p.oneOf("q.speaker", speakers, "text")}${p.period(period, "q.at")} GROUP BY month ORDER BY month`,
        p.values,
      );
      return rows.map((r) => ({ month: r.month as string, quotes: Number(r.quotes) }));
    },

    async termDocs(terms) {
      if (terms.length === 0) return new Map();
      const p = new Params("postgres");
      return toTermDocs(await db.rows(termDocsSql(terms, p), p.values));
    },

    async articlesSince(since, limit) {
      const rows = await db.rows(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE coalesce(a.date, substr(a.added_at, 1, 10)) >= substr($1, 1, 10)
        ORDER BY ${NEWEST} LIMIT $2`,
        [since, limit],
      );
      return rows.map(toArticle);
    },

    async person(names) {
      if (names.length === 0) return null;
      const [rows, [counts]] = await Promise.all([
        db.rows("SELECT kind, aliases, roles FROM people WHERE name = ANY($1::text[]) ORDER BY article_id DESC, id DESC LIMIT $2", [names, PERSON_ROWS]),
        db.rows(
          `SELECT (SELECT count(DISTINCT article_id) FROM people WHERE name = ANY($1::text[])) AS articles,
          (SELECT count(*) FROM quotes WHERE speaker = ANY($1::text[])) AS quotes`,
          [names],
        ),
      ]);
      if (rows.length === 0) return null;
      return toPersonFacts(names[0], rows.reverse(), counts.articles as number, counts.quotes as number);
    },

    async termsStartingWith(prefix, limit) {
      if (prefix === "") return [];
      // A range on the byte-ordered primary key: the words of one prefix, whatever the archive's size.
      const rows = await db.rows("SELECT term FROM terms WHERE term >= $1 AND term < $2 ORDER BY docs DESC, term LIMIT $3", [
        prefix,
        prefix + "\u{10FFFF}",
        limit,
      ]);
      return rows.map((r) => r.term as string);
    },

    async stats() {
      const [r] = await db.rows(`SELECT (SELECT count(*) FROM files) AS files, (SELECT count(*) FROM files WHERE skipped IS NOT NULL) AS skipped,
        (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM figures) AS figures,
        (SELECT count(DISTINCT name) FROM people) AS people`);
      return {
        files: r.files as number,
        skipped: r.skipped as number,
        articles: r.articles as number,
        quotes: r.quotes as number,
        figures: r.figures as number,
        people: r.people as number,
      };
    },

    async quotesIn(articleIds, limit) {
      if (articleIds.length === 0) return [];
      const rows = await db.rows(
        `SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.article_id = ANY($1::bigint[]) ORDER BY q.paragraph, q.start, q.id`,
        [articleIds],
      );
      return inOrder(rows.map(toQuoteHit), articleIds).slice(0, limit);
    },

    async figuresIn(articleIds, limit) {
      if (articleIds.length === 0) return [];
      const rows = await db.rows(
        `SELECT g.*, ${ARTICLE_COLUMNS} FROM figures g JOIN articles a ON a.id = g.article_id
        WHERE g.article_id = ANY($1::bigint[]) ORDER BY g.paragraph, g.start, g.id`,
        [articleIds],
      );
      return inOrder(rows.map(toFigureHit), articleIds).slice(0, limit);
    },

    async peopleIn(articleIds, limit) {
      if (articleIds.length === 0) return [];
      const rows = await db.rows(
        `SELECT name, min(kind) AS kind, sum(mentions) AS mentions, count(DISTINCT article_id) AS articles FROM people
        WHERE article_id = ANY($1::bigint[]) GROUP BY name ORDER BY mentions DESC, articles DESC, name LIMIT $2`,
        [articleIds, limit],
      );
      return rows.map(toPersonMentions);
    },

    async revision() {
      const [r] = await db.rows("SELECT value FROM newsbot_state WHERE key = 'revision'");
      return (r?.value as number) ?? 0;
    },
  };
}

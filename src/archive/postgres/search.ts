// Text queries on the PostgreSQL archive: the GIN index finds the candidates, and text.ts checks and ranks
// them with FTS5's bm25 (the scores the SQLite store sorts by), so both stores answer alike.
import { ARTICLE_COLUMNS, OCCURRENCE_COLUMNS, inIdOrder, toArticle, toFigureHit, toOccurrence, toQuoteHit, type Row } from "../rows.ts";
import { Params } from "../shared-sql.ts";
import { RANKED_MATCHES, type ArchiveReader, type Period } from "../store.ts";
import type { PgDb } from "./db.ts";
import { bm25, instances, matches, planQuery, snippet, tokenize, type TextPlan, type Token } from "./text.ts";

/** Column weights, as the SQLite store passes them to bm25(). */
const FIGURE_WEIGHTS = [6, 4, 2, 1];
const ARTICLE_WEIGHTS = [4, 1];

export function postgresSearch(db: PgDb): Pick<ArchiveReader, "quotesMatching" | "quotesWithWords" | "quotesById" | "figuresMatching" | "articlesMatching"> {
  return {
    async quotesMatching(query, limit, period) {
      const plan = planQuery(query);
      if (!plan) return [];
      const ranked = await rank(db, plan, "quotes", "text", (r) => [r.text as string], [1], limit, period);
      if (ranked.length === 0) return [];
      const rows = await db.rows(`SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ANY($1::bigint[])`, [
        ranked.map((r) => r.id),
      ]);
      return inRankOrder(rows, ranked, "id").map(toQuoteHit);
    },

    async quotesWithWords(words, speaker) {
      const plan = planQuery({ groups: words.map((w) => [w]) });
      if (!plan) return [];
      // Single words: the GIN index's answer is exact (no phrase to check), and nothing is ranked, so the
      // rows are read once, with no phrase counts and no texts scored.
      const p = new Params("postgres");
      const who = speaker === null ? "" : ` AND (q.speaker = ${p.add(speaker)} OR q.speaker IS NULL)`;
      const rows = await db.rows(
        `SELECT ${OCCURRENCE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.tsv @@ ${p.add(plan.tsquery)}::tsquery${who} ORDER BY q.id DESC LIMIT ${p.add(RANKED_MATCHES)}`,
        p.values,
      );
      return rows.map(toOccurrence);
    },

    async quotesById(ids) {
      if (ids.length === 0) return [];
      const rows = await db.rows(`SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ANY($1::bigint[])`, [ids]);
      return inIdOrder(rows, ids).map(toQuoteHit);
    },

    async figuresMatching(query, limit, period) {
      const plan = planQuery(query);
      if (!plan) return [];
      // The figure's own sentence weighs most, then what it measures, then the sentences it refers back to,
      // then the headline.
      const ranked = await rank(
        db,
        plan,
        "figures",
        "sentence, measure, context, title",
        (r) => [r.sentence as string, r.measure as string, r.context as string, r.title as string],
        FIGURE_WEIGHTS,
        limit,
        period,
      );
      if (ranked.length === 0) return [];
      const rows = await db.rows(`SELECT g.*, ${ARTICLE_COLUMNS} FROM figures g JOIN articles a ON a.id = g.article_id WHERE g.id = ANY($1::bigint[])`, [
        ranked.map((r) => r.id),
      ]);
      return inRankOrder(rows, ranked, "id").map(toFigureHit);
    },

    async articlesMatching(query, limit, period) {
      const plan = planQuery(query);
      if (!plan) return [];
      const ranked = await rank(db, plan, "articles", "title, body", (r) => [r.title as string, r.body as string], ARTICLE_WEIGHTS, limit, period);
      if (ranked.length === 0) return [];
      const rows = await db.rows(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ANY($1::bigint[])`, [ranked.map((r) => r.id)]);
      return inRankOrder(rows, ranked, "a_id").map((r) => {
        const hit = ranked.find((x) => x.id === r.a_id)!;
        const body = hit.texts[1];
        return { article: toArticle(r), snippet: snippet(plan, body, hit.tokens[1], hit.found, 1, "…", 24) };
      });
    },
  };
}

/**
 * The rows of `table` matching the plan, best first, at most `limit`: found by the GIN index, checked and
 * scored with FTS5's bm25 over their words (the same scores the SQLite store sorts by), ties by id.
 */
async function rank(
  db: PgDb,
  plan: TextPlan,
  table: "quotes" | "figures" | "articles",
  columns: string,
  texts: (r: Row) => string[],
  weights: number[],
  limit: number,
  period?: Period | null,
) {
  const [totals, phraseRows] = await Promise.all([db.rows("SELECT rows, tokens FROM fts_totals WHERE name = $1", [table]), phraseCounts(db, plan, table)]);
  // Ids first: the texts (an article's body is stored out of line) are read for the chosen rows only. Past
  // RANKED_MATCHES matches, the most recently added are ranked, as in the SQLite store.
  // With a period, the matches in articles of that period (as the SQLite store's walk skips the others).
  const p = new Params("postgres");
  const join = !(period?.from || period?.to) ? "" : table === "articles" ? "JOIN articles a ON a.id = t.id" : "JOIN articles a ON a.id = t.article_id";
  const sql = `SELECT t.id FROM ${table} t ${join} WHERE t.tsv @@ ${p.add(plan.tsquery)}::tsquery${join ? p.period(period) : ""} ORDER BY t.id DESC LIMIT ${p.add(RANKED_MATCHES)}`;
  const ids = (await db.rows(sql, p.values)).map((r) => r.id as number);
  const rows = ids.length ? await db.rows(`SELECT id, ${columns} FROM ${table} WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]) : [];
  const stats = { rows: Math.max(1, (totals[0]?.rows as number) ?? 1), tokens: (totals[0]?.tokens as number) ?? 0, phraseRows };
  const scored: { id: number; score: number; texts: string[]; tokens: Token[][]; found: ReturnType<typeof instances> }[] = [];
  for (const r of rows) {
    const t = texts(r);
    const tokens = t.map(tokenize);
    const found = instances(plan, tokens);
    if (!matches(plan, found)) continue;
    const size = tokens.reduce((n, x) => n + x.length, 0);
    scored.push({ id: r.id as number, score: bm25(plan, found, size, stats, weights), texts: t, tokens, found });
  }
  return scored.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
}

/**
 * Rows holding each phrase (bm25's weight of it). A one-word phrase's count is kept at ingestion (`terms` for
 * articles, `row_terms` for quotes and figures); a longer phrase, or a word the table does not list (none holds
 * it, or a first ingest has not counted yet), is counted over its matching rows, which for a common word means
 * visiting every one of them.
 */
async function phraseCounts(db: PgDb, plan: TextPlan, table: "quotes" | "figures" | "articles"): Promise<number[]> {
  const single = [...new Set(plan.phrases.filter((p) => p.length === 1).map((p) => p[0]))];
  const kept = new Map<string, number>();
  if (single.length) {
    const rows =
      table === "articles"
        ? await db.rows("SELECT term, docs AS n FROM terms WHERE term = ANY($1::text[])", [single])
        : await db.rows("SELECT term, rows AS n FROM row_terms WHERE tbl = $1 AND term = ANY($2::text[])", [table, single]);
    for (const r of rows) kept.set(r.term as string, Number(r.n));
  }
  const counted = plan.phrases.map((p, i) => (p.length === 1 && kept.has(p[0]) ? null : plan.phraseQueries[i]));
  const left = counted.filter((q): q is string => q !== null);
  const counts = left.length
    ? (
        await db.rows(`SELECT (SELECT count(*) FROM ${table} WHERE tsv @@ p.q::tsquery) AS n FROM unnest($1::text[]) WITH ORDINALITY AS p(q, i) ORDER BY i`, [
          left,
        ])
      ).map((r) => Number(r.n))
    : [];
  let next = 0;
  return plan.phrases.map((p, i) => (counted[i] === null ? kept.get(p[0])! : counts[next++]));
}

function inRankOrder(rows: Row[], ranked: { id: number }[], key: string): Row[] {
  const byId = new Map(rows.map((r) => [r[key] as number, r]));
  return ranked.map((r) => byId.get(r.id)).filter((r): r is Row => r !== undefined);
}

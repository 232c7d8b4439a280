// The archive in PostgreSQL (NEWSBOT_DATABASE_URL), for several bot replicas on one database. Same contract
// and same answers as the SQLite store (tests/archive/contract.ts runs against both): words are indexed with
// tsvector + GIN and ranked with FTS5's bm25 (postgres-text.ts); every write is a transaction, one per file.
import pg from "pg";
import type { Acronym } from "../extract/types.ts";
import { describeUrl } from "../config.ts";
import type { Logger } from "../log.ts";
import { WRITE_LOCK, migrate } from "./postgres-schema.ts";
import {
  bm25, distinctTerms, instances, matches, planQuery, snippet, tokenize, tsvectorOf, type TextPlan, type Token,
} from "./postgres-text.ts";
import {
  PERSON_ROWS, RANKED_MATCHES, type ArchiveStats, type ArchiveStore, type ArticleHit, type ArticleMeta, type DigestStatus, type FigureHit,
  type FileState, type IndexedArticle, type NameEntry, type PersonFacts, type PersonMentions, type QuoteHit, type TextQuery,
} from "./store.ts";
import { ARTICLE_COLUMNS, NEWEST, inOrder, nameKeys, toArticle, toFigure, toPersonFacts, toQuoteHit, type Row } from "./rows.ts";

type Queryable = pg.Pool | pg.PoolClient;

/** bigint and numeric come back as numbers: counts and sizes here stay far below 2^53. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** Articles written in one transaction at most (a file with more gets one of its own). */
const ARTICLES_PER_TRANSACTION = 250;

/** Column weights, as the SQLite store passes them to bm25(). */
const FIGURE_WEIGHTS = [6, 4, 2, 1];
const ARTICLE_WEIGHTS = [4, 1];

export class PostgresStore implements ArchiveStore {
  readonly kind = "postgres" as const;
  private closed = false;

  private constructor(private pool: pg.Pool) {}

  /** Connects, then creates or upgrades the tables. A server that cannot be reached is one clear line. */
  static async connect(url: string, log: Logger): Promise<PostgresStore> {
    const where = describeUrl(url);
    const pool = new pg.Pool({ connectionString: url, types, max: 4, connectionTimeoutMillis: 10_000 });
    // An idle connection that breaks (the server restarts) must not take the process down.
    pool.on("error", (e) => log.warn(`PostgreSQL connection to ${where} lost: ${e.message}`));
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      await pool.end().catch(() => {});
      const err = e as NodeJS.ErrnoException;
      throw new Error(`Cannot open the PostgreSQL archive at ${where} (NEWSBOT_DATABASE_URL), the server cannot be reached: ${err.code && !err.message.includes(err.code) ? `${err.code} ` : ""}${err.message}`);
    }
    try {
      const result = await migrate(client);
      if (result !== "current") log.info(result === "created" ? `PostgreSQL archive created at ${where}` : `PostgreSQL archive at ${where} rebuilt for a new layout: every file is read again`);
    } catch (e) {
      client.release();
      await pool.end().catch(() => {});
      throw new Error(`Cannot open the PostgreSQL archive at ${where} (NEWSBOT_DATABASE_URL), its tables cannot be prepared: ${(e as Error).message}`);
    }
    client.release();
    return new PostgresStore(pool);
  }

  /** Runs `work` in one transaction that holds the writers' lock, so writers take turns and never deadlock. */
  private async write<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
      const out = await work(client);
      await client.query("COMMIT");
      return out;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  private async rows(sql: string, params: unknown[] = [], on: Queryable = this.pool): Promise<Row[]> {
    return (await on.query(sql, params)).rows as Row[];
  }

  async fileStates(): Promise<Map<string, FileState>> {
    const rows = await this.rows("SELECT path, size, mtime_ms, hash, skipped FROM files");
    return new Map(rows.map((r) => [r.path as string, { path: r.path as string, size: r.size as number, mtimeMs: r.mtime_ms as number, hash: r.hash as string, skipped: (r.skipped as string) ?? null }]));
  }

  async putFiles(files: { state: FileState; articles: IndexedArticle[] }[]): Promise<void> {
    // Whole files per transaction: a process killed in the middle leaves each file as it was before. A
    // few hundred articles share one, so the vocabulary and totals (the same common words in every
    // article) are updated once for them rather than once per file: 4x faster on the BBC corpus.
    for (let i = 0; i < files.length; ) {
      const group: typeof files = [];
      let size = 0;
      while (i < files.length && (group.length === 0 || size + files[i].articles.length <= ARTICLES_PER_TRANSACTION)) {
        size += files[i].articles.length;
        group.push(files[i++]);
      }
      await this.write(async (c) => {
        const delta = new Deltas();
        for (const { state, articles } of group) {
          await dropFile(c, state.path, delta);
          await saveState(c, state);
          await insertArticles(c, state.path, articles, delta);
        }
        await delta.apply(c);
        await bumpRevision(c);
      });
    }
  }

  async markSkipped(state: FileState): Promise<void> {
    await this.write(async (c) => {
      const delta = new Deltas();
      await dropFile(c, state.path, delta);
      await saveState(c, state);
      await delta.apply(c);
      await bumpRevision(c);
    });
  }

  async touchFile(state: FileState): Promise<void> {
    await saveState(this.pool, state);
  }

  async removeFiles(paths: string[]): Promise<void> {
    await this.write(async (c) => {
      const delta = new Deltas();
      for (const p of paths) {
        await dropFile(c, p, delta);
        await c.query("DELETE FROM files WHERE path = $1", [p]);
      }
      await delta.apply(c);
      await bumpRevision(c);
    });
  }

  async getMeta(key: string): Promise<string | null> {
    const rows = await this.rows("SELECT value FROM meta WHERE key = $1", [key]);
    return (rows[0]?.value as string) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.pool.query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value]);
  }

  async names(): Promise<NameEntry[]> {
    // Kept at ingestion (Deltas.names): a start reads the dictionary, not every people row.
    const rows = await this.rows("SELECT alias, person, kind, articles FROM names ORDER BY id");
    return rows as unknown as NameEntry[];
  }

  async acronyms(): Promise<Acronym[]> {
    const rows = await this.rows("SELECT short, long FROM acronyms GROUP BY short, long ORDER BY min(id)");
    return rows.map((r) => ({ short: r.short as string, long: r.long as string }));
  }

  async quotesBy(speakers: string[], limit: number): Promise<QuoteHit[]> {
    if (speakers.length === 0) return [];
    const rows = await this.rows(`SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
      WHERE q.speaker = ANY($1::text[]) ORDER BY ${NEWEST}, q.paragraph, q.start LIMIT $2`, [speakers, limit]);
    return rows.map(toQuoteHit);
  }

  async quotesMatching(query: TextQuery, limit: number): Promise<QuoteHit[]> {
    const plan = planQuery(query);
    if (!plan) return [];
    const ranked = await this.rank(plan, "quotes", "text", (r) => [r.text as string], [1], limit);
    if (ranked.length === 0) return [];
    const rows = await this.rows(`SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ANY($1::bigint[])`, [ranked.map((r) => r.id)]);
    return inRankOrder(rows, ranked, "id").map(toQuoteHit);
  }

  async figuresMatching(query: TextQuery, limit: number): Promise<FigureHit[]> {
    const plan = planQuery(query);
    if (!plan) return [];
    // The figure's own sentence weighs most, then what it measures, then the sentences it refers back to,
    // then the headline.
    const ranked = await this.rank(plan, "figures", "sentence, measure, context, title",
      (r) => [r.sentence as string, r.measure as string, r.context as string, r.title as string], FIGURE_WEIGHTS, limit);
    if (ranked.length === 0) return [];
    const rows = await this.rows(`SELECT g.*, ${ARTICLE_COLUMNS} FROM figures g JOIN articles a ON a.id = g.article_id WHERE g.id = ANY($1::bigint[])`, [ranked.map((r) => r.id)]);
    return inRankOrder(rows, ranked, "id").map((r) => ({ figure: toFigure(r), article: toArticle(r) }));
  }

  async articlesMatching(query: TextQuery, limit: number): Promise<ArticleHit[]> {
    const plan = planQuery(query);
    if (!plan) return [];
    const ranked = await this.rank(plan, "articles", "title, body", (r) => [r.title as string, r.body as string], ARTICLE_WEIGHTS, limit);
    if (ranked.length === 0) return [];
    const rows = await this.rows(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ANY($1::bigint[])`, [ranked.map((r) => r.id)]);
    return inRankOrder(rows, ranked, "a_id").map((r) => {
      const hit = ranked.find((x) => x.id === r.a_id)!;
      const body = hit.texts[1];
      return { article: toArticle(r), snippet: snippet(plan, body, hit.tokens[1], hit.found, 1, "…", 24) };
    });
  }

  /**
   * The rows of `table` matching the plan, best first, at most `limit`: found by the GIN index, checked and
   * scored with FTS5's bm25 over their words (the same scores the SQLite store sorts by), ties by id.
   */
  private async rank(plan: TextPlan, table: "quotes" | "figures" | "articles", columns: string, texts: (r: Row) => string[], weights: number[], limit: number) {
    const [totals, counts] = await Promise.all([
      this.rows("SELECT rows, tokens FROM fts_totals WHERE name = $1", [table]),
      this.rows(`SELECT i, (SELECT count(*) FROM ${table} WHERE tsv @@ p.q::tsquery) AS n FROM unnest($1::text[]) WITH ORDINALITY AS p(q, i) ORDER BY i`, [plan.phraseQueries]),
    ]);
    // Ids first: the texts (an article's body is stored out of line) are read for the chosen rows only. Past
    // RANKED_MATCHES matches, the most recently added are ranked, as in the SQLite store.
    const ids = (await this.rows(`SELECT id FROM ${table} WHERE tsv @@ $1::tsquery ORDER BY id DESC LIMIT $2`, [plan.tsquery, RANKED_MATCHES])).map((r) => r.id as number);
    const rows = ids.length ? await this.rows(`SELECT id, ${columns} FROM ${table} WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]) : [];
    const stats = { rows: Math.max(1, (totals[0]?.rows as number) ?? 1), tokens: (totals[0]?.tokens as number) ?? 0, phraseRows: counts.map((c) => c.n as number) };
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

  async articlesSince(since: string, limit: number): Promise<ArticleMeta[]> {
    const rows = await this.rows(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE coalesce(a.date, substr(a.added_at, 1, 10)) >= substr($1, 1, 10)
      ORDER BY ${NEWEST} LIMIT $2`, [since, limit]);
    return rows.map(toArticle);
  }

  async person(names: string[]): Promise<PersonFacts | null> {
    if (names.length === 0) return null;
    const [rows, [counts]] = await Promise.all([
      this.rows("SELECT kind, aliases, roles FROM people WHERE name = ANY($1::text[]) ORDER BY article_id DESC, id DESC LIMIT $2", [names, PERSON_ROWS]),
      this.rows(`SELECT (SELECT count(DISTINCT article_id) FROM people WHERE name = ANY($1::text[])) AS articles,
        (SELECT count(*) FROM quotes WHERE speaker = ANY($1::text[])) AS quotes`, [names]),
    ]);
    if (rows.length === 0) return null;
    return toPersonFacts(names[0], rows.reverse(), counts.articles as number, counts.quotes as number);
  }

  async termsStartingWith(prefix: string, limit: number): Promise<string[]> {
    if (prefix === "") return [];
    // A range on the byte-ordered primary key: the words of one prefix, whatever the archive's size.
    const rows = await this.rows("SELECT term FROM terms WHERE term >= $1 AND term < $2 ORDER BY docs DESC, term LIMIT $3", [prefix, prefix + "\u{10FFFF}", limit]);
    return rows.map((r) => r.term as string);
  }

  async stats(): Promise<ArchiveStats> {
    const [r] = await this.rows(`SELECT (SELECT count(*) FROM files) AS files, (SELECT count(*) FROM files WHERE skipped IS NOT NULL) AS skipped,
      (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM figures) AS figures,
      (SELECT count(DISTINCT name) FROM people) AS people`);
    return { files: r.files as number, skipped: r.skipped as number, articles: r.articles as number, quotes: r.quotes as number, figures: r.figures as number, people: r.people as number };
  }

  async quotesIn(articleIds: number[], limit: number): Promise<QuoteHit[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.rows(`SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
      WHERE q.article_id = ANY($1::bigint[]) ORDER BY q.paragraph, q.start, q.id`, [articleIds]);
    return inOrder(rows.map(toQuoteHit), articleIds).slice(0, limit);
  }

  async figuresIn(articleIds: number[], limit: number): Promise<FigureHit[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.rows(`SELECT g.*, ${ARTICLE_COLUMNS} FROM figures g JOIN articles a ON a.id = g.article_id
      WHERE g.article_id = ANY($1::bigint[]) ORDER BY g.paragraph, g.start, g.id`, [articleIds]);
    return inOrder(rows.map((r) => ({ figure: toFigure(r), article: toArticle(r) })), articleIds).slice(0, limit);
  }

  async peopleIn(articleIds: number[], limit: number): Promise<PersonMentions[]> {
    if (articleIds.length === 0) return [];
    const rows = await this.rows(`SELECT name, min(kind) AS kind, sum(mentions) AS mentions, count(DISTINCT article_id) AS articles FROM people
      WHERE article_id = ANY($1::bigint[]) GROUP BY name ORDER BY mentions DESC, articles DESC, name LIMIT $2`, [articleIds, limit]);
    return rows.map((r) => ({ name: r.name as string, kind: r.kind as PersonMentions["kind"], mentions: r.mentions as number, articles: r.articles as number }));
  }

  async claimDigest(channel: string, scheduledAt: string, owner: string): Promise<boolean> {
    const r = await this.pool.query("INSERT INTO digests (channel, scheduled_at, owner, status, claimed_at) VALUES ($1, $2, $3, 'claimed', $4) ON CONFLICT DO NOTHING",
      [channel, scheduledAt, owner, new Date().toISOString()]);
    return r.rowCount === 1;
  }

  async finishDigest(channel: string, scheduledAt: string, status: Exclude<DigestStatus, "claimed">, detail?: string): Promise<void> {
    await this.pool.query("UPDATE digests SET status = $1, detail = $2, finished_at = $3 WHERE channel = $4 AND scheduled_at = $5",
      [status, detail ?? null, new Date().toISOString(), channel, scheduledAt]);
  }

  async lastDigest(channel: string): Promise<{ scheduledAt: string; status: DigestStatus } | null> {
    const [r] = await this.rows("SELECT scheduled_at, status FROM digests WHERE channel = $1 ORDER BY scheduled_at DESC LIMIT 1", [channel]);
    return r ? { scheduledAt: r.scheduled_at as string, status: r.status as DigestStatus } : null;
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    // One statement, by the database's clock: the conflicting row is locked and re-checked, so of two
    // replicas asking at once only one finds the lease free.
    const r = await this.pool.query(`INSERT INTO leases (name, owner, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
      ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
      WHERE leases.owner = excluded.owner OR leases.expires_at < now()`, [name, owner, ttlMs]);
    return r.rowCount === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.pool.query("DELETE FROM leases WHERE name = $1 AND owner = $2", [name, owner]);
  }

  async revision(): Promise<number> {
    const [r] = await this.rows("SELECT value FROM newsbot_state WHERE key = 'revision'");
    return (r?.value as number) ?? 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Inside each writing transaction, so a reader never sees new content under an old revision. */
async function bumpRevision(c: pg.PoolClient): Promise<void> {
  await c.query("UPDATE newsbot_state SET value = value + 1 WHERE key = 'revision'");
}

async function saveState(c: Queryable, s: FileState): Promise<void> {
  await c.query(`INSERT INTO files (path, size, mtime_ms, hash, skipped) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, hash = excluded.hash, skipped = excluded.skipped`,
  [s.path, s.size, s.mtimeMs, s.hash, s.skipped]);
}

/** What a transaction changes in the vocabulary and in the row and word totals, applied once at its end. */
class Deltas {
  terms = new Map<string, number>();
  /** (alias, person) → articles added or removed, in the order first seen (the dictionary's order). */
  names = new Map<string, { alias: string; person: string; kind: string; n: number }>();
  totals = new Map<string, { rows: number; tokens: number }>([["articles", { rows: 0, tokens: 0 }], ["quotes", { rows: 0, tokens: 0 }], ["figures", { rows: 0, tokens: 0 }]]);

  name(person: string, kind: string, aliases: string[], n: number) {
    for (const alias of nameKeys(person, aliases)) {
      const key = `${alias}\u0000${person}`;
      const e = this.names.get(key);
      if (e) e.n += n;
      else this.names.set(key, { alias, person, kind, n });
    }
  }

  term(t: string, n: number) {
    this.terms.set(t, (this.terms.get(t) ?? 0) + n);
  }

  total(name: string, rows: number, tokens: number) {
    const t = this.totals.get(name)!;
    t.rows += rows;
    t.tokens += tokens;
  }

  async apply(c: pg.PoolClient) {
    const changed = [...this.terms].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (changed.length) {
      const terms = changed.map(([t]) => t);
      await c.query(`INSERT INTO terms (term, docs) SELECT * FROM unnest($1::text[], $2::int[])
        ON CONFLICT (term) DO UPDATE SET docs = terms.docs + excluded.docs`, [terms, changed.map(([, n]) => n)]);
      await c.query("DELETE FROM terms WHERE term = ANY($1::text[]) AND docs <= 0", [terms]);
    }
    const names = [...this.names.values()].filter((e) => e.n !== 0);
    if (names.length) {
      await c.query(`INSERT INTO names (alias, person, kind, articles) SELECT u.a, u.p, u.k, u.n
        FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) WITH ORDINALITY AS u(a, p, k, n, i) ORDER BY u.i
        ON CONFLICT (alias, person) DO UPDATE SET articles = names.articles + excluded.articles`,
      [names.map((e) => e.alias), names.map((e) => e.person), names.map((e) => e.kind), names.map((e) => e.n)]);
      await c.query("DELETE FROM names WHERE articles <= 0 AND (alias, person) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
        [names.map((e) => e.alias), names.map((e) => e.person)]);
    }
    const totals = [...this.totals].filter(([, t]) => t.rows !== 0 || t.tokens !== 0);
    if (totals.length) {
      await c.query(`UPDATE fts_totals f SET rows = f.rows + d.rows, tokens = f.tokens + d.tokens
        FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(name, rows, tokens) WHERE f.name = d.name`,
      [totals.map(([n]) => n), totals.map(([, t]) => t.rows), totals.map(([, t]) => t.tokens)]);
    }
  }
}

async function dropFile(c: pg.PoolClient, path: string, delta: Deltas): Promise<void> {
  const articles = (await c.query("SELECT id, tokens, tsvector_to_array(tsv) AS terms FROM articles WHERE file = $1", [path])).rows as Row[];
  if (articles.length === 0) return;
  const ids = articles.map((a) => a.id as number);
  for (const a of articles) {
    delta.total("articles", -1, -(a.tokens as number));
    for (const t of a.terms as string[]) delta.term(t, -1);
  }
  for (const p of (await c.query("SELECT name, kind, aliases FROM people WHERE article_id = ANY($1::bigint[]) ORDER BY id", [ids])).rows as Row[]) {
    delta.name(p.name as string, p.kind as string, JSON.parse(p.aliases as string) as string[], -1);
  }
  for (const table of ["quotes", "figures"]) {
    const [r] = (await c.query(`SELECT count(*) AS n, coalesce(sum(tokens), 0) AS t FROM ${table} WHERE article_id = ANY($1::bigint[])`, [ids])).rows as Row[];
    delta.total(table, -(r.n as number), -(r.t as number));
  }
  // Quotes, figures, people and acronyms go with their article (ON DELETE CASCADE).
  await c.query("DELETE FROM articles WHERE id = ANY($1::bigint[])", [ids]);
}

async function insertArticles(c: pg.PoolClient, file: string, articles: IndexedArticle[], delta: Deltas): Promise<void> {
  if (articles.length === 0) return;
  const ids = ((await c.query("SELECT nextval('articles_id_seq') AS id FROM generate_series(1, $1)", [articles.length])).rows as Row[]).map((r) => r.id as number);
  const now = new Date().toISOString();
  const a = columns(11);
  const q = columns(11);
  const f = columns(16);
  const p = columns(6);
  const ac = columns(3);
  articles.forEach(({ record: r, extraction: x }, i) => {
    const id = ids[i];
    const body = r.paragraphs.join("\n\n");
    const titleTokens = tokenize(r.title);
    const bodyTokens = tokenize(body);
    const size = titleTokens.length + bodyTokens.length;
    delta.total("articles", 1, size);
    for (const t of distinctTerms([titleTokens, bodyTokens])) delta.term(t, 1);
    a.push(id, r.key, r.title, r.date, r.byline, r.outlet, r.url, r.section, JSON.stringify(r.tags), body, size);
    a.extra.push(tsvectorOf([titleTokens, bodyTokens]));
    for (const x1 of x.quotes) {
      const tokens = tokenize(x1.text);
      delta.total("quotes", 1, tokens.length);
      q.push(id, x1.text, x1.speaker, x1.cue, x1.partial, x1.confidence, x1.paragraph, x1.start, x1.end, JSON.stringify(x1.mentions), tokens.length);
      q.extra.push(tsvectorOf([tokens]));
    }
    for (const g of x.figures) {
      const cols = [g.sentence, g.measure, g.context, r.title].map(tokenize);
      const size2 = cols.reduce((n, t) => n + t.length, 0);
      delta.total("figures", 1, size2);
      f.push(id, g.text, g.value, g.unit, g.per, g.approx, g.upTo, g.measure, g.source, g.sentence, g.context, g.paragraph, g.start, g.end, r.title, size2);
      f.extra.push(tsvectorOf(cols));
    }
    for (const person of x.people) {
      p.push(id, person.name, person.kind, JSON.stringify(person.aliases), JSON.stringify(person.roles), person.mentions);
      delta.name(person.name, person.kind, person.aliases, 1);
    }
    for (const acr of x.acronyms) ac.push(id, acr.short, acr.long);
  });
  await c.query(`INSERT INTO articles (id, key, file, title, date, byline, outlet, url, section, tags, body, tokens, added_at, tsv)
    SELECT u.id, u.key, $1, u.title, u.date, u.byline, u.outlet, u.url, u.section, u.tags, u.body, u.tokens, $2, u.tsv::tsvector
    FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[])
      AS u(id, key, title, date, byline, outlet, url, section, tags, body, tokens, tsv)`, [file, now, ...a.cols, a.extra]);
  if (q.length) {
    await c.query(`INSERT INTO quotes (article_id, text, speaker, cue, partial, confidence, paragraph, start, "end", mentions, tokens, tsv)
      SELECT u.a, u.t, u.s, u.c, u.p, u.conf, u.para, u.st, u.en, u.m, u.tok, u.tsv::tsvector
      FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::float8[], $7::int[], $8::int[], $9::int[], $10::text[], $11::int[], $12::text[])
        WITH ORDINALITY AS u(a, t, s, c, p, conf, para, st, en, m, tok, tsv, n) ORDER BY u.n`, [...q.cols, q.extra]);
  }
  if (f.length) {
    await c.query(`INSERT INTO figures (article_id, text, value, unit, per, approx, up_to, measure, source, sentence, context, paragraph, start, "end", title, tokens, tsv)
      SELECT u.a, u.t, u.v, u.u, u.per, u.ap, u.up, u.me, u.so, u.se, u.co, u.para, u.st, u.en, u.ti, u.tok, u.tsv::tsvector
      FROM unnest($1::bigint[], $2::text[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::int[], $15::text[], $16::int[], $17::text[])
        WITH ORDINALITY AS u(a, t, v, u, per, ap, up, me, so, se, co, para, st, en, ti, tok, tsv, n) ORDER BY u.n`, [...f.cols, f.extra]);
  }
  if (p.length) {
    await c.query(`INSERT INTO people (article_id, name, kind, aliases, roles, mentions)
      SELECT u.a, u.na, u.k, u.al, u.ro, u.me FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
        WITH ORDINALITY AS u(a, na, k, al, ro, me, n) ORDER BY u.n`, p.cols);
  }
  if (ac.length) {
    await c.query(`INSERT INTO acronyms (article_id, short, long) SELECT u.a, u.s, u.l FROM unnest($1::bigint[], $2::text[], $3::text[])
      WITH ORDINALITY AS u(a, s, l, n) ORDER BY u.n`, ac.cols);
  }
}

/** Column arrays for one multi-row insert (unnest), plus the tsvector literals beside them. */
function columns(n: number) {
  const cols: unknown[][] = Array.from({ length: n }, () => []);
  return {
    cols,
    extra: [] as string[],
    get length() {
      return cols[0].length;
    },
    push(...values: unknown[]) {
      values.forEach((v, i) => cols[i].push(v));
    },
  };
}


function inRankOrder(rows: Row[], ranked: { id: number }[], key: string): Row[] {
  const byId = new Map(rows.map((r) => [r[key] as number, r]));
  return ranked.map((r) => byId.get(r.id)).filter((r): r is Row => r !== undefined);
}





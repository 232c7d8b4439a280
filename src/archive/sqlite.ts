// The embedded archive: one SQLite file per articles folder (better-sqlite3, FTS5 for words). Everything
// extracted is stored with the article, so a restart redoes nothing.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Acronym } from "../extract/types.ts";
import {
  PERSON_ROWS, RANKED_MATCHES, type ArchiveStats, type ArchiveStore, type ArticleHit, type ArticleMeta, type DigestStatus, type FigureHit,
  type FileState, type IndexedArticle, type NameEntry, type PersonFacts, type PersonMentions, type QuoteHit, type TextQuery,
} from "./store.ts";
import { articleTerms } from "./terms.ts";
import { ARTICLE_COLUMNS, NEWEST, inOrder, nameKeys, toArticle, toFigure, toPersonFacts, toQuoteHit, type Row } from "./rows.ts";

/** Bump when the tables change; an archive with another version is rebuilt from the files. */
const SCHEMA_VERSION = 6;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, hash TEXT NOT NULL, skipped TEXT);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, file TEXT NOT NULL, title TEXT NOT NULL, date TEXT,
  byline TEXT, outlet TEXT, url TEXT, section TEXT, tags TEXT NOT NULL, body TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE INDEX articles_file ON articles(file);
CREATE INDEX articles_when ON articles(coalesce(date, substr(added_at, 1, 10)));
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, cue TEXT, partial INTEGER NOT NULL,
  confidence REAL NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, mentions TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX quotes_speaker ON quotes(speaker, at DESC, article_id DESC, paragraph, start);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE TABLE figures (
  id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, text TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, per TEXT,
  approx TEXT, up_to REAL, measure TEXT NOT NULL, source TEXT, sentence TEXT NOT NULL, context TEXT NOT NULL,
  paragraph INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL);
CREATE INDEX figures_article ON figures(article_id);
CREATE TABLE people (article_id INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL, roles TEXT NOT NULL, mentions INTEGER NOT NULL);
CREATE INDEX people_name_article ON people(name, article_id);
CREATE INDEX people_article ON people(article_id);
CREATE TABLE names (alias TEXT NOT NULL, person TEXT NOT NULL, kind TEXT NOT NULL, articles INTEGER NOT NULL);
CREATE UNIQUE INDEX names_key ON names(alias, person);
CREATE TABLE terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE acronyms (article_id INTEGER NOT NULL, short TEXT NOT NULL, long TEXT NOT NULL);
CREATE INDEX acronyms_article ON acronyms(article_id);
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE figures_fts USING fts5(sentence, measure, context, title, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
`;

/**
 * Digests posted are history, not derived from the files: kept across rebuilds. The unique (channel,
 * scheduled_at) key is the claim that makes a scheduled digest go out once across restarts and processes.
 */
const DIGESTS = `
CREATE TABLE IF NOT EXISTS digests (
  channel TEXT NOT NULL, scheduled_at TEXT NOT NULL, owner TEXT NOT NULL, status TEXT NOT NULL, detail TEXT,
  claimed_at TEXT NOT NULL, finished_at TEXT, PRIMARY KEY (channel, scheduled_at));
CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_ms INTEGER NOT NULL);
`;

/**
 * Changes to the current schema that need no rebuild: applied to an archive of SCHEMA_VERSION on open (a
 * few seconds, once, on a large archive) instead of reading every article file again.
 */
const UPGRADES = `
CREATE INDEX IF NOT EXISTS people_name_article ON people(name, article_id);
DROP INDEX IF EXISTS people_name;
`;

export class SqliteStore implements ArchiveStore {
  readonly kind = "sqlite" as const;
  private db: Database.Database;
  private statements = new Map<string, Database.Statement>();
  /** Within a writing transaction: how the number of articles with each word changes (applied at its end). */
  private termDelta = new Map<string, number>();

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 10000");
    // 64 MB of pages (default 2 MB): the FTS and b-tree indexes of a large archive stay in memory while writing.
    this.db.pragma("cache_size = -65536");
    this.migrate();
  }

  private migrate(): void {
    this.db.exec(DIGESTS);
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version === SCHEMA_VERSION) {
      this.db.exec(UPGRADES);
      return;
    }
    // The archive is derived from the article files, so an old layout is dropped and rebuilt, not migrated.
    this.db.transaction(() => {
      const objects = this.db.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' AND name NOT IN ('digests', 'leases')").all() as { type: string; name: string }[];
      for (const o of objects) this.db.exec(`DROP ${o.type.toUpperCase()} IF EXISTS "${o.name}"`);
      this.db.exec(SCHEMA);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  async fileStates(): Promise<Map<string, FileState>> {
    const rows = this.stmt("SELECT path, size, mtime_ms, hash, skipped FROM files").all() as Row[];
    return new Map(rows.map((r) => [r.path as string, { path: r.path as string, size: r.size as number, mtimeMs: r.mtime_ms as number, hash: r.hash as string, skipped: (r.skipped as string) ?? null }]));
  }

  async putFiles(files: { state: FileState; articles: IndexedArticle[] }[]): Promise<void> {
    const put = this.db.transaction((batch: typeof files) => {
      for (const { state, articles } of batch) {
        this.dropFile(state.path);
        this.saveState(state);
        for (const a of articles) this.insertArticle(state.path, a);
      }
      this.applyTerms();
      this.bumpRevision();
    });
    put(files);
  }

  async markSkipped(state: FileState): Promise<void> {
    this.db.transaction(() => {
      this.dropFile(state.path);
      this.saveState(state);
      this.applyTerms();
      this.bumpRevision();
    })();
  }

  async touchFile(state: FileState): Promise<void> {
    this.saveState(state);
  }

  async removeFiles(paths: string[]): Promise<void> {
    this.db.transaction(() => {
      for (const p of paths) {
        this.dropFile(p);
        this.stmt("DELETE FROM files WHERE path = ?").run(p);
      }
      this.applyTerms();
      this.bumpRevision();
    })();
  }

  /** Inside each writing transaction, so a reader never sees new content under an old revision. */
  private bumpRevision(): void {
    this.stmt("INSERT INTO meta (key, value) VALUES ('revision', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1").run();
  }

  /** Counts the words of an article in or out of the vocabulary (the `terms` table: word → articles with it). */
  private countTerms(terms: string[], sign: 1 | -1): void {
    for (const t of terms) this.termDelta.set(t, (this.termDelta.get(t) ?? 0) + sign);
  }

  /** Once per transaction: one write per word of the batch, not one per word of every article. */
  private applyTerms(): void {
    for (const [term, delta] of this.termDelta) {
      if (delta === 0) continue;
      this.stmt("INSERT INTO terms (term, docs) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs").run(term, delta);
      if (delta < 0) this.stmt("DELETE FROM terms WHERE term = ? AND docs <= 0").run(term);
    }
    this.termDelta.clear();
  }

  private saveState(s: FileState): void {
    this.stmt("INSERT OR REPLACE INTO files (path, size, mtime_ms, hash, skipped) VALUES (?, ?, ?, ?, ?)").run(s.path, s.size, s.mtimeMs, s.hash, s.skipped);
  }

  private dropFile(path: string): void {
    const articles = this.stmt("SELECT id, title, body FROM articles WHERE file = ?").all(path) as Row[];
    for (const a of articles) {
      const id = a.id as number;
      for (const q of this.stmt("SELECT id FROM quotes WHERE article_id = ?").all(id) as Row[]) this.stmt("DELETE FROM quotes_fts WHERE rowid = ?").run(q.id);
      for (const f of this.stmt("SELECT id FROM figures WHERE article_id = ?").all(id) as Row[]) this.stmt("DELETE FROM figures_fts WHERE rowid = ?").run(f.id);
      this.stmt("INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)").run(id, a.title, a.body);
      this.countTerms(articleTerms(a.title as string, [a.body as string]), -1);
      for (const p of this.stmt("SELECT name, aliases FROM people WHERE article_id = ?").all(id) as Row[]) {
        for (const alias of nameKeys(p.name as string, JSON.parse(p.aliases as string) as string[])) {
          this.stmt("UPDATE names SET articles = articles - 1 WHERE alias = ? AND person = ?").run(alias, p.name);
          this.stmt("DELETE FROM names WHERE alias = ? AND person = ? AND articles <= 0").run(alias, p.name);
        }
      }
      for (const table of ["quotes", "figures", "people", "acronyms"]) this.stmt(`DELETE FROM ${table} WHERE article_id = ?`).run(id);
      this.stmt("DELETE FROM articles WHERE id = ?").run(id);
    }
  }

  private insertArticle(file: string, { record: r, extraction: x, terms }: IndexedArticle): void {
    const body = r.paragraphs.join("\n\n");
    const addedAt = new Date().toISOString();
    const id = Number(
      this.stmt("INSERT INTO articles (key, file, title, date, byline, outlet, url, section, tags, body, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .run(r.key, file, r.title, r.date, r.byline, r.outlet, r.url, r.section, JSON.stringify(r.tags), body, addedAt).lastInsertRowid,
    );
    // The article's day on each quote, as NEWEST orders articles: a speaker's newest quotes are an index range.
    const at = r.date ?? addedAt.slice(0, 10);
    this.stmt("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)").run(id, r.title, body);
    this.countTerms(terms ?? articleTerms(r.title, r.paragraphs), 1);
    for (const q of x.quotes) {
      const qid = this.stmt("INSERT INTO quotes (article_id, text, speaker, cue, partial, confidence, paragraph, start, end, mentions, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .run(id, q.text, q.speaker, q.cue, q.partial ? 1 : 0, q.confidence, q.paragraph, q.start, q.end, JSON.stringify(q.mentions), at).lastInsertRowid;
      this.stmt("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)").run(qid, q.text);
    }
    for (const f of x.figures) {
      const fid = this.stmt("INSERT INTO figures (article_id, text, value, unit, per, approx, up_to, measure, source, sentence, context, paragraph, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .run(id, f.text, f.value, f.unit, f.per, f.approx, f.upTo, f.measure, f.source, f.sentence, f.context, f.paragraph, f.start, f.end).lastInsertRowid;
      this.stmt("INSERT INTO figures_fts (rowid, sentence, measure, context, title) VALUES (?, ?, ?, ?, ?)").run(fid, f.sentence, f.measure, f.context, r.title);
    }
    for (const p of x.people) {
      this.stmt("INSERT INTO people (article_id, name, kind, aliases, roles, mentions) VALUES (?, ?, ?, ?, ?, ?)").run(id, p.name, p.kind, JSON.stringify(p.aliases), JSON.stringify(p.roles), p.mentions);
      // The name dictionary, kept as it is read at start: one row per (alias, person), in how many articles.
      for (const alias of nameKeys(p.name, p.aliases)) {
        this.stmt("INSERT INTO names (alias, person, kind, articles) VALUES (?, ?, ?, 1) ON CONFLICT (alias, person) DO UPDATE SET articles = articles + 1").run(alias, p.name, p.kind);
      }
    }
    for (const a of x.acronyms) this.stmt("INSERT INTO acronyms (article_id, short, long) VALUES (?, ?, ?)").run(id, a.short, a.long);
  }

  async getMeta(key: string): Promise<string | null> {
    return ((this.stmt("SELECT value FROM meta WHERE key = ?").get(key) as Row | undefined)?.value as string) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.stmt("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(key, value);
  }

  async names(): Promise<NameEntry[]> {
    // Maintained at ingestion (insertArticle, dropFile): one row per alias and person, first seen first.
    return this.stmt("SELECT alias, person, kind, articles FROM names ORDER BY rowid").all() as NameEntry[];
  }

  async acronyms(): Promise<Acronym[]> {
    return this.stmt("SELECT DISTINCT short, long FROM acronyms").all() as Acronym[];
  }

  async quotesBy(speakers: string[], limit: number): Promise<QuoteHit[]> {
    if (speakers.length === 0) return [];
    // Each speaker's newest `limit` quotes are a range of the (speaker, at, article, paragraph, start) index,
    // read from the index alone; merged here in the same order, then only the quotes kept are read in full
    // (on a large archive every row read is a random read from disk).
    const keys: Row[] = [];
    for (const speaker of new Set(speakers)) {
      keys.push(...(this.stmt(`SELECT id, at, article_id, paragraph, start FROM quotes
        WHERE speaker = ? ORDER BY at DESC, article_id DESC, paragraph, start LIMIT ?`).all(speaker, limit) as Row[]));
    }
    if (speakers.length > 1) {
      keys.sort((x, y) => (y.at as string).localeCompare(x.at as string) || (y.article_id as number) - (x.article_id as number)
        || (x.paragraph as number) - (y.paragraph as number) || (x.start as number) - (y.start as number));
    }
    const ids = keys.slice(0, limit).map((k) => k.id as number);
    const rows = this.stmt(`SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
      WHERE q.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[];
    const at = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((x, y) => at.get(x.id as number)! - at.get(y.id as number)!).map(toQuoteHit);
  }

  async quotesMatching(query: TextQuery, limit: number): Promise<QuoteHit[]> {
    const match = ftsMatch(query);
    if (!match) return [];
    const rows = this.stmt(`SELECT q.*, ${ARTICLE_COLUMNS} FROM (${ranked("quotes_fts", "bm25(quotes_fts)")}) f
      JOIN quotes q ON q.id = f.id JOIN articles a ON a.id = q.article_id ORDER BY f.score, f.id`).all(match, RANKED_MATCHES, limit) as Row[];
    return rows.map(toQuoteHit);
  }

  async figuresMatching(query: TextQuery, limit: number): Promise<FigureHit[]> {
    const match = ftsMatch(query);
    if (!match) return [];
    // The figure's own sentence weighs most, then what it measures, then the sentences it refers back to,
    // then the headline.
    const rows = this.stmt(`SELECT g.*, ${ARTICLE_COLUMNS} FROM (${ranked("figures_fts", "bm25(figures_fts, 6.0, 4.0, 2.0, 1.0)")}) f
      JOIN figures g ON g.id = f.id JOIN articles a ON a.id = g.article_id ORDER BY f.score, f.id`).all(match, RANKED_MATCHES, limit) as Row[];
    return rows.map((r) => ({ figure: toFigure(r), article: toArticle(r) }));
  }

  async articlesMatching(query: TextQuery, limit: number): Promise<ArticleHit[]> {
    const match = ftsMatch(query);
    if (!match) return [];
    const rows = this.stmt(`SELECT ${ARTICLE_COLUMNS} FROM (${ranked("articles_fts", "bm25(articles_fts, 4.0, 1.0)")}) f
      JOIN articles a ON a.id = f.id ORDER BY f.score, f.id`).all(match, RANKED_MATCHES, limit) as Row[];
    // Snippets for the rows kept only: FTS5 finds one article of a MATCH by its rowid without a scan. The
    // CAST matters: with a plain bound `rowid = ?` beside MATCH, FTS5 (SQLite 3.53) ignores the rowid and
    // gives the first match (tests/archive/contract.ts, "ranks articles…", catches it).
    const snippet = this.stmt("SELECT snippet(articles_fts, 1, '', '', '…', 24) AS snippet FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)");
    return rows.map((r) => ({ article: toArticle(r), snippet: (snippet.get(match, r.a_id) as Row).snippet as string }));
  }

  async articlesSince(since: string, limit: number): Promise<ArticleMeta[]> {
    const rows = this.stmt(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE coalesce(a.date, substr(a.added_at, 1, 10)) >= substr(?, 1, 10)
      ORDER BY ${NEWEST} LIMIT ?`).all(since, limit) as Row[];
    return rows.map(toArticle);
  }

  async person(names: string[]): Promise<PersonFacts | null> {
    if (names.length === 0) return null;
    const marks = names.map(() => "?").join(",");
    // Index-only counts (people(name, article_id)); the names and roles from the latest PERSON_ROWS articles.
    const rows = this.db.prepare(`SELECT kind, aliases, roles FROM people WHERE name IN (${marks}) ORDER BY article_id DESC LIMIT ?`).all(...names, PERSON_ROWS) as Row[];
    if (rows.length === 0) return null;
    const articles = (this.db.prepare(`SELECT count(DISTINCT article_id) AS n FROM people WHERE name IN (${marks})`).get(...names) as Row).n as number;
    const quotes = (this.db.prepare(`SELECT count(*) AS n FROM quotes WHERE speaker IN (${marks})`).get(...names) as Row).n as number;
    return toPersonFacts(names[0], rows.reverse(), articles, quotes);
  }

  async termsStartingWith(prefix: string, limit: number): Promise<string[]> {
    if (prefix === "") return [];
    // The vocabulary kept at ingestion: a range of its primary key (fts5vocab counted every posting of the range).
    const rows = this.stmt("SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY docs DESC, term LIMIT ?").all(prefix, prefix + "\uffff", limit) as Row[];
    return rows.map((r) => r.term as string);
  }

  async stats(): Promise<ArchiveStats> {
    const count = (sql: string) => (this.stmt(sql).get() as Row).n as number;
    return {
      files: count("SELECT count(*) AS n FROM files"),
      skipped: count("SELECT count(*) AS n FROM files WHERE skipped IS NOT NULL"),
      articles: count("SELECT count(*) AS n FROM articles"),
      quotes: count("SELECT count(*) AS n FROM quotes"),
      figures: count("SELECT count(*) AS n FROM figures"),
      people: count("SELECT count(DISTINCT name) AS n FROM people"),
    };
  }

  async quotesIn(articleIds: number[], limit: number): Promise<QuoteHit[]> {
    if (articleIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT q.*, ${ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.article_id IN (${articleIds.map(() => "?").join(",")}) ORDER BY q.paragraph, q.start`)
      .all(...articleIds) as Row[];
    return inOrder(rows.map(toQuoteHit), articleIds).slice(0, limit);
  }

  async figuresIn(articleIds: number[], limit: number): Promise<FigureHit[]> {
    if (articleIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT g.*, ${ARTICLE_COLUMNS} FROM figures g JOIN articles a ON a.id = g.article_id
        WHERE g.article_id IN (${articleIds.map(() => "?").join(",")}) ORDER BY g.paragraph, g.start`)
      .all(...articleIds) as Row[];
    return inOrder(rows.map((r) => ({ figure: toFigure(r), article: toArticle(r) })), articleIds).slice(0, limit);
  }

  async peopleIn(articleIds: number[], limit: number): Promise<PersonMentions[]> {
    if (articleIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT name, min(kind) AS kind, sum(mentions) AS mentions, count(DISTINCT article_id) AS articles FROM people
        WHERE article_id IN (${articleIds.map(() => "?").join(",")}) GROUP BY name ORDER BY mentions DESC, articles DESC, name LIMIT ?`)
      .all(...articleIds, limit) as Row[];
    return rows.map((r) => ({ name: r.name as string, kind: r.kind as PersonMentions["kind"], mentions: r.mentions as number, articles: r.articles as number }));
  }

  async claimDigest(channel: string, scheduledAt: string, owner: string): Promise<boolean> {
    const r = this.stmt("INSERT OR IGNORE INTO digests (channel, scheduled_at, owner, status, claimed_at) VALUES (?, ?, ?, 'claimed', ?)")
      .run(channel, scheduledAt, owner, new Date().toISOString());
    return r.changes === 1;
  }

  async finishDigest(channel: string, scheduledAt: string, status: Exclude<DigestStatus, "claimed">, detail?: string): Promise<void> {
    this.stmt("UPDATE digests SET status = ?, detail = ?, finished_at = ? WHERE channel = ? AND scheduled_at = ?")
      .run(status, detail ?? null, new Date().toISOString(), channel, scheduledAt);
  }

  async lastDigest(channel: string): Promise<{ scheduledAt: string; status: DigestStatus } | null> {
    const r = this.stmt("SELECT scheduled_at, status FROM digests WHERE channel = ? ORDER BY scheduled_at DESC LIMIT 1").get(channel) as Row | undefined;
    return r ? { scheduledAt: r.scheduled_at as string, status: r.status as DigestStatus } : null;
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    // One statement: SQLite serialises writers, so two processes cannot both see the lease as free.
    const r = this.stmt(`INSERT INTO leases (name, owner, expires_ms) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_ms = excluded.expires_ms
      WHERE leases.owner = excluded.owner OR leases.expires_ms < ?`).run(name, owner, now + ttlMs, now);
    return r.changes === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    this.stmt("DELETE FROM leases WHERE name = ? AND owner = ?").run(name, owner);
  }

  async revision(): Promise<number> {
    return Number((this.stmt("SELECT value FROM meta WHERE key = 'revision'").get() as Row | undefined)?.value ?? 0);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
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





// The SQLite archive's tables, created on open. Everything derived from the article files is dropped and
// rebuilt when SCHEMA_VERSION changes; digests and leases are history and stay.
import type Database from "better-sqlite3";

/** Bump when the tables change; an archive with another version is rebuilt from the files. */
const SCHEMA_VERSION = 7;

/**
 * The indexes whose keys arrive in random order (speakers, names): a bulk ingest (bulk.ts) drops them and
 * builds each once at its end, one sort instead of a random b-tree insert per row.
 */
export const SORTED_LATER = `
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker, at DESC, article_id DESC, paragraph, start);
CREATE INDEX IF NOT EXISTS people_name_article ON people(name, article_id);
CREATE UNIQUE INDEX IF NOT EXISTS names_key ON names(alias, person);
CREATE INDEX IF NOT EXISTS names_grp ON names(grp);
CREATE INDEX IF NOT EXISTS acronyms_form ON acronyms(short, long);
`;

/**
 * Each article's day by its id, in a small covering index: a walk of full-text matches that keeps to a period
 * reads the day of each match from here instead of the article's row (whose body comes before added_at).
 * Queries name it (INDEXED BY), as the planner would otherwise read the row by its primary key.
 */
const ARTICLE_DAYS = "CREATE INDEX IF NOT EXISTS articles_day ON articles(id, coalesce(date, substr(added_at, 1, 10)));";

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, hash TEXT NOT NULL, skipped TEXT);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, file TEXT NOT NULL, title TEXT NOT NULL, date TEXT,
  byline TEXT, outlet TEXT, url TEXT, section TEXT, tags TEXT NOT NULL, body TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE INDEX articles_file ON articles(file);
CREATE INDEX articles_when ON articles(coalesce(date, substr(added_at, 1, 10)));
${ARTICLE_DAYS}
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, cue TEXT, partial INTEGER NOT NULL,
  confidence REAL NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, mentions TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE TABLE figures (
  id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, text TEXT NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL, per TEXT,
  approx TEXT, up_to REAL, measure TEXT NOT NULL, source TEXT, sentence TEXT NOT NULL, context TEXT NOT NULL,
  paragraph INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL);
CREATE INDEX figures_article ON figures(article_id);
CREATE TABLE people (article_id INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL, roles TEXT NOT NULL, mentions INTEGER NOT NULL);
CREATE INDEX people_article ON people(article_id);
CREATE TABLE names (alias TEXT NOT NULL, person TEXT NOT NULL, kind TEXT NOT NULL, articles INTEGER NOT NULL, grp TEXT NOT NULL);
-- The name dictionary (src/archive/names/dictionary.ts), kept from the names rows by surname group.
CREATE TABLE identities (
  key TEXT PRIMARY KEY, grp TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, articles INTEGER NOT NULL, phase INTEGER NOT NULL,
  ord INTEGER NOT NULL, members TEXT NOT NULL, aliases TEXT NOT NULL, words TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX identities_grp ON identities(grp);
CREATE INDEX identities_rank ON identities(articles DESC, phase, ord);
CREATE TABLE name_pairs (alias TEXT NOT NULL, identity TEXT NOT NULL, grp TEXT NOT NULL, first INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (alias, identity)) WITHOUT ROWID;
CREATE INDEX name_pairs_grp ON name_pairs(grp);
CREATE TABLE name_aliases (key TEXT PRIMARY KEY, ord INTEGER NOT NULL, text TEXT NOT NULL, pairs INTEGER NOT NULL, words INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE name_words (word TEXT PRIMARY KEY, aliases INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE name_word_aliases (word TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (word, alias)) WITHOUT ROWID;
CREATE TABLE name_deletes (variant TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (variant, word)) WITHOUT ROWID;
CREATE TABLE terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE acronyms (article_id INTEGER NOT NULL, short TEXT NOT NULL, long TEXT NOT NULL);
CREATE INDEX acronyms_article ON acronyms(article_id);
-- Each distinct acronym once, in the order first written: what a start and every sync read.
CREATE TABLE acronym_forms (short TEXT NOT NULL, long TEXT NOT NULL, uses INTEGER NOT NULL, first INTEGER NOT NULL, PRIMARY KEY (short, long)) WITHOUT ROWID;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE figures_fts USING fts5(sentence, measure, context, title, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
-- Surname groups whose identities are to be re-decided at the end of a batch (or on the next open).
CREATE TABLE name_dirty (grp TEXT PRIMARY KEY) WITHOUT ROWID;
${SORTED_LATER}`;

/**
 * Digests posted are history, not derived from the files: kept across rebuilds (as are leases and the
 * buttons' kept queries). The unique (channel,
 * scheduled_at) key is the claim that makes a scheduled digest go out once across restarts and processes.
 */
const HISTORY = `
CREATE TABLE IF NOT EXISTS digests (
  channel TEXT NOT NULL, scheduled_at TEXT NOT NULL, owner TEXT NOT NULL, status TEXT NOT NULL, detail TEXT,
  claimed_at TEXT NOT NULL, finished_at TEXT, PRIMARY KEY (channel, scheduled_at));
CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS buttons (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS buttons_expiry ON buttons(expires_ms);
CREATE TABLE IF NOT EXISTS source (id INTEGER PRIMARY KEY CHECK (id = 1), folder TEXT NOT NULL, recorded_at TEXT NOT NULL);
`;

/**
 * Changes to the current schema that need no rebuild: applied to an archive of SCHEMA_VERSION on open (a
 * few seconds, once, on a large archive) instead of reading every article file again.
 */
const UPGRADES = `
${ARTICLE_DAYS}
CREATE INDEX IF NOT EXISTS people_name_article ON people(name, article_id);
DROP INDEX IF EXISTS people_name;
`;

export function migrate(db: Database.Database): void {
  db.exec(HISTORY);
  if (db.pragma("user_version", { simple: true }) === SCHEMA_VERSION) {
    db.exec(UPGRADES);
    return;
  }
  // The archive is derived from the article files, so an old layout is dropped and rebuilt, not migrated.
  // Write-locked from its first statement and the version read again under the lock: two processes opening
  // a fresh archive at once rebuild it once (a deferred transaction that read first could not take the write
  // lock the other had taken since: "database is locked"; and the second would drop what the first had made).
  db.transaction(() => {
    if (db.pragma("user_version", { simple: true }) === SCHEMA_VERSION) {
      db.exec(UPGRADES);
      return;
    }
    const objects = db
      .prepare(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' AND name NOT IN ('digests', 'leases', 'buttons', 'source')",
      )
      .all() as { type: string; name: string }[];
    for (const o of objects) db.exec(`DROP ${o.type.toUpperCase()} IF EXISTS "${o.name}"`);
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

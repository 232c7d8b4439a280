// The PostgreSQL archive's tables, created and migrated on start. Everything derived from the article files
// is dropped and rebuilt when SCHEMA_VERSION changes (as the SQLite store does); digests, leases, the
// buttons' kept queries and the revision counter are history and stay. Text columns compare as bytes (COLLATE "C"), as SQLite does, so
// orders and prefix ranges do not depend on the server's locale.
import type pg from "pg";
import { LOOKUP_TABLES } from "../shared-sql.ts";

/** Bump when the derived tables change: an archive with another version is rebuilt from the files. */
export const SCHEMA_VERSION = 6;

/** pg_advisory_xact_lock keys: one for migrations, one that serialises writers of the derived tables. */
export const MIGRATE_LOCK = 0x6e657773_01; // "news" 1
export const WRITE_LOCK = 0x6e657773_02;

const HISTORY = `
CREATE TABLE IF NOT EXISTS newsbot_state (key text COLLATE "C" PRIMARY KEY, value bigint NOT NULL);
INSERT INTO newsbot_state (key, value) VALUES ('schema_version', 0), ('revision', 0) ON CONFLICT (key) DO NOTHING;
CREATE TABLE IF NOT EXISTS digests (
  channel text COLLATE "C" NOT NULL, scheduled_at text COLLATE "C" NOT NULL, owner text NOT NULL, status text NOT NULL,
  detail text, claimed_at text NOT NULL, finished_at text, PRIMARY KEY (channel, scheduled_at));
CREATE TABLE IF NOT EXISTS leases (name text COLLATE "C" PRIMARY KEY, owner text COLLATE "C" NOT NULL, expires_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS buttons (key text COLLATE "C" PRIMARY KEY, value text NOT NULL, expires_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS buttons_expiry ON buttons (expires_at);
CREATE TABLE IF NOT EXISTS source (id integer PRIMARY KEY CHECK (id = 1), folder text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now());
`;

const DERIVED = ["meta", "files", "articles", "quotes", "figures", "people", "acronyms", "names", "terms", "fts_totals", "row_terms", ...LOOKUP_TABLES];

/**
 * The indexes a bulk ingest (bulk.ts) drops and builds once at its end: the word indexes (GIN) and those
 * whose keys arrive in random order, one sort each instead of an index write per row.
 */
export const SORTED_LATER = `
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING gin (tsv);
CREATE INDEX IF NOT EXISTS quotes_tsv ON quotes USING gin (tsv);
CREATE INDEX IF NOT EXISTS figures_tsv ON figures USING gin (tsv);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker, at DESC, article_id DESC, paragraph, start);
CREATE INDEX IF NOT EXISTS people_name ON people (name, article_id);
CREATE INDEX IF NOT EXISTS acronyms_form ON acronyms (short, long);
`;
export const SORTED_LATER_NAMES = ["articles_tsv", "quotes_tsv", "figures_tsv", "quotes_speaker", "people_name", "acronyms_form"];

const SCHEMA = `
CREATE TABLE meta (key text COLLATE "C" PRIMARY KEY, value text NOT NULL);
CREATE TABLE files (path text COLLATE "C" PRIMARY KEY, size bigint NOT NULL, mtime_ms double precision NOT NULL, hash text NOT NULL, skipped text);
CREATE TABLE articles (
  id bigserial PRIMARY KEY, key text COLLATE "C" NOT NULL UNIQUE, file text COLLATE "C" NOT NULL, title text NOT NULL,
  date text COLLATE "C", byline text, outlet text, url text, section text, tags text NOT NULL, body text NOT NULL,
  added_at text COLLATE "C" NOT NULL, tokens integer NOT NULL, tsv tsvector NOT NULL);
CREATE INDEX articles_file ON articles (file);
CREATE INDEX articles_when ON articles ((coalesce(date, substr(added_at, 1, 10))) DESC, id DESC);
CREATE TABLE quotes (
  id bigserial PRIMARY KEY, article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE, text text NOT NULL,
  speaker text COLLATE "C", cue text, partial boolean NOT NULL, confidence double precision NOT NULL, paragraph integer NOT NULL,
  start integer NOT NULL, "end" integer NOT NULL, mentions text NOT NULL, tokens integer NOT NULL, tsv tsvector NOT NULL,
  at text COLLATE "C" NOT NULL);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE TABLE figures (
  id bigserial PRIMARY KEY, article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE, text text NOT NULL,
  value double precision NOT NULL, unit text NOT NULL, per text, approx text, up_to double precision, measure text NOT NULL,
  source text, sentence text NOT NULL, context text NOT NULL, paragraph integer NOT NULL, start integer NOT NULL,
  "end" integer NOT NULL, title text NOT NULL, tokens integer NOT NULL, tsv tsvector NOT NULL);
CREATE INDEX figures_article ON figures (article_id);
CREATE TABLE people (
  id bigserial PRIMARY KEY, article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE, name text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL, aliases text NOT NULL, roles text NOT NULL, mentions integer NOT NULL);
CREATE INDEX people_article ON people (article_id);
CREATE TABLE acronyms (
  id bigserial PRIMARY KEY, article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE, short text NOT NULL, long text NOT NULL);
CREATE INDEX acronyms_article ON acronyms (article_id);
-- Each distinct acronym once, in the order first written: what a start and every sync read.
CREATE TABLE acronym_forms (short text NOT NULL, long text NOT NULL, uses integer NOT NULL, first bigint NOT NULL, PRIMARY KEY (short, long));
-- The name dictionary as a start reads it: one row per (alias, person), in how many articles; first seen first.
CREATE TABLE names (
  id bigserial PRIMARY KEY, alias text COLLATE "C" NOT NULL, person text COLLATE "C" NOT NULL, kind text NOT NULL,
  articles integer NOT NULL, grp text COLLATE "C" NOT NULL, UNIQUE (alias, person));
CREATE INDEX names_grp ON names (grp);
-- The name dictionary (src/archive/names/dictionary.ts), kept from the names rows by surname group.
CREATE TABLE identities (
  key text COLLATE "C" PRIMARY KEY, grp text COLLATE "C" NOT NULL, name text NOT NULL, kind text NOT NULL, articles integer NOT NULL,
  phase integer NOT NULL, ord bigint NOT NULL, members text NOT NULL, aliases text NOT NULL, words text NOT NULL);
CREATE INDEX identities_grp ON identities (grp);
CREATE INDEX identities_rank ON identities (articles DESC, phase, ord);
CREATE TABLE name_pairs (
  alias text COLLATE "C" NOT NULL, identity text COLLATE "C" NOT NULL, grp text COLLATE "C" NOT NULL, first bigint NOT NULL, text text NOT NULL,
  PRIMARY KEY (alias, identity));
CREATE INDEX name_pairs_grp ON name_pairs (grp);
CREATE TABLE name_aliases (key text COLLATE "C" PRIMARY KEY, ord bigint NOT NULL, text text NOT NULL, pairs integer NOT NULL, words integer NOT NULL);
CREATE TABLE name_words (word text COLLATE "C" PRIMARY KEY, aliases integer NOT NULL);
CREATE TABLE name_word_aliases (word text COLLATE "C" NOT NULL, alias text COLLATE "C" NOT NULL, PRIMARY KEY (word, alias));
-- Surname groups whose identities are to be re-decided at the end of a batch (or by the next writer).
CREATE TABLE name_dirty (grp text COLLATE "C" PRIMARY KEY);
CREATE TABLE name_deletes (variant text COLLATE "C" NOT NULL, word text COLLATE "C" NOT NULL, PRIMARY KEY (variant, word));
-- The articles' vocabulary: in how many articles each word occurs (FTS5's fts5vocab 'row' in SQLite).
CREATE TABLE terms (term text COLLATE "C" PRIMARY KEY, docs integer NOT NULL);
-- The quotes' and figures' vocabulary: in how many rows of each table each word occurs, so that bm25's weight of a
-- one-word phrase is read here instead of counted over every matching row.
CREATE TABLE row_terms (tbl text COLLATE "C" NOT NULL, term text COLLATE "C" NOT NULL, rows integer NOT NULL, PRIMARY KEY (tbl, term));
-- Rows and words per searched table, for bm25's average row length.
CREATE TABLE fts_totals (name text COLLATE "C" PRIMARY KEY, rows bigint NOT NULL, tokens bigint NOT NULL);
INSERT INTO fts_totals (name, rows, tokens) VALUES ('articles', 0, 0), ('quotes', 0, 0), ('figures', 0, 0);
${SORTED_LATER}`;

/**
 * Creates or upgrades the tables, in one transaction under an advisory lock: two processes starting at
 * once take turns, and the second finds the work done.
 */
export async function migrate(client: pg.PoolClient): Promise<"current" | "created" | "rebuilt"> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATE_LOCK]);
    // Only a database that is empty or already newsbot's (its newsbot_state table) is touched.
    const foreign = await foreignTables(client);
    if (foreign.length) throw new ForeignDatabase(foreign);
    await client.query(HISTORY);
    const { rows } = await client.query<{ value: string }>("SELECT value FROM newsbot_state WHERE key = 'schema_version'");
    const version = Number(rows[0].value);
    if (version === SCHEMA_VERSION) {
      await client.query("COMMIT");
      return "current";
    }
    // A newer newsbot laid this archive out: this one does not know its tables and must not rebuild them back.
    if (version > SCHEMA_VERSION) throw new NewerLayout(version);
    // A writer of the older layout finishes first, and every later one finds the new version (db.ts write).
    await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
    // No CASCADE: whatever else depends on these tables (another application's view) stops the rebuild instead.
    await client.query(`DROP TABLE IF EXISTS ${DERIVED.join(", ")}`);
    await client.query(SCHEMA);
    await client.query("UPDATE newsbot_state SET value = $1 WHERE key = 'schema_version'", [SCHEMA_VERSION]);
    // The articles are gone until the files are read again: replicas must reload. The files are read again
    // by a replica of this layout: the older replica holding `ingest` loses it here (and can take no lease
    // again, ledger.ts), so this process takes it at its first try, whether or not the older one stops.
    await client.query("UPDATE newsbot_state SET value = value + 1 WHERE key = 'revision'");
    if (version !== 0) await client.query("DELETE FROM leases WHERE name = 'ingest'");
    await client.query("COMMIT");
    return version === 0 ? "created" : "rebuilt";
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/** Tables and views in this database that are not newsbot's, when it has no newsbot_state (empty: none). */
async function foreignTables(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string; ours: boolean }>(
    `SELECT c.relname AS name, to_regclass('newsbot_state') IS NOT NULL AS ours FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f') ORDER BY c.relname LIMIT 6`,
  );
  return rows.length && !rows[0].ours ? rows.map((r) => r.name) : [];
}

/** The database holds another application's tables and no trace of newsbot: nothing in it is changed. */
export class ForeignDatabase extends Error {
  constructor(readonly tables: string[]) {
    super(
      `it is not newsbot's: it holds tables newsbot did not make (${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", …" : ""}) and no newsbot_state. Nothing in it was changed. Give newsbot a database of its own (CREATE DATABASE newsbot) in NEWSBOT_DATABASE_URL.`,
    );
  }
}

/** The archive was laid out by a newer newsbot (a rolling upgrade under way): this one refuses to run on it. */
export class NewerLayout extends Error {
  constructor(readonly version: number) {
    super(
      `its layout (version ${version}) is newer than this newsbot knows (version ${SCHEMA_VERSION}): a newer newsbot upgraded it. Upgrade this replica; nothing was changed.`,
    );
  }
}

/** This process's layout version, and the archive's now: a replica checks it while it runs. */
export async function layoutVersion(q: pg.Pool | pg.PoolClient): Promise<number> {
  const { rows } = await q.query<{ value: string }>("SELECT value FROM newsbot_state WHERE key = 'schema_version'");
  return Number(rows[0]?.value ?? 0);
}

// What ingestion writes into the PostgreSQL archive: whole files per transaction (a process killed in the
// middle leaves each file as it was before), the vocabulary, name dictionary and bm25 totals kept as it goes.
import type pg from "pg";
import { FILE_COLUMNS, toFileStates, type Row } from "../rows.ts";
import type { ArchiveWriter, FileState } from "../store.ts";
import type { PgDb, Queryable } from "./db.ts";
import { bulkUnfinished, finishBulk, startBulk } from "./bulk.ts";
import { Deltas } from "./deltas.ts";
import { insertArticles } from "./insert.ts";
import { refreshGroups } from "./names.ts";

/** Articles written in one transaction at most (a file with more gets one of its own). */
const ARTICLES_PER_TRANSACTION = 250;
/** A batch of at least this many files into an empty archive is written in bulk (bulk.ts). */
const BULK_FILES = 100;
/** A batch of at least this many files, or a tenth of the archive's, leaves the dictionary to its end. */
const DEFER_FILES = 50;
/** Surname groups re-decided per transaction at the end of a batch. */
const GROUPS_PER_TRANSACTION = 500;

export function postgresWriter(db: PgDb): ArchiveWriter {
  let defer = false;
  let bulk = false;
  /** One writing transaction: `work` records its changes in a Deltas, applied with the revision at the end. */
  const write = (work: (c: pg.PoolClient, delta: Deltas) => Promise<void>) =>
    db.write(async (c) => {
      const delta = new Deltas();
      await work(c, delta);
      // In a bulk ingest only bm25's totals are kept as it goes (a reader may rank before it ends); the rest is made at its end.
      if (bulk) await delta.applyTotals(c);
      else await delta.apply(c, defer);
      // Inside the transaction, so a reader never sees new content under an old revision.
      await c.query("UPDATE newsbot_state SET value = value + 1 WHERE key = 'revision'");
    });
  /** Re-decides the surname groups marked for later (a batch's, or one a killed writer left), a few hundred per transaction. */
  const refreshDirty = async () => {
    for (;;) {
      const done = await db.write(async (c) => {
        const groups = (await c.query<{ grp: string }>("SELECT grp FROM name_dirty ORDER BY grp LIMIT $1", [GROUPS_PER_TRANSACTION])).rows.map((r) => r.grp);
        if (groups.length === 0) return true;
        await refreshGroups(c, groups);
        await c.query("DELETE FROM name_dirty WHERE grp = ANY($1::text[])", [groups]);
        await c.query("UPDATE newsbot_state SET value = value + 1 WHERE key = 'revision'");
        return false;
      });
      if (done) return;
    }
  };
  let checked = false;
  const recover = async () => {
    if (checked) return;
    checked = true;
    if (await bulkUnfinished(db)) await finishBulk(db);
    if ((await db.rows("SELECT 1 FROM name_dirty LIMIT 1")).length) await refreshDirty();
  };
  return {
    async fileStates() {
      await recover();
      return toFileStates(await db.rows(`SELECT ${FILE_COLUMNS} FROM files`));
    },

    async beginBatch(files) {
      await recover();
      const [{ n }] = await db.rows("SELECT count(*) AS n FROM files");
      const empty = (await db.rows("SELECT 1 FROM articles LIMIT 1")).length === 0;
      bulk = empty && files >= BULK_FILES;
      if (bulk) await startBulk(db);
      defer = !bulk && files >= DEFER_FILES && files >= (n as number) / 10;
    },

    async endBatch() {
      const [wasBulk, wasDeferred] = [bulk, defer];
      bulk = defer = false;
      if (wasBulk) await finishBulk(db);
      if (wasBulk || wasDeferred) await refreshDirty();
    },

    async putFiles(files) {
      // A few hundred articles share one transaction, so the vocabulary and totals (the same common words
      // in every article) are updated once for them rather than once per file: 4x faster on the BBC corpus.
      for (let i = 0; i < files.length;) {
        const group: typeof files = [];
        let size = 0;
        while (i < files.length && (group.length === 0 || size + files[i].articles.length <= ARTICLES_PER_TRANSACTION)) {
          size += files[i].articles.length;
          group.push(files[i++]);
        }
        await write(async (c, delta) => {
          for (const { state, articles } of group) {
            // Nothing to drop in a bulk ingest (the archive was empty), and its counts are made at the end.
            if (!bulk) await dropFile(c, state.path, delta);
            await saveState(c, state);
            await insertArticles(c, state.path, articles, delta, bulk);
          }
        });
      }
    },

    async markSkipped(state) {
      await write(async (c, delta) => {
        await dropFile(c, state.path, delta);
        await saveState(c, state);
      });
    },

    async touchFile(state) {
      await saveState(db.pool, state);
    },

    async removeFiles(paths) {
      await write(async (c, delta) => {
        for (const p of paths) {
          await dropFile(c, p, delta);
          await c.query("DELETE FROM files WHERE path = $1", [p]);
        }
      });
    },

    async getMeta(key) {
      const rows = await db.rows("SELECT value FROM meta WHERE key = $1", [key]);
      return (rows[0]?.value as string) ?? null;
    },

    async setMeta(key, value) {
      await db.pool.query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value]);
    },
  };
}

async function saveState(c: Queryable, s: FileState): Promise<void> {
  await c.query(
    `INSERT INTO files (${FILE_COLUMNS}) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, hash = excluded.hash, skipped = excluded.skipped`,
    [s.path, s.size, s.mtimeMs, s.hash, s.skipped],
  );
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
  for (const a of (await c.query("SELECT short, long FROM acronyms WHERE article_id = ANY($1::bigint[])", [ids])).rows as Row[])
    delta.forms.add(a.short as string, a.long as string, -1);
  for (const table of ["quotes", "figures"] as const) {
    const rows = (await c.query(`SELECT tokens, tsvector_to_array(tsv) AS terms FROM ${table} WHERE article_id = ANY($1::bigint[])`, [ids])).rows as Row[];
    delta.total(table, -rows.length, -rows.reduce((n, r) => n + (r.tokens as number), 0));
    for (const r of rows) for (const t of r.terms as string[]) delta.rowTerm(table, t, -1);
  }
  // Quotes, figures, people and acronyms go with their article (ON DELETE CASCADE).
  await c.query("DELETE FROM articles WHERE id = ANY($1::bigint[])", [ids]);
}

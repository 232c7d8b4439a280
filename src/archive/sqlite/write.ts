// What ingestion writes into the SQLite archive: whole files in one transaction each, with everything
// extracted from their articles, the full-text indexes, the name dictionary and the vocabulary. Many files
// at once (beginBatch … endBatch) are written in bulk (bulk.ts).
import { NameTally } from "../names/tally.ts";
import { FILE_COLUMNS, FormTally, Tally, toFileStates, type Row } from "../rows.ts";
import type { ArchiveWriter } from "../store.ts";
import { applyForms, applyNames, applyTerms, dropFile, insertArticle, saveState, type Changes } from "./articles.ts";
import { finishBulk, refreshDirty, startBulk, unfinished, type Bulk } from "./bulk.ts";
import type { SqliteDb } from "./db.ts";

/**
 * Articles per transaction outside a bulk ingest: SQLite writes on the thread that answers, so a live sync
 * is cut into short stops (whole files each), and the dictionary is re-decided after them, a few groups at a time.
 */
const ARTICLES_PER_TRANSACTION = 50;
/** A batch of at least this many files into an empty archive is written in bulk. */
export const BULK_FILES = 100;
/** A batch of at least this many files, or a tenth of the archive's, leaves the dictionary to its end. */
const DEFER_FILES = 50;

export function sqliteWriter(s: SqliteDb): ArchiveWriter {
  /** Within a writing transaction: what its articles add and remove beyond their rows (applied at its end). */
  const changes: Changes & { names: NameTally } = { terms: new Tally(), names: new NameTally(), forms: new FormTally() };
  let bulk: Bulk | null = null;
  let defer = false;
  /** A batch cut short by a crash is finished before anything else is written. */
  let checked = false;
  const recover = async () => {
    if (checked) return;
    checked = true;
    const left = unfinished(s);
    if (left.bulk) await finishBulk(s, null);
    else if (left.dirty) await refreshDirty(s);
  };
  /** Lets answers in between two writing transactions. */
  const pause = () => new Promise<void>((r) => setImmediate(r));
  /** After a live write: its surname groups re-decided (a batch leaves them to its end). */
  const settle = async () => {
    if (!bulk && !defer) await refreshDirty(s);
  };
  /** One writing transaction; a reader never sees new content under an old revision. */
  const write = (work: () => void) => {
    const { terms, names, forms } = changes;
    terms.clear();
    names.clear();
    forms.clear();
    s.db.transaction(() => {
      work();
      if (!bulk) {
        applyTerms(s, terms);
        applyNames(s, names, true);
        applyForms(s, forms);
      }
      s.stmt("INSERT INTO meta (key, value) VALUES ('revision', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1").run();
    })();
    if (bulk) {
      bulk.terms.addAll(terms);
      bulk.forms.addAll(forms);
    }
  };
  return {
    async fileStates() {
      await recover();
      return toFileStates(s.stmt(`SELECT ${FILE_COLUMNS} FROM files`).all() as Row[]);
    },

    async beginBatch(files) {
      await recover();
      const known = (s.stmt("SELECT count(*) AS n FROM files").get() as Row).n as number;
      const empty = s.stmt("SELECT 1 FROM articles LIMIT 1").get() === undefined;
      if (empty && files >= BULK_FILES) bulk = startBulk(s);
      else defer = files >= DEFER_FILES && files >= known / 10;
    },

    async endBatch() {
      const [wasBulk, wasDeferred] = [bulk, defer];
      bulk = null;
      defer = false;
      if (wasBulk) await finishBulk(s, wasBulk);
      else if (wasDeferred) await refreshDirty(s);
    },

    async putFiles(files) {
      const most = bulk ? Infinity : ARTICLES_PER_TRANSACTION;
      for (let i = 0; i < files.length;) {
        const group: typeof files = [];
        for (let size = 0; i < files.length && (group.length === 0 || size + files[i].articles.length <= most); i++) {
          size += files[i].articles.length;
          group.push(files[i]);
        }
        write(() => {
          for (const { state, articles } of group) {
            // Nothing to drop in a bulk ingest: the archive was empty.
            if (!bulk) dropFile(s, state.path, changes);
            saveState(s, state);
            for (const a of articles) insertArticle(s, state.path, a, { ...changes, names: bulk ? null : changes.names });
          }
        });
        if (i < files.length) await pause();
      }
      await settle();
    },

    async markSkipped(state) {
      write(() => {
        dropFile(s, state.path, changes);
        saveState(s, state);
      });
      await settle();
    },

    async touchFile(state) {
      saveState(s, state);
    },

    async removeFiles(paths) {
      write(() => {
        for (const p of paths) {
          dropFile(s, p, changes);
          s.stmt("DELETE FROM files WHERE path = ?").run(p);
        }
      });
      await settle();
    },

    async getMeta(key) {
      return ((s.stmt("SELECT value FROM meta WHERE key = ?").get(key) as Row | undefined)?.value as string) ?? null;
    },

    async setMeta(key, value) {
      s.stmt("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(key, value);
    },
  };
}

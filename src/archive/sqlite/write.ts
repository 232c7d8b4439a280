// What ingestion writes into the SQLite archive: whole files in one transaction each, with everything
// extracted from their articles, the full-text indexes, the name dictionary and the vocabulary.
import { articleTerms } from "../terms.ts";
import { FILE_COLUMNS, Tally, nameKeys, toFileStates, type Row } from "../rows.ts";
import type { ArchiveWriter, FileState, IndexedArticle } from "../store.ts";
import type { SqliteDb } from "./db.ts";

export function sqliteWriter(s: SqliteDb): ArchiveWriter {
  /** Within a writing transaction: how the number of articles with each word changes (applied at its end). */
  const terms = new Tally();
  /** Ends every writing transaction, so a reader never sees new content under an old revision. */
  const finish = () => {
    applyTerms(s, terms);
    s.stmt("INSERT INTO meta (key, value) VALUES ('revision', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1").run();
  };
  return {
    async fileStates() {
      return toFileStates(s.stmt(`SELECT ${FILE_COLUMNS} FROM files`).all() as Row[]);
    },

    async putFiles(files) {
      s.db.transaction(() => {
        for (const { state, articles } of files) {
          dropFile(s, state.path, terms);
          saveState(s, state);
          for (const a of articles) insertArticle(s, state.path, a, terms);
        }
        finish();
      })();
    },

    async markSkipped(state) {
      s.db.transaction(() => {
        dropFile(s, state.path, terms);
        saveState(s, state);
        finish();
      })();
    },

    async touchFile(state) {
      saveState(s, state);
    },

    async removeFiles(paths) {
      s.db.transaction(() => {
        for (const p of paths) {
          dropFile(s, p, terms);
          s.stmt("DELETE FROM files WHERE path = ?").run(p);
        }
        finish();
      })();
    },

    async getMeta(key) {
      return ((s.stmt("SELECT value FROM meta WHERE key = ?").get(key) as Row | undefined)?.value as string) ?? null;
    },

    async setMeta(key, value) {
      s.stmt("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(key, value);
    },
  };
}

/** Once per transaction: one write per word of the batch, not one per word of every article. */
function applyTerms(s: SqliteDb, terms: Tally): void {
  for (const [term, delta] of terms) {
    if (delta === 0) continue;
    s.stmt("INSERT INTO terms (term, docs) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs").run(term, delta);
    if (delta < 0) s.stmt("DELETE FROM terms WHERE term = ? AND docs <= 0").run(term);
  }
  terms.clear();
}

function saveState(s: SqliteDb, f: FileState): void {
  s.stmt(`INSERT OR REPLACE INTO files (${FILE_COLUMNS}) VALUES (?, ?, ?, ?, ?)`).run(f.path, f.size, f.mtimeMs, f.hash, f.skipped);
}

function dropFile(s: SqliteDb, path: string, terms: Tally): void {
  const articles = s.stmt("SELECT id, title, body FROM articles WHERE file = ?").all(path) as Row[];
  for (const a of articles) {
    const id = a.id as number;
    for (const q of s.stmt("SELECT id FROM quotes WHERE article_id = ?").all(id) as Row[]) s.stmt("DELETE FROM quotes_fts WHERE rowid = ?").run(q.id);
    for (const f of s.stmt("SELECT id FROM figures WHERE article_id = ?").all(id) as Row[]) s.stmt("DELETE FROM figures_fts WHERE rowid = ?").run(f.id);
    s.stmt("INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)").run(id, a.title, a.body);
    for (const t of articleTerms(a.title as string, [a.body as string])) terms.add(t, -1);
    for (const p of s.stmt("SELECT name, aliases FROM people WHERE article_id = ?").all(id) as Row[]) {
      for (const alias of nameKeys(p.name as string, JSON.parse(p.aliases as string) as string[])) {
        s.stmt("UPDATE names SET articles = articles - 1 WHERE alias = ? AND person = ?").run(alias, p.name);
        s.stmt("DELETE FROM names WHERE alias = ? AND person = ? AND articles <= 0").run(alias, p.name);
      }
    }
    for (const table of ["quotes", "figures", "people", "acronyms"]) s.stmt(`DELETE FROM ${table} WHERE article_id = ?`).run(id);
    s.stmt("DELETE FROM articles WHERE id = ?").run(id);
  }
}

function insertArticle(s: SqliteDb, file: string, { record: r, extraction: x, terms: words }: IndexedArticle, terms: Tally): void {
  const body = r.paragraphs.join("\n\n");
  const addedAt = new Date().toISOString();
  const id = Number(
    s.stmt("INSERT INTO articles (key, file, title, date, byline, outlet, url, section, tags, body, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(r.key, file, r.title, r.date, r.byline, r.outlet, r.url, r.section, JSON.stringify(r.tags), body, addedAt).lastInsertRowid,
  );
  // The article's day on each quote, as NEWEST orders articles: a speaker's newest quotes are an index range.
  const at = r.date ?? addedAt.slice(0, 10);
  s.stmt("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)").run(id, r.title, body);
  for (const t of words ?? articleTerms(r.title, r.paragraphs)) terms.add(t, 1);
  for (const q of x.quotes) {
    const qid = s.stmt("INSERT INTO quotes (article_id, text, speaker, cue, partial, confidence, paragraph, start, end, mentions, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(id, q.text, q.speaker, q.cue, q.partial ? 1 : 0, q.confidence, q.paragraph, q.start, q.end, JSON.stringify(q.mentions), at).lastInsertRowid;
    s.stmt("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)").run(qid, q.text);
  }
  for (const f of x.figures) {
    const fid = s.stmt("INSERT INTO figures (article_id, text, value, unit, per, approx, up_to, measure, source, sentence, context, paragraph, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(id, f.text, f.value, f.unit, f.per, f.approx, f.upTo, f.measure, f.source, f.sentence, f.context, f.paragraph, f.start, f.end).lastInsertRowid;
    s.stmt("INSERT INTO figures_fts (rowid, sentence, measure, context, title) VALUES (?, ?, ?, ?, ?)").run(fid, f.sentence, f.measure, f.context, r.title);
  }
  for (const p of x.people) {
    s.stmt("INSERT INTO people (article_id, name, kind, aliases, roles, mentions) VALUES (?, ?, ?, ?, ?, ?)").run(id, p.name, p.kind, JSON.stringify(p.aliases), JSON.stringify(p.roles), p.mentions);
    // The name dictionary, kept as it is read at start: one row per (alias, person), in how many articles.
    for (const alias of nameKeys(p.name, p.aliases)) {
      s.stmt("INSERT INTO names (alias, person, kind, articles) VALUES (?, ?, ?, 1) ON CONFLICT (alias, person) DO UPDATE SET articles = articles + 1").run(alias, p.name, p.kind);
    }
  }
  for (const a of x.acronyms) s.stmt("INSERT INTO acronyms (article_id, short, long) VALUES (?, ?, ?)").run(id, a.short, a.long);
}

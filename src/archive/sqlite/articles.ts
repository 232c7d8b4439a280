// One article's rows in the SQLite archive, written and dropped, and what a writing transaction adds up
// beyond them (word counts, names rows, acronym forms) written once at its end.
import type { NameTally } from "../names/tally.ts";
import { FILE_COLUMNS, type FormTally, type Row, type Tally } from "../rows.ts";
import type { FileState, IndexedArticle } from "../store.ts";
import { articleTerms } from "../terms.ts";
import type { SqliteDb } from "./db.ts";
import { refreshGroups } from "./names.ts";

/** Once per transaction: one write per word of the batch, not one per word of every article. */
export function applyTerms(s: SqliteDb, terms: Tally): void {
  for (const [term, delta] of terms) {
    if (delta === 0) continue;
    s.stmt("INSERT INTO terms (term, docs) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs").run(term, delta);
    if (delta < 0) s.stmt("DELETE FROM terms WHERE term = ? AND docs <= 0").run(term);
  }
  terms.clear();
}

/**
 * Writes the names rows a transaction changed, first seen first, and re-decides their surname groups now
 * (a live change: answers see it at once) or marks them for the end of a batch (`defer`).
 */
export function applyNames(s: SqliteDb, names: NameTally, defer: boolean): void {
  const { rows, groups } = names.changes();
  for (const r of rows) {
    s.stmt(
      "INSERT INTO names (alias, person, kind, articles, grp) VALUES (?, ?, ?, ?, ?) ON CONFLICT (alias, person) DO UPDATE SET articles = articles + excluded.articles",
    ).run(r.alias, r.person, r.kind, r.n, r.grp);
    if (r.n < 0) s.stmt("DELETE FROM names WHERE alias = ? AND person = ? AND articles <= 0").run(r.alias, r.person);
  }
  if (defer) for (const g of groups) s.stmt("INSERT OR IGNORE INTO name_dirty (grp) VALUES (?)").run(g);
  else refreshGroups(s, groups);
  names.clear();
}

/** Writes the acronym forms a transaction changed. */
export function applyForms(s: SqliteDb, forms: FormTally): void {
  for (const f of forms.changes()) {
    if (f.n !== 0 || f.first !== null) {
      s.stmt(
        `INSERT INTO acronym_forms (short, long, uses, first) VALUES (?, ?, ?, ?)
        ON CONFLICT (short, long) DO UPDATE SET uses = uses + excluded.uses, first = min(first, excluded.first)`,
      ).run(f.short, f.long, f.n, f.first ?? Number.MAX_SAFE_INTEGER);
    }
    if (!f.removed) continue;
    s.stmt("DELETE FROM acronym_forms WHERE short = ? AND long = ? AND uses <= 0").run(f.short, f.long);
    s.stmt("UPDATE acronym_forms SET first = (SELECT min(rowid) FROM acronyms WHERE short = ? AND long = ?) WHERE short = ? AND long = ?").run(
      f.short,
      f.long,
      f.short,
      f.long,
    );
  }
  forms.clear();
}

export function saveState(s: SqliteDb, f: FileState): void {
  s.stmt(`INSERT OR REPLACE INTO files (${FILE_COLUMNS}) VALUES (?, ?, ?, ?, ?)`).run(f.path, f.size, f.mtimeMs, f.hash, f.skipped);
}

/** What a writing transaction changes beyond its rows: word counts, and the surname groups to re-decide. */
export interface Changes {
  terms: Tally;
  /** Null in a bulk ingest: the names rows are counted from the people rows at its end. */
  names: NameTally | null;
  forms: FormTally;
}

export function dropFile(s: SqliteDb, path: string, { terms, names, forms }: Changes): void {
  const articles = s.stmt("SELECT id, title, body FROM articles WHERE file = ?").all(path) as Row[];
  for (const a of articles) {
    const id = a.id as number;
    for (const q of s.stmt("SELECT id FROM quotes WHERE article_id = ?").all(id) as Row[]) s.stmt("DELETE FROM quotes_fts WHERE rowid = ?").run(q.id);
    for (const f of s.stmt("SELECT id FROM figures WHERE article_id = ?").all(id) as Row[]) s.stmt("DELETE FROM figures_fts WHERE rowid = ?").run(f.id);
    s.stmt("INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)").run(id, a.title, a.body);
    for (const t of articleTerms(a.title as string, [a.body as string])) terms.add(t, -1);
    for (const p of s.stmt("SELECT name, kind, aliases FROM people WHERE article_id = ? ORDER BY rowid").all(id) as Row[]) {
      names?.add(p.name as string, p.kind as string, JSON.parse(p.aliases as string) as string[], -1);
    }
    for (const a of s.stmt("SELECT short, long FROM acronyms WHERE article_id = ?").all(id) as Row[]) forms.add(a.short as string, a.long as string, -1);
    for (const table of ["quotes", "figures", "people", "acronyms"]) s.stmt(`DELETE FROM ${table} WHERE article_id = ?`).run(id);
    s.stmt("DELETE FROM articles WHERE id = ?").run(id);
  }
}

export function insertArticle(s: SqliteDb, file: string, { record: r, extraction: x, terms: words }: IndexedArticle, { terms, names, forms }: Changes): void {
  const body = r.paragraphs.join("\n\n");
  const addedAt = new Date().toISOString();
  const id = Number(
    s
      .stmt("INSERT INTO articles (key, file, title, date, byline, outlet, url, section, tags, body, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(r.key, file, r.title, r.date, r.byline, r.outlet, r.url, r.section, JSON.stringify(r.tags), body, addedAt).lastInsertRowid,
  );
  // The article's day on each quote, as NEWEST orders articles: a speaker's newest quotes are an index range.
  const at = r.date ?? addedAt.slice(0, 10);
  s.stmt("INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)").run(id, r.title, body);
  for (const t of words ?? articleTerms(r.title, r.paragraphs)) terms.add(t, 1);
  for (const q of x.quotes) {
    const qid = s
      .stmt(
        "INSERT INTO quotes (article_id, text, speaker, cue, partial, confidence, paragraph, start, end, mentions, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(id, q.text, q.speaker, q.cue, q.partial ? 1 : 0, q.confidence, q.paragraph, q.start, q.end, JSON.stringify(q.mentions), at).lastInsertRowid;
    s.stmt("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)").run(qid, q.text);
  }
  for (const f of x.figures) {
    const fid = s
      .stmt(
        "INSERT INTO figures (article_id, text, value, unit, per, approx, up_to, measure, source, sentence, context, paragraph, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
      .run(id, f.text, f.value, f.unit, f.per, f.approx, f.upTo, f.measure, f.source, f.sentence, f.context, f.paragraph, f.start, f.end).lastInsertRowid;
    s.stmt("INSERT INTO figures_fts (rowid, sentence, measure, context, title) VALUES (?, ?, ?, ?, ?)").run(fid, f.sentence, f.measure, f.context, r.title);
  }
  for (const p of x.people) {
    s.stmt("INSERT INTO people (article_id, name, kind, aliases, roles, mentions) VALUES (?, ?, ?, ?, ?, ?)").run(
      id,
      p.name,
      p.kind,
      JSON.stringify(p.aliases),
      JSON.stringify(p.roles),
      p.mentions,
    );
    // The names rows the dictionary is made from: one per (alias, person), in how many articles.
    names?.add(p.name, p.kind, p.aliases, 1);
  }
  for (const a of x.acronyms) {
    const aid = s.stmt("INSERT INTO acronyms (article_id, short, long) VALUES (?, ?, ?)").run(id, a.short, a.long).lastInsertRowid;
    forms.add(a.short, a.long, 1, Number(aid));
  }
}

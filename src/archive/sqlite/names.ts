// The name dictionary in the SQLite archive (what the rows are: src/archive/names/dictionary.ts). Kept in
// the transaction that changes the names rows, for the surname groups it touched; read by indexed look-ups
// that both stores share (src/archive/names/reader.ts).
import { planAliases, planGroups, planWords, wordAliasRows, wordDelta, type AliasRow } from "../names/dictionary.ts";
import { nameReader } from "../names/reader.ts";
import type { OrderedNameEntry } from "../names/identities.ts";
import type { Row } from "../rows.ts";
import type { NameReader } from "../store.ts";
import type { SqliteDb } from "./db.ts";

const IN = "IN (SELECT value FROM json_each(?))";
const list = (xs: Iterable<string>) => JSON.stringify([...xs]);

/** Re-decides the identities of these surname groups from their names rows, and what follows from them. */
export function refreshGroups(s: SqliteDb, groups: Iterable<string>): void {
  const grp = list(groups);
  if (grp === "[]") return;
  const entries = s.stmt(`SELECT rowid AS ord, alias, person, kind, articles FROM names WHERE grp ${IN} ORDER BY rowid`).all(grp) as OrderedNameEntry[];
  const touched = new Set((s.stmt(`SELECT alias FROM name_pairs WHERE grp ${IN}`).all(grp) as Row[]).map((r) => r.alias as string));
  const plan = planGroups(entries);
  s.stmt(`DELETE FROM identities WHERE grp ${IN}`).run(grp);
  s.stmt(`DELETE FROM name_pairs WHERE grp ${IN}`).run(grp);
  const putIdentity = s.stmt(
    "INSERT INTO identities (key, grp, name, kind, articles, phase, ord, members, aliases, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  for (const i of plan.identities)
    putIdentity.run(i.key, i.grp, i.name, i.kind, i.articles, i.phase, i.ord, JSON.stringify(i.members), JSON.stringify(i.aliases), i.words);
  const putPair = s.stmt("INSERT INTO name_pairs (alias, identity, grp, first, text) VALUES (?, ?, ?, ?, ?)");
  for (const p of plan.pairs) {
    putPair.run(p.alias, p.identity, p.grp, p.first, p.text);
    touched.add(p.alias);
  }
  const keys = list(touched);
  const change = planAliases(
    touched,
    s.stmt(`SELECT alias, first, text FROM name_pairs WHERE alias ${IN}`).all(keys) as { alias: string; first: number; text: string }[],
    s.stmt(`SELECT key, ord, text, pairs, words FROM name_aliases WHERE key ${IN}`).all(keys) as AliasRow[],
  );
  const putAlias = s.stmt("INSERT OR REPLACE INTO name_aliases (key, ord, text, pairs, words) VALUES (?, ?, ?, ?, ?)");
  for (const a of change.put) putAlias.run(a.key, a.ord, a.text, a.pairs, a.words);
  for (const key of change.drop) s.stmt("DELETE FROM name_aliases WHERE key = ?").run(key);
  const rows = wordAliasRows(change);
  for (const r of rows.add) s.stmt("INSERT INTO name_word_aliases (word, alias) VALUES (?, ?)").run(r.word, r.alias);
  for (const r of rows.drop) s.stmt("DELETE FROM name_word_aliases WHERE word = ? AND alias = ?").run(r.word, r.alias);
  const delta = wordDelta(change);
  const before = new Map(
    (s.stmt(`SELECT word, aliases FROM name_words WHERE word ${IN}`).all(list(delta.keys())) as Row[]).map((r) => [r.word as string, r.aliases as number]),
  );
  const words = planWords(delta, before);
  for (const w of words.put) s.stmt("INSERT OR REPLACE INTO name_words (word, aliases) VALUES (?, ?)").run(w.word, w.aliases);
  for (const w of words.gone) s.stmt("DELETE FROM name_words WHERE word = ?").run(w);
  for (const d of words.undeletes) s.stmt("DELETE FROM name_deletes WHERE variant = ? AND word = ?").run(d.variant, d.word);
  for (const d of words.deletes) s.stmt("INSERT INTO name_deletes (variant, word) VALUES (?, ?)").run(d.variant, d.word);
}

/** The dictionary's look-ups, the same SELECTs as the other store's (src/archive/names/reader.ts). */
export function sqliteNames(s: SqliteDb): NameReader {
  return nameReader("sqlite", (sql, params) => s.stmt(sql).all(...params) as Row[]);
}

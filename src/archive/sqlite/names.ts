// The name dictionary in the SQLite archive (what the rows are: src/archive/names/dictionary.ts). Kept in
// the transaction that changes the names rows, for the surname groups it touched; read by indexed look-ups.
import {
  IDENTITY_COLUMNS,
  PREFIX_END as UPTO,
  RANK,
  aliasIdentities,
  planAliases,
  planGroups,
  planWords,
  toIdentityRow,
  wordAliasRows,
  wordDelta,
  type AliasRow,
  type DictionaryDump,
} from "../names/dictionary.ts";
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

export function sqliteNames(s: SqliteDb): NameReader {
  return {
    async identitiesByAlias(keys) {
      if (keys.length === 0) return [];
      const rows = s
        .stmt(
          `SELECT p.alias AS pair_alias, p.first AS pair_first, p.text AS pair_text, ${IDENTITY_COLUMNS}
        FROM name_pairs p JOIN identities i ON i.key = p.identity WHERE p.alias ${IN}`,
        )
        .all(list(new Set(keys))) as Row[];
      return aliasIdentities(rows);
    },

    async rankedIdentities(limit, after) {
      const rows = after
        ? s
            .stmt(
              `SELECT ${IDENTITY_COLUMNS} FROM identities i WHERE i.articles < ? OR (i.articles = ? AND (i.phase > ? OR (i.phase = ? AND i.ord > ?)))
            ORDER BY ${RANK} LIMIT ?`,
            )
            .all(after.articles, after.articles, after.phase, after.phase, after.ord, limit)
        : s.stmt(`SELECT ${IDENTITY_COLUMNS} FROM identities i ORDER BY ${RANK} LIMIT ?`).all(limit);
      return (rows as Row[]).map(toIdentityRow);
    },

    async identitiesWithWordPrefix(prefix, limit, most) {
      const n = (
        s.stmt("SELECT count(*) AS n FROM (SELECT 1 FROM name_word_aliases WHERE word >= ? AND word < ? LIMIT ?)").get(prefix, prefix + UPTO, most + 1) as Row
      ).n as number;
      if (n > most) return null;
      const rows = s
        .stmt(
          `SELECT ${IDENTITY_COLUMNS} FROM identities i WHERE i.key IN (SELECT p.identity FROM name_word_aliases w JOIN name_pairs p ON p.alias = w.alias
        WHERE w.word >= ? AND w.word < ?) ORDER BY ${RANK} LIMIT ?`,
        )
        .all(prefix, prefix + UPTO, limit) as Row[];
      return rows.map(toIdentityRow);
    },

    async nameWords(words, variants, prefix, rangeLimit) {
      const counts = new Map(
        (s.stmt(`SELECT word, aliases FROM name_words WHERE word ${IN}`).all(list(words)) as Row[]).map((r) => [r.word as string, r.aliases as number]),
      );
      const deletes = new Map<string, string[]>();
      for (const r of s.stmt(`SELECT variant, word FROM name_deletes WHERE variant ${IN} ORDER BY variant, word`).all(list(variants)) as Row[]) {
        const l = deletes.get(r.variant as string);
        if (l) l.push(r.word as string);
        else deletes.set(r.variant as string, [r.word as string]);
      }
      const range =
        prefix === null
          ? []
          : (s.stmt("SELECT word FROM name_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?").all(prefix, prefix + UPTO, rangeLimit) as Row[]).map(
              (r) => r.word as string,
            );
      return { counts, deletes, range };
    },

    async aliasesWithWords(words) {
      const rows = s
        .stmt(`SELECT w.word, a.key, a.ord, a.text, a.pairs, a.words FROM name_word_aliases w JOIN name_aliases a ON a.key = w.alias WHERE w.word ${IN}`)
        .all(list(words)) as Row[];
      return rows.map((r) => ({
        word: r.word as string,
        alias: { key: r.key as string, ord: r.ord as number, text: r.text as string, pairs: r.pairs as number, words: r.words as number },
      }));
    },

    async nameDictionary(): Promise<DictionaryDump> {
      const all = (sql: string) => s.stmt(sql).all() as Row[];
      return {
        identities: all(`SELECT ${IDENTITY_COLUMNS} FROM identities i ORDER BY i.key`).map(toIdentityRow),
        pairs: all("SELECT alias, identity, grp, first, text FROM name_pairs ORDER BY alias, identity") as never,
        aliases: all("SELECT key, ord, text, pairs, words FROM name_aliases ORDER BY key") as never,
        words: all("SELECT word, aliases FROM name_words ORDER BY word") as never,
        wordAliases: all("SELECT word, alias FROM name_word_aliases ORDER BY word, alias") as never,
        deletes: all("SELECT variant, word FROM name_deletes ORDER BY variant, word") as never,
      };
    },
  };
}

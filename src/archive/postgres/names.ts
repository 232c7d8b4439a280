// The name dictionary in the PostgreSQL archive (what the rows are: src/archive/names/dictionary.ts). Kept in
// the transaction that changes the names rows, for the surname groups it touched; read by indexed look-ups
// that both stores share (src/archive/names/reader.ts).
import type pg from "pg";
import { planAliases, planGroups, planWords, wordAliasRows, wordDelta, type AliasRow } from "../names/dictionary.ts";
import { nameReader } from "../names/reader.ts";
import type { OrderedNameEntry } from "../names/identities.ts";
import type { Row } from "../rows.ts";
import type { NameReader } from "../store.ts";
import type { PgDb } from "./db.ts";

const rowsOf = async (c: pg.PoolClient, sql: string, params: unknown[]) => (await c.query(sql, params)).rows as Row[];

/** Re-decides the identities of these surname groups from their names rows, and what follows from them. */
export async function refreshGroups(c: pg.PoolClient, groups: Iterable<string>): Promise<void> {
  const grp = [...groups];
  if (grp.length === 0) return;
  const entries = (await rowsOf(c, "SELECT id AS ord, alias, person, kind, articles FROM names WHERE grp = ANY($1::text[]) ORDER BY id", [
    grp,
  ])) as unknown as OrderedNameEntry[];
  const touched = new Set((await rowsOf(c, "DELETE FROM name_pairs WHERE grp = ANY($1::text[]) RETURNING alias", [grp])).map((r) => r.alias as string));
  await c.query("DELETE FROM identities WHERE grp = ANY($1::text[])", [grp]);
  const plan = planGroups(entries);
  const ids = plan.identities;
  if (ids.length) {
    await c.query(
      `INSERT INTO identities (key, grp, name, kind, articles, phase, ord, members, aliases, words)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::bigint[], $8::text[], $9::text[], $10::text[])`,
      [
        ids.map((i) => i.key),
        ids.map((i) => i.grp),
        ids.map((i) => i.name),
        ids.map((i) => i.kind),
        ids.map((i) => i.articles),
        ids.map((i) => i.phase),
        ids.map((i) => i.ord),
        ids.map((i) => JSON.stringify(i.members)),
        ids.map((i) => JSON.stringify(i.aliases)),
        ids.map((i) => i.words),
      ],
    );
  }
  const pairs = plan.pairs;
  if (pairs.length) {
    await c.query(
      `INSERT INTO name_pairs (alias, identity, grp, first, text) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[])`,
      [pairs.map((p) => p.alias), pairs.map((p) => p.identity), pairs.map((p) => p.grp), pairs.map((p) => p.first), pairs.map((p) => p.text)],
    );
  }
  for (const p of pairs) touched.add(p.alias);
  const keys = [...touched];
  const change = planAliases(
    touched,
    (await rowsOf(c, "SELECT alias, first, text FROM name_pairs WHERE alias = ANY($1::text[])", [keys])) as never,
    (await rowsOf(c, "SELECT key, ord, text, pairs, words FROM name_aliases WHERE key = ANY($1::text[])", [keys])) as unknown as AliasRow[],
  );
  const put = change.put;
  if (put.length) {
    await c.query(
      `INSERT INTO name_aliases (key, ord, text, pairs, words) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::int[], $5::int[])
      ON CONFLICT (key) DO UPDATE SET ord = excluded.ord, text = excluded.text, pairs = excluded.pairs, words = excluded.words`,
      [put.map((a) => a.key), put.map((a) => a.ord), put.map((a) => a.text), put.map((a) => a.pairs), put.map((a) => a.words)],
    );
  }
  await c.query("DELETE FROM name_aliases WHERE key = ANY($1::text[])", [change.drop]);
  const { add, drop } = wordAliasRows(change);
  await c.query("INSERT INTO name_word_aliases (word, alias) SELECT * FROM unnest($1::text[], $2::text[])", [add.map((r) => r.word), add.map((r) => r.alias)]);
  await c.query("DELETE FROM name_word_aliases WHERE (word, alias) IN (SELECT * FROM unnest($1::text[], $2::text[]))", [
    drop.map((r) => r.word),
    drop.map((r) => r.alias),
  ]);
  const delta = wordDelta(change);
  const before = new Map(
    (await rowsOf(c, "SELECT word, aliases FROM name_words WHERE word = ANY($1::text[])", [[...delta.keys()]])).map((r) => [
      r.word as string,
      r.aliases as number,
    ]),
  );
  const words = planWords(delta, before);
  await c.query(
    `INSERT INTO name_words (word, aliases) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (word) DO UPDATE SET aliases = excluded.aliases`,
    [words.put.map((w) => w.word), words.put.map((w) => w.aliases)],
  );
  await c.query("DELETE FROM name_words WHERE word = ANY($1::text[])", [words.gone]);
  await c.query("DELETE FROM name_deletes WHERE (variant, word) IN (SELECT * FROM unnest($1::text[], $2::text[]))", [
    words.undeletes.map((d) => d.variant),
    words.undeletes.map((d) => d.word),
  ]);
  await c.query("INSERT INTO name_deletes (variant, word) SELECT * FROM unnest($1::text[], $2::text[])", [
    words.deletes.map((d) => d.variant),
    words.deletes.map((d) => d.word),
  ]);
}

/** The dictionary's look-ups, the same SELECTs as the other store's (src/archive/names/reader.ts). */
export function postgresNames(db: PgDb): NameReader {
  return nameReader("postgres", (sql, params) => db.rows(sql, params));
}

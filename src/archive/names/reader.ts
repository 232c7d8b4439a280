// The name dictionary's look-ups (NameReader), written once for both stores: the same indexed SELECTs, bound
// the way each store binds a value or a list (shared-sql.ts Params), run by the store's own `rows`. Only the
// seek past a ranked identity is written per database: a row-value comparison in PostgreSQL, its expansion in
// SQLite, each the form its planner answers from the rank index.
import { Params } from "../shared-sql.ts";
import type { Row } from "../rows.ts";
import type { NameReader } from "../store.ts";
import { IDENTITY_COLUMNS, PREFIX_END as UPTO, RANK, aliasIdentities, deletesByVariant, dumpDictionary, toIdentityRow, toWordAlias } from "./dictionary.ts";

/** How a store runs one SELECT with its parameters. */
export type RunRows = (sql: string, params: unknown[]) => Row[] | Promise<Row[]>;

export function nameReader(dialect: "sqlite" | "postgres", rows: RunRows): NameReader {
  /** Runs the statement `build` writes, with the parameters it bound. */
  const run = (build: (p: Params) => string) => {
    const p = new Params(dialect);
    const sql = build(p);
    return rows(sql, p.values);
  };
  return {
    async identitiesByAlias(keys) {
      if (keys.length === 0) return [];
      return aliasIdentities(
        await run(
          (p) => `SELECT p.alias AS pair_alias, p.first AS pair_first, p.text AS pair_text, ${IDENTITY_COLUMNS}
        FROM name_pairs p JOIN identities i ON i.key = p.identity WHERE ${p.oneOf("p.alias", [...new Set(keys)], "text")}`,
        ),
      );
    },

    async rankedIdentities(limit, after) {
      const found = after
        ? await run((p) =>
            dialect === "postgres"
              ? `SELECT ${IDENTITY_COLUMNS} FROM identities i WHERE (-i.articles, i.phase, i.ord) > (${p.add(-after.articles)}, ${p.add(after.phase)}, ${p.add(after.ord)}) ORDER BY ${RANK} LIMIT ${p.add(limit)}`
              : `SELECT ${IDENTITY_COLUMNS} FROM identities i WHERE i.articles < ${p.add(after.articles)} OR (i.articles = ${p.add(after.articles)} AND (i.phase > ${p.add(after.phase)} OR (i.phase = ${p.add(after.phase)} AND i.ord > ${p.add(after.ord)})))
            ORDER BY ${RANK} LIMIT ${p.add(limit)}`,
          )
        : await run((p) => `SELECT ${IDENTITY_COLUMNS} FROM identities i ORDER BY ${RANK} LIMIT ${p.add(limit)}`);
      return found.map(toIdentityRow);
    },

    async identitiesWithWordPrefix(prefix, limit, most) {
      const [{ n }] = await run(
        (p) =>
          `SELECT count(*) AS n FROM (SELECT 1 FROM name_word_aliases WHERE word >= ${p.add(prefix)} AND word < ${p.add(prefix + UPTO)} LIMIT ${p.add(most + 1)}) x`,
      );
      if ((n as number) > most) return null;
      const found = await run(
        (p) => `SELECT ${IDENTITY_COLUMNS} FROM identities i WHERE i.key IN (SELECT p.identity FROM name_word_aliases w JOIN name_pairs p ON p.alias = w.alias
        WHERE w.word >= ${p.add(prefix)} AND w.word < ${p.add(prefix + UPTO)}) ORDER BY ${RANK} LIMIT ${p.add(limit)}`,
      );
      return found.map(toIdentityRow);
    },

    async nameWords(words, variants, prefix, rangeLimit) {
      const [counted, deleted, range] = await Promise.all([
        run((p) => `SELECT word, aliases FROM name_words WHERE ${p.oneOf("word", words, "text")}`),
        run((p) => `SELECT variant, word FROM name_deletes WHERE ${p.oneOf("variant", variants, "text")} ORDER BY variant, word`),
        prefix === null
          ? []
          : run(
              (p) => `SELECT word FROM name_words WHERE word >= ${p.add(prefix)} AND word < ${p.add(prefix + UPTO)} ORDER BY word LIMIT ${p.add(rangeLimit)}`,
            ),
      ]);
      return {
        counts: new Map(counted.map((r) => [r.word as string, r.aliases as number])),
        deletes: deletesByVariant(deleted),
        range: range.map((r) => r.word as string),
      };
    },

    async aliasesWithWords(words) {
      // PostgreSQL's planner hashed the whole of name_aliases for this join (EXPLAIN at 100k: a sequential scan of
      // 106,717 rows spilling to disk, 72-152 ms for a typo's 2,203 rows); a LATERAL look-up that it cannot
      // flatten (OFFSET 0) reads each alias by its key instead: 9.5 ms. SQLite's planner does that already.
      const aliases =
        dialect === "postgres"
          ? "CROSS JOIN LATERAL (SELECT * FROM name_aliases a WHERE a.key = w.alias OFFSET 0) a"
          : "JOIN name_aliases a ON a.key = w.alias";
      const found = await run(
        (p) => `SELECT w.word, a.key, a.ord, a.text, a.pairs, a.words FROM name_word_aliases w ${aliases} WHERE ${p.oneOf("w.word", words, "text")}`,
      );
      return found.map(toWordAlias);
    },

    async aliasesNamingOthers(keys, identity) {
      if (keys.length === 0) return new Set();
      // EXISTS stops at the first pair of another identity: a range of the (alias, identity) key, not all of it.
      const others = (p: Params, alias: string) =>
        `EXISTS (SELECT 1 FROM name_pairs p JOIN identities i ON i.key = p.identity WHERE p.alias = ${alias} AND p.identity <> ${p.add(identity)})`;
      const found = await run((p) => {
        const list = [...new Set(keys)];
        return dialect === "sqlite"
          ? `SELECT k.value AS alias FROM json_each(${p.add(JSON.stringify(list))}) k WHERE ${others(p, "k.value")}`
          : `SELECT k.alias FROM unnest(${p.add(list)}::text[]) AS k(alias) WHERE ${others(p, "k.alias")}`;
      });
      return new Set(found.map((r) => r.alias as string));
    },

    nameDictionary: () => dumpDictionary((sql) => rows(sql, [])),
  };
}

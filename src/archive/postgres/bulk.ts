// Writing many files at once into an empty PostgreSQL archive: rows by COPY, the word (GIN) and random-key
// indexes dropped and built once at the end, and what the live path keeps row by row — the vocabulary,
// bm25's totals, the acronym forms, the names rows and the dictionary — made at the end from the tables in
// a few statements. The marks (meta 'bulk', name_dirty rows) let the next writer finish a batch a killed
// process left.
import type pg from "pg";
import { NameTally } from "../names/tally.ts";
import type { Row } from "../rows.ts";
import type { PgDb } from "./db.ts";
import { SORTED_LATER, SORTED_LATER_NAMES } from "./schema.ts";

/** People rows read at once while counting the names rows. */
const PAGE = 50_000;

export async function startBulk(db: PgDb): Promise<void> {
  await db.write(async (c) => {
    await c.query("INSERT INTO meta (key, value) VALUES ('bulk', '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    await c.query(`DROP INDEX IF EXISTS ${SORTED_LATER_NAMES.join(", ")}`);
  });
}

export async function bulkUnfinished(db: PgDb): Promise<boolean> {
  return (await db.rows("SELECT 1 FROM meta WHERE key = 'bulk'")).length > 0;
}

/** Builds the indexes and the counts of a bulk ingest, and marks every surname group for the dictionary. */
export async function finishBulk(db: PgDb): Promise<void> {
  await db.write(async (c) => {
    await c.query("SET LOCAL maintenance_work_mem = '256MB'");
    await c.query(SORTED_LATER);
    await c.query(`DELETE FROM terms; INSERT INTO terms (term, docs)
      SELECT t, count(*) FROM articles, unnest(tsvector_to_array(tsv)) AS t GROUP BY t ORDER BY t`);
    await c.query(`DELETE FROM row_terms; INSERT INTO row_terms (tbl, term, rows)
      SELECT 'quotes', t, count(*) FROM quotes, unnest(tsvector_to_array(tsv)) AS t GROUP BY t
      UNION ALL SELECT 'figures', t, count(*) FROM figures, unnest(tsvector_to_array(tsv)) AS t GROUP BY t ORDER BY 1, 2`);
    await c.query(`UPDATE fts_totals f SET rows = t.rows, tokens = t.tokens FROM (
      SELECT 'articles' AS name, count(*) AS rows, coalesce(sum(tokens), 0) AS tokens FROM articles
      UNION ALL SELECT 'quotes', count(*), coalesce(sum(tokens), 0) FROM quotes
      UNION ALL SELECT 'figures', count(*), coalesce(sum(tokens), 0) FROM figures) t WHERE f.name = t.name`);
    await c.query(`DELETE FROM acronym_forms; INSERT INTO acronym_forms (short, long, uses, first)
      SELECT short, long, count(*), min(id) FROM acronyms GROUP BY short, long`);
    await countNames(c);
    await c.query("INSERT INTO name_dirty (grp) SELECT DISTINCT grp FROM names ON CONFLICT DO NOTHING");
    await c.query("DELETE FROM meta WHERE key = 'bulk'");
    await c.query("UPDATE newsbot_state SET value = value + 1 WHERE key = 'revision'");
  });
  await db.pool.query("ANALYZE");
}

/** The names rows, counted from every people row in the order written (the dictionary's order). */
async function countNames(c: pg.PoolClient): Promise<void> {
  const names = new NameTally();
  for (let after = 0; ;) {
    const page = (await c.query("SELECT id, name, kind, aliases FROM people WHERE id > $1 ORDER BY id LIMIT $2", [after, PAGE])).rows as Row[];
    if (page.length === 0) break;
    for (const p of page) names.add(p.name as string, p.kind as string, JSON.parse(p.aliases as string) as string[], 1);
    after = page.at(-1)!.id as number;
  }
  const { rows } = names.changes();
  await c.query("DELETE FROM names");
  for (let i = 0; i < rows.length; i += PAGE) {
    const part = rows.slice(i, i + PAGE);
    await c.query(
      `INSERT INTO names (alias, person, kind, articles, grp) SELECT u.a, u.p, u.k, u.n, u.g
      FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) WITH ORDINALITY AS u(a, p, k, n, g, i) ORDER BY u.i`,
      [part.map((r) => r.alias), part.map((r) => r.person), part.map((r) => r.kind), part.map((r) => r.n), part.map((r) => r.grp)],
    );
  }
}

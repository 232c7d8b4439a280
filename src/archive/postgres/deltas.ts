// What one writing transaction changes in the PostgreSQL archive's vocabulary, name dictionary and bm25
// totals: summed while its files are written, applied in a few statements at its end.
import type pg from "pg";
import { Tally, nameKeys } from "../rows.ts";

export class Deltas {
  terms = new Tally();
  /** (alias, person) → articles added or removed, in the order first seen (the dictionary's order). */
  names = new Map<string, { alias: string; person: string; kind: string; n: number }>();
  totals = new Map<string, { rows: number; tokens: number }>([["articles", { rows: 0, tokens: 0 }], ["quotes", { rows: 0, tokens: 0 }], ["figures", { rows: 0, tokens: 0 }]]);

  name(person: string, kind: string, aliases: string[], n: number) {
    for (const alias of nameKeys(person, aliases)) {
      const key = `${alias}\u0000${person}`;
      const e = this.names.get(key);
      if (e) e.n += n;
      else this.names.set(key, { alias, person, kind, n });
    }
  }

  term(t: string, n: number) {
    this.terms.add(t, n);
  }

  total(name: string, rows: number, tokens: number) {
    const t = this.totals.get(name)!;
    t.rows += rows;
    t.tokens += tokens;
  }

  async apply(c: pg.PoolClient) {
    const changed = [...this.terms].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (changed.length) {
      const terms = changed.map(([t]) => t);
      await c.query(`INSERT INTO terms (term, docs) SELECT * FROM unnest($1::text[], $2::int[])
        ON CONFLICT (term) DO UPDATE SET docs = terms.docs + excluded.docs`, [terms, changed.map(([, n]) => n)]);
      await c.query("DELETE FROM terms WHERE term = ANY($1::text[]) AND docs <= 0", [terms]);
    }
    const names = [...this.names.values()].filter((e) => e.n !== 0);
    if (names.length) {
      await c.query(`INSERT INTO names (alias, person, kind, articles) SELECT u.a, u.p, u.k, u.n
        FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) WITH ORDINALITY AS u(a, p, k, n, i) ORDER BY u.i
        ON CONFLICT (alias, person) DO UPDATE SET articles = names.articles + excluded.articles`,
      [names.map((e) => e.alias), names.map((e) => e.person), names.map((e) => e.kind), names.map((e) => e.n)]);
      await c.query("DELETE FROM names WHERE articles <= 0 AND (alias, person) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
        [names.map((e) => e.alias), names.map((e) => e.person)]);
    }
    const totals = [...this.totals].filter(([, t]) => t.rows !== 0 || t.tokens !== 0);
    if (totals.length) {
      await c.query(`UPDATE fts_totals f SET rows = f.rows + d.rows, tokens = f.tokens + d.tokens
        FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(name, rows, tokens) WHERE f.name = d.name`,
      [totals.map(([n]) => n), totals.map(([, t]) => t.rows), totals.map(([, t]) => t.tokens)]);
    }
  }
}

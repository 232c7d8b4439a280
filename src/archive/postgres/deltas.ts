// What one writing transaction changes in the PostgreSQL archive's vocabulary, name dictionary and bm25
// totals: summed while its files are written, applied in a few statements at its end.
import type pg from "pg";
import { NameTally } from "../names/tally.ts";
import { FormTally, Tally } from "../rows.ts";
import { refreshGroups } from "./names.ts";

export class Deltas {
  terms = new Tally();
  /** Rows of quotes and figures holding each word: bm25's counts of one-word phrases. */
  rowTerms = new Map([
    ["quotes", new Tally()],
    ["figures", new Tally()],
  ]);
  /** (alias, person) → articles added or removed, in the order first seen (the dictionary's order). */
  names = new NameTally();
  forms = new FormTally();
  totals = new Map<string, { rows: number; tokens: number }>([
    ["articles", { rows: 0, tokens: 0 }],
    ["quotes", { rows: 0, tokens: 0 }],
    ["figures", { rows: 0, tokens: 0 }],
  ]);

  name(person: string, kind: string, aliases: string[], n: number) {
    this.names.add(person, kind, aliases, n);
  }

  term(t: string, n: number) {
    this.terms.add(t, n);
  }

  rowTerm(table: "quotes" | "figures", t: string, n: number) {
    this.rowTerms.get(table)!.add(t, n);
  }

  total(name: string, rows: number, tokens: number) {
    const t = this.totals.get(name)!;
    t.rows += rows;
    t.tokens += tokens;
  }

  /** Writes what the transaction changed; the dictionary's surname groups now, or marked for later (`defer`). */
  async apply(c: pg.PoolClient, defer = false) {
    const changed = [...this.terms].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (changed.length) {
      const terms = changed.map(([t]) => t);
      await c.query(
        `INSERT INTO terms (term, docs) SELECT * FROM unnest($1::text[], $2::int[])
        ON CONFLICT (term) DO UPDATE SET docs = terms.docs + excluded.docs`,
        [terms, changed.map(([, n]) => n)],
      );
      await c.query("DELETE FROM terms WHERE term = ANY($1::text[]) AND docs <= 0", [terms]);
    }
    for (const [table, tally] of this.rowTerms) {
      const rows = [...tally].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (rows.length === 0) continue;
      const words = rows.map(([t]) => t);
      await c.query(
        `INSERT INTO row_terms (tbl, term, rows) SELECT $1, u.t, u.n FROM unnest($2::text[], $3::int[]) AS u(t, n)
        ON CONFLICT (tbl, term) DO UPDATE SET rows = row_terms.rows + excluded.rows`,
        [table, words, rows.map(([, n]) => n)],
      );
      await c.query("DELETE FROM row_terms WHERE tbl = $1 AND term = ANY($2::text[]) AND rows <= 0", [table, words]);
    }
    const { rows: names, groups } = this.names.changes();
    if (names.length) {
      await c.query(
        `INSERT INTO names (alias, person, kind, articles, grp) SELECT u.a, u.p, u.k, u.n, u.g
        FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) WITH ORDINALITY AS u(a, p, k, n, g, i) ORDER BY u.i
        ON CONFLICT (alias, person) DO UPDATE SET articles = names.articles + excluded.articles`,
        [names.map((e) => e.alias), names.map((e) => e.person), names.map((e) => e.kind), names.map((e) => e.n), names.map((e) => e.grp)],
      );
      await c.query("DELETE FROM names WHERE articles <= 0 AND (alias, person) IN (SELECT * FROM unnest($1::text[], $2::text[]))", [
        names.map((e) => e.alias),
        names.map((e) => e.person),
      ]);
      if (defer) await c.query("INSERT INTO name_dirty (grp) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING", [[...groups]]);
      else await refreshGroups(c, groups);
    }
    const forms = this.forms.changes();
    if (forms.length) {
      await c.query(
        `INSERT INTO acronym_forms (short, long, uses, first) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[])
        ON CONFLICT (short, long) DO UPDATE SET uses = acronym_forms.uses + excluded.uses, first = least(acronym_forms.first, excluded.first)`,
        [forms.map((f) => f.short), forms.map((f) => f.long), forms.map((f) => f.n), forms.map((f) => f.first ?? Number.MAX_SAFE_INTEGER)],
      );
      const removed = forms.filter((f) => f.removed);
      await c.query(
        `DELETE FROM acronym_forms f USING unnest($1::text[], $2::text[]) AS r(short, long) WHERE f.short = r.short AND f.long = r.long AND f.uses <= 0`,
        [removed.map((f) => f.short), removed.map((f) => f.long)],
      );
      await c.query(
        `UPDATE acronym_forms f SET first = (SELECT min(id) FROM acronyms a WHERE a.short = f.short AND a.long = f.long)
        FROM unnest($1::text[], $2::text[]) AS r(short, long) WHERE f.short = r.short AND f.long = r.long`,
        [removed.map((f) => f.short), removed.map((f) => f.long)],
      );
    }
    await this.applyTotals(c);
  }

  /** Rows and words per searched table. */
  async applyTotals(c: pg.PoolClient) {
    const totals = [...this.totals].filter(([, t]) => t.rows !== 0 || t.tokens !== 0);
    if (totals.length) {
      await c.query(
        `UPDATE fts_totals f SET rows = f.rows + d.rows, tokens = f.tokens + d.tokens
        FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(name, rows, tokens) WHERE f.name = d.name`,
        [totals.map(([n]) => n), totals.map(([, t]) => t.rows), totals.map(([, t]) => t.tokens)],
      );
    }
  }
}

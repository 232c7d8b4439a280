// Writes a file's articles into the PostgreSQL archive: a few multi-row inserts per file (one per table),
// each row with its tsvector and word count made here from our own tokens (text.ts). In a bulk ingest
// (`copy`) the rows go by COPY instead.
import type pg from "pg";
import type { Row } from "../rows.ts";
import type { IndexedArticle } from "../store.ts";
import { copyRows } from "./copy.ts";
import type { Deltas } from "./deltas.ts";
import { distinctTerms, tokenize, tsvectorOf } from "./text.ts";

export async function insertArticles(c: pg.PoolClient, file: string, articles: IndexedArticle[], delta: Deltas, copy: boolean): Promise<void> {
  if (articles.length === 0) return;
  const ids = ((await c.query("SELECT nextval('articles_id_seq') AS id FROM generate_series(1, $1)", [articles.length])).rows as Row[]).map(
    (r) => r.id as number,
  );
  const now = new Date().toISOString();
  const a = columns(11);
  const q = columns(12);
  const f = columns(16);
  const p = columns(6);
  const ac = columns(3);
  articles.forEach(({ record: r, extraction: x }, i) => {
    const id = ids[i];
    const body = r.paragraphs.join("\n\n");
    const titleTokens = tokenize(r.title);
    const bodyTokens = tokenize(body);
    const size = titleTokens.length + bodyTokens.length;
    delta.total("articles", 1, size);
    for (const t of distinctTerms([titleTokens, bodyTokens])) delta.term(t, 1);
    a.push(id, r.key, r.title, r.date, r.byline, r.outlet, r.url, r.section, JSON.stringify(r.tags), body, size);
    a.extra.push(tsvectorOf([titleTokens, bodyTokens]));
    a.last.push(file, now);
    // The article's day on each of its quotes (as in the SQLite store): a speaker's newest quotes are then a
    // range of the (speaker, at, …) index, not a walk of the articles by date (EXPLAIN at 100k: 1.3 s).
    const at = r.date ?? now.slice(0, 10);
    for (const x1 of x.quotes) {
      const tokens = tokenize(x1.text);
      delta.total("quotes", 1, tokens.length);
      if (!copy) for (const t of distinctTerms([tokens])) delta.rowTerm("quotes", t, 1);
      q.push(id, x1.text, x1.speaker, x1.cue, x1.partial, x1.confidence, x1.paragraph, x1.start, x1.end, JSON.stringify(x1.mentions), tokens.length, at);
      q.extra.push(tsvectorOf([tokens]));
    }
    for (const g of x.figures) {
      const cols = [g.sentence, g.measure, g.context, r.title].map(tokenize);
      const size2 = cols.reduce((n, t) => n + t.length, 0);
      delta.total("figures", 1, size2);
      if (!copy) for (const t of distinctTerms(cols)) delta.rowTerm("figures", t, 1);
      f.push(id, g.text, g.value, g.unit, g.per, g.approx, g.upTo, g.measure, g.source, g.sentence, g.context, g.paragraph, g.start, g.end, r.title, size2);
      f.extra.push(tsvectorOf(cols));
    }
    for (const person of x.people) {
      p.push(id, person.name, person.kind, JSON.stringify(person.aliases), JSON.stringify(person.roles), person.mentions);
      delta.name(person.name, person.kind, person.aliases, 1);
    }
    for (const acr of x.acronyms) ac.push(id, acr.short, acr.long);
  });
  if (copy) {
    await copyRows(c, "articles (id, key, title, date, byline, outlet, url, section, tags, body, tokens, tsv, file, added_at)", [
      ...a.cols,
      a.extra,
      ...a.lastCols,
    ]);
    await copyRows(c, 'quotes (article_id, text, speaker, cue, partial, confidence, paragraph, start, "end", mentions, tokens, at, tsv)', [...q.cols, q.extra]);
    await copyRows(
      c,
      'figures (article_id, text, value, unit, per, approx, up_to, measure, source, sentence, context, paragraph, start, "end", title, tokens, tsv)',
      [...f.cols, f.extra],
    );
    await copyRows(c, "people (article_id, name, kind, aliases, roles, mentions)", p.cols);
    await copyRows(c, "acronyms (article_id, short, long)", ac.cols);
    return;
  }
  await c.query(
    `INSERT INTO articles (id, key, file, title, date, byline, outlet, url, section, tags, body, tokens, added_at, tsv)
    SELECT u.id, u.key, $1, u.title, u.date, u.byline, u.outlet, u.url, u.section, u.tags, u.body, u.tokens, $2, u.tsv::tsvector
    FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[])
      AS u(id, key, title, date, byline, outlet, url, section, tags, body, tokens, tsv)`,
    [file, now, ...a.cols, a.extra],
  );
  if (q.length) {
    await c.query(
      `INSERT INTO quotes (article_id, text, speaker, cue, partial, confidence, paragraph, start, "end", mentions, tokens, at, tsv)
      SELECT u.a, u.t, u.s, u.c, u.p, u.conf, u.para, u.st, u.en, u.m, u.tok, u.at, u.tsv::tsvector
      FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::float8[], $7::int[], $8::int[], $9::int[], $10::text[], $11::int[], $12::text[], $13::text[])
        WITH ORDINALITY AS u(a, t, s, c, p, conf, para, st, en, m, tok, at, tsv, n) ORDER BY u.n`,
      [...q.cols, q.extra],
    );
  }
  if (f.length) {
    await c.query(
      `INSERT INTO figures (article_id, text, value, unit, per, approx, up_to, measure, source, sentence, context, paragraph, start, "end", title, tokens, tsv)
      SELECT u.a, u.t, u.v, u.u, u.per, u.ap, u.up, u.me, u.so, u.se, u.co, u.para, u.st, u.en, u.ti, u.tok, u.tsv::tsvector
      FROM unnest($1::bigint[], $2::text[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::int[], $15::text[], $16::int[], $17::text[])
        WITH ORDINALITY AS u(a, t, v, u, per, ap, up, me, so, se, co, para, st, en, ti, tok, tsv, n) ORDER BY u.n`,
      [...f.cols, f.extra],
    );
  }
  if (p.length) {
    await c.query(
      `INSERT INTO people (article_id, name, kind, aliases, roles, mentions)
      SELECT u.a, u.na, u.k, u.al, u.ro, u.me FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])
        WITH ORDINALITY AS u(a, na, k, al, ro, me, n) ORDER BY u.n`,
      p.cols,
    );
  }
  if (ac.length) {
    const rows = (
      await c.query(
        `INSERT INTO acronyms (article_id, short, long) SELECT u.a, u.s, u.l FROM unnest($1::bigint[], $2::text[], $3::text[])
      WITH ORDINALITY AS u(a, s, l, n) ORDER BY u.n RETURNING id, short, long`,
        ac.cols,
      )
    ).rows as Row[];
    for (const r of rows) delta.forms.add(r.short as string, r.long as string, 1, r.id as number);
  }
}

/** Column arrays for one multi-row insert (unnest), plus the tsvector literals beside them. */
function columns(n: number) {
  const cols: unknown[][] = Array.from({ length: n }, () => []);
  const lastCols: unknown[][] = [[], []];
  return {
    cols,
    extra: [] as string[],
    /** The articles' file and time added (one value for the whole insert; a column of their own for COPY). */
    lastCols,
    last: {
      push(file: string, at: string) {
        lastCols[0].push(file);
        lastCols[1].push(at);
      },
    },
    get length() {
      return cols[0].length;
    },
    push(...values: unknown[]) {
      values.forEach((v, i) => cols[i].push(v));
    },
  };
}

// Writing many files at once into the SQLite archive. Into an empty archive (a first ingest) the indexes
// with random keys are dropped and built once at the end, the vocabulary and acronym forms are counted in
// memory and the names rows and dictionary made once from the people rows: one sort each instead of a
// random b-tree write per row. Into a larger archive only the dictionary waits for the end. Either way a
// process killed in between leaves a mark (meta 'bulk', name_dirty rows) and the next writer finishes the work.
import { NameTally } from "../names/tally.ts";
import { FormTally, Tally, type Row } from "../rows.ts";
import { articleTerms } from "../terms.ts";
import { applyForms, applyNames, applyTerms } from "./articles.ts";
import type { SqliteDb } from "./db.ts";
import { refreshGroups } from "./names.ts";
import { SORTED_LATER } from "./schema.ts";

/** Names rows re-decided per transaction (whole surname groups): each a short stop for answers. */
const ROWS_PER_TRANSACTION = 5000;
/** Page cache while bulk-writing (KiB, as SQLite's negative cache_size): the FTS segments and tables being filled stay in memory. */
const BULK_CACHE = -524288;
const CACHE = -65536;

/** A batch in progress: what a bulk ingest counts in memory until its end. */
export interface Bulk {
  terms: Tally;
  forms: FormTally;
}

export function startBulk(s: SqliteDb): Bulk {
  s.db.transaction(() => {
    s.stmt("INSERT OR REPLACE INTO meta (key, value) VALUES ('bulk', '1')").run();
    for (const index of ["quotes_speaker", "people_name_article", "names_key", "names_grp", "acronyms_form"]) s.db.exec(`DROP INDEX IF EXISTS ${index}`);
  })();
  s.db.pragma(`cache_size = ${BULK_CACHE}`);
  return { terms: new Tally(), forms: new FormTally() };
}

/**
 * Ends a bulk ingest: the vocabulary and acronym forms counted, the dropped indexes built, the names rows
 * counted from the people rows, then every surname group's identities. `bulk` null: after a crash, when the
 * counts in memory are gone, they are counted again from the stored articles.
 */
export async function finishBulk(s: SqliteDb, bulk: Bulk | null): Promise<void> {
  const counted = bulk ?? recount(s);
  s.db.transaction(() => {
    applyTerms(s, sortedTally(counted.terms));
    applyForms(s, counted.forms);
    s.db.exec(SORTED_LATER);
    const names = new NameTally();
    for (const p of s.stmt("SELECT name, kind, aliases FROM people ORDER BY rowid").all() as Row[])
      names.add(p.name as string, p.kind as string, JSON.parse(p.aliases as string) as string[], 1);
    applyNames(s, names, true);
    s.stmt("DELETE FROM meta WHERE key = 'bulk'").run();
  })();
  s.db.pragma(`cache_size = ${CACHE}`);
  await refreshDirty(s);
}

/** Re-decides the surname groups marked for later, a few hundred per transaction, letting answers in between. */
export async function refreshDirty(s: SqliteDb): Promise<void> {
  for (;;) {
    // Groups in order until about ROWS_PER_TRANSACTION names rows (a large surname group goes alone).
    const groups: string[] = [];
    let rows = 0;
    for (const r of s
      .stmt("SELECT d.grp, (SELECT count(*) FROM names n WHERE n.grp = d.grp) AS rows FROM name_dirty d ORDER BY d.grp LIMIT 1000")
      .all() as Row[]) {
      if (groups.length > 0 && rows + (r.rows as number) > ROWS_PER_TRANSACTION) break;
      groups.push(r.grp as string);
      rows += r.rows as number;
    }
    if (groups.length === 0) return;
    s.db.transaction(() => {
      refreshGroups(s, groups);
      for (const g of groups) s.stmt("DELETE FROM name_dirty WHERE grp = ?").run(g);
      s.stmt("INSERT INTO meta (key, value) VALUES ('revision', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1").run();
    })();
    await new Promise<void>((r) => setImmediate(r));
  }
}

/** Whether a batch was cut short (bulk ingest or dictionary not finished): the next writer finishes it first. */
export function unfinished(s: SqliteDb): { bulk: boolean; dirty: boolean } {
  return {
    bulk: s.stmt("SELECT 1 FROM meta WHERE key = 'bulk'").get() !== undefined,
    dirty: s.stmt("SELECT 1 FROM name_dirty LIMIT 1").get() !== undefined,
  };
}

/** The vocabulary and acronym forms counted from every stored article (after a crash: slow, once). */
function recount(s: SqliteDb): Bulk {
  const terms = new Tally();
  let after = 0;
  for (;;) {
    const page = s.stmt("SELECT id, title, body FROM articles WHERE id > ? ORDER BY id LIMIT 1000").all(after) as Row[];
    if (page.length === 0) break;
    for (const a of page) for (const t of articleTerms(a.title as string, [a.body as string])) terms.add(t, 1);
    after = page.at(-1)!.id as number;
  }
  s.db.exec("DELETE FROM terms; DELETE FROM acronym_forms;");
  const forms = new FormTally();
  for (const a of s.stmt("SELECT rowid AS id, short, long FROM acronyms ORDER BY rowid").all() as Row[])
    forms.add(a.short as string, a.long as string, 1, a.id as number);
  return { terms, forms };
}

/** The same counts in key order: the terms table's b-tree is then written left to right. */
function sortedTally(t: Tally): Tally {
  return new Tally([...t].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// Whose file this is. newsbot creates, migrates or drops tables only in an SQLite file that is empty or
// already its own: marked with its application_id, or (an archive made before the mark) holding nothing but
// newsbot's tables. Anything else — another application's database given as NEWSBOT_DB by mistake — stops
// the open with one line naming the file, before a single byte of it is changed.
import { statSync } from "node:fs";
import type Database from "better-sqlite3";
import { Refusal } from "../../fault.ts";
import { archiveProblem } from "../problems.ts";
import { LOOKUP_TABLES } from "../shared-sql.ts";

/** "news" in ASCII: the SQLite header's application_id of every newsbot archive. */
export const NEWSBOT_APPLICATION_ID = 0x6e657773;

/** The tables (and FTS5 shadow tables) any version of newsbot has made. */
const OURS = new Set([
  "meta",
  "files",
  "articles",
  "quotes",
  "figures",
  "people",
  "names",
  "terms",
  "acronyms",
  "digests",
  "leases",
  "buttons",
  "source",
  "articles_vocab",
  ...LOOKUP_TABLES,
]);
const ours = (name: string) => OURS.has(name) || /^(quotes|figures|articles)_fts(_\w+)?$/.test(name);

/** Checks the file is newsbot's (or empty) and marks it so; a Refusal otherwise. Call before anything writes. */
export function claimArchive(db: Database.Database, path: string): void {
  // The mark and the tables read in one snapshot: another process claiming the same fresh file at this moment
  // (it marks the file, then makes the tables) is seen either not at all or marked, never as unmarked tables.
  let id: number;
  let tables: string[];
  try {
    ({ id, tables } = db.transaction(() => ({
      id: db.pragma("application_id", { simple: true }) as number,
      tables: (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    }))());
  } catch (e) {
    throw damaged(path, e as Error & { code?: string });
  }
  if (id === NEWSBOT_APPLICATION_ID) return checkIntact(db, path);
  const foreign = tables.filter((t) => !ours(t));
  const legacy = tables.includes("files") && tables.includes("articles") && foreign.length === 0;
  if (id !== 0 || (tables.length > 0 && !legacy)) {
    const what =
      id !== 0
        ? `it belongs to another application (application_id ${id})`
        : `it holds tables newsbot did not make (${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", …" : ""})`;
    throw new Refusal(
      `The archive file ${path} is not newsbot's: ${what}. Nothing in it was changed. Point NEWSBOT_DB at a file of newsbot's own, or leave it unset.`,
    );
  }
  if (tables.length > 0) checkIntact(db, path);
  // Empty, or an archive from before the mark: newsbot's from now on. A file that cannot be written
  // (a full disk) is still read; the mark is set by a later open.
  try {
    db.pragma(`application_id = ${NEWSBOT_APPLICATION_ID}`);
  } catch {
    // Marked next time.
  }
}

/**
 * Archive files up to this size are checked whole at open: PRAGMA quick_check reads every page, which
 * garbage inside the file would otherwise only break when a command happened to read it (a stack trace in
 * the middle of an answer, while `ingest` said all was well). It reads every page once, so larger files
 * are not checked whole at every open (a one-off `ask` would pay for it); a damaged page met later in them
 * is still one line, in the command's error (core.ts).
 */
const CHECK_AT_OPEN_BYTES = 256 * 1024 * 1024;

/** Refuses, in one line, a file of newsbot's whose pages are damaged. */
function checkIntact(db: Database.Database, path: string): void {
  if (path === ":memory:" || path === "") return;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return;
  }
  if (size > CHECK_AT_OPEN_BYTES) return;
  let found: string;
  try {
    found = String(db.pragma("quick_check(1)", { simple: true }));
  } catch (e) {
    throw damaged(path, e as Error);
  }
  if (found !== "ok") throw damaged(path, Object.assign(new Error(`quick_check found: ${found}`), { code: "SQLITE_CORRUPT" }));
}

/** A file SQLite cannot read as a database: the one-line reason, or the error as it was. */
function damaged(path: string, e: Error): Error {
  const why = archiveProblem(e, path);
  return why ? new Refusal(why) : e;
}

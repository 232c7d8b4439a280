// One connection to the SQLite archive file, with its prepared statements cached: what every part of the
// SQLite store (write, read, ledger, leases) works through.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { claimArchive } from "./owner.ts";
import { migrate } from "./schema.ts";

const BUSY_TIMEOUT_MS = 10_000;

export class SqliteDb {
  readonly db: Database.Database;
  private statements = new Map<string, Database.Statement>();

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    // Waits for a lock another process holds, from the first statement on: several processes opening a fresh
    // archive at once (a bot and a one-off command) each take their turn instead of "database is locked".
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    // Before anything writes (even the journal mode): another application's file is refused untouched.
    try {
      claimArchive(this.db, path);
    } catch (e) {
      this.db.close();
      throw e;
    }
    walMode(this.db);
    this.db.pragma("synchronous = NORMAL");
    // 64 MB of pages (default 2 MB): the FTS and b-tree indexes of a large archive stay in memory while writing.
    this.db.pragma("cache_size = -65536");
    migrate(this.db);
  }

  /** A statement prepared once per connection (for SQL whose text does not vary with the call). */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Switches the file to write-ahead logging. Switching needs the file to itself, and SQLite answers "database
 * is locked" at once, without waiting, while another process holds it: several processes opening a fresh
 * archive together each try again, briefly, until one has switched it (then it is WAL for all) or the busy
 * timeout has passed.
 */
function walMode(db: Database.Database): void {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= until) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
}

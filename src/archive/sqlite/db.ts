// One connection to the SQLite archive file, with its prepared statements cached: what every part of the
// SQLite store (write, read, ledger, leases) works through.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { claimArchive } from "./owner.ts";
import { migrate } from "./schema.ts";

export class SqliteDb {
  readonly db: Database.Database;
  private statements = new Map<string, Database.Statement>();

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    // Before anything writes (even the journal mode): another application's file is refused untouched.
    try {
      claimArchive(this.db, path);
    } catch (e) {
      this.db.close();
      throw e;
    }
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 10000");
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

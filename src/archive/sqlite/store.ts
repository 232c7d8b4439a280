// The embedded archive: one SQLite file per articles folder (better-sqlite3, FTS5 for words). Everything
// extracted is stored with the article, so a restart redoes nothing. Its parts: schema.ts (tables),
// write.ts (ingestion), read.ts and search.ts (commands), ledger.ts (digests, leases, buttons).
import { assembleStore } from "../assemble.ts";
import type { ArchiveSource, ArchiveStore } from "../store.ts";
import { SqliteDb } from "./db.ts";
import { sqliteButtons, sqliteLedger, sqliteLeases } from "./ledger.ts";
import { sqliteReader } from "./read.ts";
import { sqliteWriter } from "./write.ts";

export type SqliteStore = ArchiveStore & { readonly kind: "sqlite" };

/** Opens (creating or rebuilding its tables as needed) the archive file at `path`. */
export function openSqliteStore(path: string): SqliteStore {
  const db = new SqliteDb(path);
  const source: ArchiveSource = {
    async archiveSource() {
      return (db.stmt("SELECT folder FROM source WHERE id = 1").get() as { folder: string } | undefined)?.folder ?? null;
    },
    async recordSource(folder) {
      db.stmt(
        "INSERT INTO source (id, folder, recorded_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, recorded_at = excluded.recorded_at",
      ).run(folder, new Date().toISOString());
    },
  };
  return assembleStore("sqlite", [sqliteWriter(db), sqliteReader(db), sqliteLedger(db), sqliteLeases(db), sqliteButtons(db), source], async () => db.close());
}

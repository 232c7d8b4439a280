// Which articles folder the PostgreSQL archive mirrors (src/archive/store.ts archiveSource), and whether it
// still has the layout this process knows: a replica asks both while it runs.
import { Refusal } from "../../fault.ts";
import type { PgDb } from "./db.ts";
import { NewerLayout, SCHEMA_VERSION, layoutVersion } from "./schema.ts";

export function postgresSource(db: PgDb) {
  return {
    async archiveSource(): Promise<string | null> {
      const rows = await db.rows("SELECT folder FROM source WHERE id = 1");
      return (rows[0]?.folder as string) ?? null;
    },
    async recordSource(folder: string): Promise<void> {
      await db.pool.query("INSERT INTO source (id, folder) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, recorded_at = now()", [
        folder,
      ]);
    },
    /** Throws a Refusal when a newer newsbot has upgraded the archive since this process opened it. */
    async checkLayout(): Promise<void> {
      const version = await layoutVersion(db.pool);
      if (version > SCHEMA_VERSION) throw new Refusal(`The PostgreSQL archive: ${new NewerLayout(version).message}`);
    },
  };
}

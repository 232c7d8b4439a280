// Opens the configured archive: PostgreSQL when NEWSBOT_DATABASE_URL is set, else this folder's SQLite file.
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { SqliteStore } from "./sqlite.ts";
import type { ArchiveStore } from "./store.ts";

export async function openStore(config: Config, log: Logger): Promise<ArchiveStore> {
  if (config.databaseUrl) {
    const { PostgresStore } = await import("./postgres.ts");
    return PostgresStore.connect(config.databaseUrl, log);
  }
  try {
    return new SqliteStore(config.dbPath);
  } catch (e) {
    throw new Error(`Cannot open the archive ${config.dbPath}: ${(e as Error).message}`);
  }
}

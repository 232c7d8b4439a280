// Opens the configured archive: PostgreSQL when NEWSBOT_DATABASE_URL is set, else this folder's SQLite file.
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { openSqliteStore } from "./sqlite/store.ts";
import type { ArchiveStore } from "./store.ts";
import { Refusal } from "../fault.ts";
import { archiveProblem } from "./problems.ts";

export async function openStore(config: Config, log: Logger): Promise<ArchiveStore> {
  if (config.databaseUrl) {
    const { connectPostgresStore } = await import("./postgres/store.ts");
    return connectPostgresStore(config.databaseUrl, log);
  }
  try {
    return openSqliteStore(config.dbPath);
  } catch (e) {
    if (e instanceof Refusal) throw e;
    throw new Refusal(archiveProblem(e, config.dbPath) ?? `Cannot open the archive ${config.dbPath}: ${(e as Error).message}`);
  }
}

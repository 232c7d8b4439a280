// The archive in PostgreSQL (NEWSBOT_DATABASE_URL), for several bot replicas on one database. Same contract
// and same answers as the SQLite store (tests/archive/contract.ts runs against both): words are indexed with
// tsvector + GIN and ranked with FTS5's bm25 (text.ts); every write is a transaction, whole files in each.
// Its parts: schema.ts (tables), write.ts (ingestion), read.ts and search.ts (commands), ledger.ts.
import pg from "pg";
import { describeUrl } from "../../config.ts";
import type { Logger } from "../../log.ts";
import { assembleStore } from "../assemble.ts";
import type { ArchiveStore } from "../store.ts";
import { PgDb, types } from "./db.ts";
import { postgresButtons, postgresLedger, postgresLeases } from "./ledger.ts";
import { postgresReader } from "./read.ts";
import { ForeignDatabase, NewerLayout, migrate } from "./schema.ts";
import { Refusal } from "../../fault.ts";
import { postgresSource } from "./source.ts";
import { postgresWriter } from "./write.ts";

export type PostgresStore = ArchiveStore & { readonly kind: "postgres" };

/** Connects, then creates or upgrades the tables. A server that cannot be reached is one clear line. */
export async function connectPostgresStore(url: string, log: Logger): Promise<PostgresStore> {
  const where = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, types, max: 4, connectionTimeoutMillis: 10_000 });
  // An idle connection that breaks (the server restarts) must not take the process down.
  pool.on("error", (e) => log.warn(`PostgreSQL connection to ${where} lost: ${e.message}`));
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    await pool.end().catch(() => {});
    const err = e as NodeJS.ErrnoException;
    throw new Error(
      `Cannot open the PostgreSQL archive at ${where} (NEWSBOT_DATABASE_URL), the server cannot be reached: ${err.code && !err.message.includes(err.code) ? `${err.code} ` : ""}${err.message}`,
      { cause: e },
    );
  }
  try {
    const result = await migrate(client);
    if (result !== "current")
      log.info(
        result === "created" ? `PostgreSQL archive created at ${where}` : `PostgreSQL archive at ${where} rebuilt for a new layout: every file is read again`,
      );
  } catch (e) {
    client.release();
    await pool.end().catch(() => {});
    if (e instanceof ForeignDatabase || e instanceof NewerLayout) throw new Refusal(`The PostgreSQL database at ${where} (NEWSBOT_DATABASE_URL): ${e.message}`);
    throw new Error(`Cannot open the PostgreSQL archive at ${where} (NEWSBOT_DATABASE_URL), its tables cannot be prepared: ${(e as Error).message}`, {
      cause: e,
    });
  }
  client.release();
  const db = new PgDb(pool);
  return assembleStore(
    "postgres",
    [postgresWriter(db), postgresReader(db), postgresLedger(db), postgresLeases(db), postgresButtons(db), postgresSource(db)],
    () => db.close(),
  );
}

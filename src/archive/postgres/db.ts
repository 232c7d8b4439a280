// The connection pool to the PostgreSQL archive, and the writers' transaction: what every part of the
// PostgreSQL store (write, read, search, ledger) works through.
import pg from "pg";
import type { Row } from "../rows.ts";
import { NewerLayout, SCHEMA_VERSION, WRITE_LOCK, layoutVersion } from "./schema.ts";
import { Refusal } from "../../fault.ts";

export type Queryable = pg.Pool | pg.PoolClient;

/** bigint and numeric come back as numbers: counts and sizes here stay far below 2^53. */
export const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format) as (v: string) => unknown;
  },
};

export class PgDb {
  private closed = false;

  constructor(readonly pool: pg.Pool) {}

  async rows(sql: string, params: unknown[] = [], on: Queryable = this.pool): Promise<Row[]> {
    return (await on.query(sql, params)).rows as Row[];
  }

  /** Runs `work` in one transaction that holds the writers' lock, so writers take turns and never deadlock. */
  async write<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
      // A newer newsbot may have rebuilt the tables for its layout since this process opened them (under
      // this lock, so this read sees it): nothing of an older layout is written into them.
      const version = await layoutVersion(client);
      if (version > SCHEMA_VERSION) throw new Refusal(`The PostgreSQL archive: ${new NewerLayout(version).message}`);
      const out = await work(client);
      await client.query("COMMIT");
      return out;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

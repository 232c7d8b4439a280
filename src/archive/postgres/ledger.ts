// The PostgreSQL archive's history of scheduled digests, the leases of replicas and the queries chat
// buttons could not hold, by the database's clock.
import type { ButtonMemory, DigestLedger, DigestStatus, Leases } from "../store.ts";
import type { PgDb } from "./db.ts";
import { SCHEMA_VERSION, layoutVersion } from "./schema.ts";

export function postgresLedger(db: PgDb): DigestLedger {
  return {
    async claimDigest(channel, scheduledAt, owner) {
      const r = await db.pool.query(
        "INSERT INTO digests (channel, scheduled_at, owner, status, claimed_at) VALUES ($1, $2, $3, 'claimed', $4) ON CONFLICT DO NOTHING",
        [channel, scheduledAt, owner, new Date().toISOString()],
      );
      return r.rowCount === 1;
    },

    async finishDigest(channel, scheduledAt, status, detail) {
      const values = [status, detail ?? null, new Date().toISOString(), channel, scheduledAt];
      await db.pool.query("UPDATE digests SET status = $1, detail = $2, finished_at = $3 WHERE channel = $4 AND scheduled_at = $5", values);
    },

    async lastDigest(channel) {
      const [r] = await db.rows("SELECT scheduled_at, status FROM digests WHERE channel = $1 ORDER BY scheduled_at DESC LIMIT 1", [channel]);
      return r ? { scheduledAt: r.scheduled_at as string, status: r.status as DigestStatus } : null;
    },
  };
}

export function postgresLeases(db: PgDb): Leases {
  return {
    async acquireLease(name, owner, ttlMs) {
      // A newer newsbot rebuilt the archive for its layout: this process must not run its work on it (a
      // rolling upgrade). It gives up what it holds, so a replica of the new layout takes it at once.
      if ((await layoutVersion(db.pool)) > SCHEMA_VERSION) {
        await db.pool.query("DELETE FROM leases WHERE owner = $1", [owner]);
        return false;
      }
      // One statement, by the database's clock: the conflicting row is locked and re-checked, so of two
      // replicas asking at once only one finds the lease free; none of an older layout than the archive's.
      const r = await db.pool.query(
        `INSERT INTO leases (name, owner, expires_at)
        SELECT $1, $2, now() + $3 * interval '1 millisecond' FROM newsbot_state WHERE key = 'schema_version' AND value <= $4
        ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE leases.owner = excluded.owner OR leases.expires_at < now()`,
        [name, owner, ttlMs, SCHEMA_VERSION],
      );
      return r.rowCount === 1;
    },

    async releaseLease(name, owner) {
      await db.pool.query("DELETE FROM leases WHERE name = $1 AND owner = $2", [name, owner]);
    },
  };
}

export function postgresButtons(db: PgDb): ButtonMemory {
  return {
    async rememberButton(key, value, ttlMs) {
      // Expired rows go as new ones come: the table holds about a day of long queries.
      await db.pool.query("DELETE FROM buttons WHERE expires_at < now()");
      await db.pool.query(
        `INSERT INTO buttons (key, value, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
        [key, value, ttlMs],
      );
    },

    async recallButton(key) {
      const [r] = await db.rows("SELECT value FROM buttons WHERE key = $1 AND expires_at >= now()", [key]);
      return r ? (r.value as string) : null;
    },
  };
}

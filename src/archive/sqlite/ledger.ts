// The SQLite archive's history of scheduled digests, the leases of processes sharing the file, and the
// queries chat buttons could not hold.
import type { Row } from "../rows.ts";
import type { ButtonMemory, DigestLedger, DigestStatus, Leases } from "../store.ts";
import type { SqliteDb } from "./db.ts";

export function sqliteLedger(s: SqliteDb): DigestLedger {
  return {
    async claimDigest(channel, scheduledAt, owner) {
      const r = s
        .stmt("INSERT OR IGNORE INTO digests (channel, scheduled_at, owner, status, claimed_at) VALUES (?, ?, ?, 'claimed', ?)")
        .run(channel, scheduledAt, owner, new Date().toISOString());
      return r.changes === 1;
    },

    async finishDigest(channel, scheduledAt, status, detail) {
      const values = [status, detail ?? null, new Date().toISOString(), channel, scheduledAt];
      s.stmt("UPDATE digests SET status = ?, detail = ?, finished_at = ? WHERE channel = ? AND scheduled_at = ?").run(...values);
    },

    async lastDigest(channel) {
      const r = s.stmt("SELECT scheduled_at, status FROM digests WHERE channel = ? ORDER BY scheduled_at DESC LIMIT 1").get(channel) as Row | undefined;
      return r ? { scheduledAt: r.scheduled_at as string, status: r.status as DigestStatus } : null;
    },
  };
}

export function sqliteLeases(s: SqliteDb): Leases {
  return {
    async acquireLease(name, owner, ttlMs) {
      const now = Date.now();
      // One statement: SQLite serialises writers, so two processes cannot both see the lease as free.
      const r = s
        .stmt(
          `INSERT INTO leases (name, owner, expires_ms) VALUES (?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_ms = excluded.expires_ms
        WHERE leases.owner = excluded.owner OR leases.expires_ms < ?`,
        )
        .run(name, owner, now + ttlMs, now);
      return r.changes === 1;
    },

    async releaseLease(name, owner) {
      s.stmt("DELETE FROM leases WHERE name = ? AND owner = ?").run(name, owner);
    },
  };
}

export function sqliteButtons(s: SqliteDb): ButtonMemory {
  return {
    async rememberButton(key, value, ttlMs) {
      const now = Date.now();
      // Expired rows go as new ones come: the table holds about a day of long queries.
      s.stmt("DELETE FROM buttons WHERE expires_ms < ?").run(now);
      s.stmt(
        "INSERT INTO buttons (key, value, expires_ms) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_ms = excluded.expires_ms",
      ).run(key, value, now + ttlMs);
    },

    async recallButton(key) {
      const r = s.stmt("SELECT value FROM buttons WHERE key = ? AND expires_ms >= ?").get(key, Date.now()) as Row | undefined;
      return r ? (r.value as string) : null;
    },
  };
}

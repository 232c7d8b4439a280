// Once-only work under a lease, with two "replicas" as two stores opened on one SQLite archive file (the
// PostgreSQL store passes the same lease contract in tests/archive/contract*.test.ts; two real processes
// on PostgreSQL are in tests/replica/replicas-e2e.test.ts).
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/archive/sqlite/store.ts";
import { memoryLogger } from "../../src/log.ts";
import { startDuty, underLease, type Duty } from "../../src/replica/duty.ts";
import { eventually } from "../helpers/net.ts";
import { tempDir } from "../helpers/tmp.ts";

const root = tempDir();
let n = 0;
const opened: { close(): Promise<void> }[] = [];
const duties: Duty[] = [];

afterEach(async () => {
  for (const d of duties.splice(0)) await d.stop();
  for (const s of opened.splice(0)) await s.close();
});

/** Two stores on one fresh archive file: what two replicas see. */
function twoReplicas(): [SqliteStore, SqliteStore] {
  const file = join(root, `archive-${n++}.db`);
  const a = openSqliteStore(file);
  const b = openSqliteStore(file);
  opened.push(a, b);
  return [a, b];
}

/** Counts the lease attempts a store makes (each renewal is one), so a test waits for renewals, not for time. */
function countAttempts(store: SqliteStore): { n: number } {
  const count = { n: 0 };
  const acquire = store.acquireLease.bind(store);
  store.acquireLease = (...args) => {
    count.n++;
    return acquire(...args);
  };
  return count;
}

function work(log: string[], who: string) {
  return async () => {
    log.push(`${who} started`);
    return { stop: async () => void log.push(`${who} stopped`) };
  };
}

describe("once-only work under a lease", () => {
  it("runs in one replica of two; the other takes over when the first stops", async () => {
    const [a, b] = twoReplicas();
    const attempts = countAttempts(a);
    const events: string[] = [];
    const ttlMs = 300;
    const first = await startDuty({ store: a, name: "ingest", what: "watch", owner: "A", ttlMs, log: memoryLogger(), start: work(events, "A") });
    const second = await startDuty({ store: b, name: "ingest", what: "watch", owner: "B", ttlMs, log: memoryLogger(), start: work(events, "B") });
    duties.push(first, second);
    expect([first.held, second.held]).toEqual([true, false]);
    // Several renewals later (more than a lease's lifetime), still only A.
    const renewed = attempts.n;
    await eventually(async () => attempts.n >= renewed + 6, "A renewing its lease six times");
    expect([first.held, second.held]).toEqual([true, false]);
    expect(events).toEqual(["A started"]);

    await first.stop();
    await eventually(async () => second.held, "B taking the work over");
    expect(events).toEqual(["A started", "A stopped", "B started"]);
  });

  it("passes the work on when the holder stops renewing (its archive connection is gone), after the lease expires", async () => {
    const [a, b] = twoReplicas();
    const events: string[] = [];
    const logA = memoryLogger();
    const first = await startDuty({ store: a, name: "digest", what: "digest", owner: "A", ttlMs: 300, log: logA, start: work(events, "A") });
    const second = await startDuty({ store: b, name: "digest", what: "digest", owner: "B", ttlMs: 300, log: memoryLogger(), start: work(events, "B") });
    duties.push(first, second);
    await a.close(); // A can no longer renew: it must stop its work rather than risk running it twice
    await eventually(async () => second.held && !first.held, "A stopping and B taking over");
    expect(events).toEqual(["A started", "A stopped", "B started"]);
    // The log says what happened — the archive cannot be reached — not that another replica runs it.
    expect(logA.lines.join("\n")).toMatch(
      /digest: the archive cannot be reached \(.*\); stopped here until it answers, then whichever replica holds the lease runs it/,
    );
    expect(logA.lines.join("\n")).not.toMatch(/another replica runs it|another replica takes over/);
  });

  it("keeps separate leases apart: one replica may hold the digest while the other holds the folder watch", async () => {
    const [a, b] = twoReplicas();
    const events: string[] = [];
    const log = memoryLogger();
    duties.push(await startDuty({ store: a, name: "ingest", what: "watch", owner: "A", ttlMs: 5000, log, start: work(events, "A ingest") }));
    duties.push(await startDuty({ store: b, name: "digest", what: "digest", owner: "B", ttlMs: 5000, log, start: work(events, "B digest") }));
    expect(duties.map((d) => d.held)).toEqual([true, true]);
  });

  it("keeps renewing the lease while a long start runs, so no other replica starts the work meanwhile", async () => {
    const [a, b] = twoReplicas();
    const attempts = countAttempts(a);
    const events: string[] = [];
    const ttlMs = 200;
    let finish!: () => void;
    const slow = startDuty({
      store: a,
      name: "ingest",
      what: "watch",
      owner: "A",
      ttlMs,
      log: memoryLogger(),
      start: async () => {
        events.push("A started");
        await new Promise<void>((r) => (finish = r)); // a first sync many leases long
        return { stop: async () => void events.push("A stopped") };
      },
    });
    await eventually(async () => events.length === 1, "A starting");
    // Ten lease lifetimes later (A renews every third of one), B still cannot take it.
    const renewed = attempts.n;
    await eventually(async () => attempts.n >= renewed + 30, "A renewing its lease through ten lifetimes");
    expect(await b.acquireLease("ingest", "B", ttlMs)).toBe(false);
    finish();
    duties.push(await slow);
    expect(duties[0].held).toBe(true);
    expect(events).toEqual(["A started"]);
  });

  it("reports a first start that fails (a bad token) to the caller and frees the lease for others", async () => {
    const [a, b] = twoReplicas();
    await expect(
      startDuty({
        store: a,
        name: "discord",
        what: "gateway",
        owner: "A",
        ttlMs: 60_000,
        log: memoryLogger(),
        start: async () => {
          throw new Error("An invalid token was provided.");
        },
      }),
    ).rejects.toThrow(/invalid token/);
    expect(await b.acquireLease("discord", "B", 60_000)).toBe(true);
  });

  it("runs one-off work only when no replica holds the lease, and releases it after", async () => {
    const [a, b] = twoReplicas();
    const log = memoryLogger();
    expect(await underLease({ store: a, name: "ingest", owner: "one-off", ttlMs: 60_000, log }, async () => 42)).toEqual({ result: 42 });
    // Released: a replica takes it at once.
    const running = await startDuty({ store: b, name: "ingest", what: "watch", owner: "B", ttlMs: 60_000, log, start: work([], "B") });
    duties.push(running);
    expect(running.held).toBe(true);
    let ran = false;
    expect(await underLease({ store: a, name: "ingest", owner: "one-off", ttlMs: 60_000, log }, async () => (ran = true))).toBeNull();
    expect(ran).toBe(false);
  });
});

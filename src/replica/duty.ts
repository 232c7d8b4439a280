// Work that must run in one process only, however many replicas share the archive: the folder watch and
// feeds, the digest schedule, the Discord gateway session. Each is held under a lease in the archive;
// the holder renews it, and when the holder dies another replica's next attempt takes the work over.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { ArchiveStore } from "../archive/store.ts";
import type { Logger } from "../log.ts";

/** Something started by a duty, stopped when the lease is lost or the process stops. */
export interface Running {
  stop(): Promise<void>;
}

export interface DutyOptions {
  store: ArchiveStore;
  /** The lease's name, shared by every replica: "ingest", "digest", "discord". */
  name: string;
  /** What the log calls it: "the folder watch and feeds". */
  what: string;
  owner: string;
  ttlMs: number;
  log: Logger;
  /**
   * Starts the work once this replica holds the lease. `gap`: why it did not run here since it last did
   * ("the archive could not be reached", "another replica had it"); undefined at the first start.
   */
  start(gap?: string): Promise<Running>;
}

export interface Duty {
  readonly name: string;
  /** True while this replica holds the lease and the work runs. */
  readonly held: boolean;
  /** Stops the work and gives the lease up, so another replica takes it at once. */
  stop(): Promise<void>;
}

/** A name for this process that other replicas can read in the log: host, pid and a random tag. */
export function replicaId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * Tries for the lease now and then every third of its lifetime, so a holder renews it twice before it
 * could expire. Renewals go on while the work starts (a first sync of a big folder can outlast the
 * lease). Resolves once the first attempt and, when it got the lease, the work's start are done, so
 * the caller knows whether this replica does the work before it goes on.
 */
export async function startDuty(o: DutyOptions): Promise<Duty> {
  let running: Running | null = null;
  let starting: Promise<void> | null = null;
  let holds = false;
  let stopped = false;
  let waitingLogged = false;
  // The first start's failure (a bad token, say) is the caller's to report; later ones are logged and retried.
  let firstFailure: Error | null = null;
  let first = true;
  let renewal: Promise<void> = Promise.resolve();
  // What kept the work from running here since it last ran (in order, each once), for the next start.
  const gap = new Set<string>();
  let ranBefore = false;

  const stopWork = async (why: string) => {
    const r = running;
    running = null;
    if (!r) return;
    if (why) o.log.warn(`${o.what}: ${why}`);
    await r.stop().catch((e) => o.log.error(`${o.what}: stopping failed: ${(e as Error).message}`));
  };

  const begin = () =>
    (async () => {
      o.log.info(`${o.what}: this replica (${o.owner}) runs it`);
      try {
        const why = ranBefore && gap.size ? [...gap].join(", then ") : undefined;
        gap.clear();
        ranBefore = true;
        const r = await o.start(why);
        running = r;
        // Lost the lease (or stopped) while starting: someone else may run it now.
        if (!holds || stopped) await stopWork(stopped ? "" : "lease lost while starting; stopped here");
      } catch (e) {
        if (first) firstFailure = e as Error;
        else o.log.error(`${o.what}: could not start: ${(e as Error).message}`);
        holds = false;
        await o.store.releaseLease(o.name, o.owner).catch(() => {});
      }
    })().finally(() => {
      starting = null;
    });

  // The archive did not answer the last attempt: said once, and not mistaken for another replica's lease.
  let unreachable = false;
  const attempt = async () => {
    if (stopped) return;
    try {
      holds = await o.store.acquireLease(o.name, o.owner, o.ttlMs);
      if (unreachable) o.log.info(`${o.what}: the archive answers again`);
      unreachable = false;
    } catch (e) {
      // A damaged archive is no outage to wait out: the first attempt reports it to the caller.
      if (first && /^SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: string }).code))) {
        firstFailure = e as Error;
        holds = false;
        return;
      }
      // The archive is unreachable: another replica may take the lease when it expires, so this one
      // must stop the work rather than risk doing it twice.
      if (!unreachable) {
        o.log.warn(
          `${o.what}: the archive cannot be reached (${(e as Error).message}); ${running || starting ? "stopped here" : "not started here"} until it answers, then whichever replica holds the lease runs it`,
        );
      }
      unreachable = true;
      gap.add("the archive could not be reached");
      holds = false;
    }
    if (stopped) return;
    if (holds && !running && !starting) {
      waitingLogged = false;
      starting = begin();
    } else if (!holds && !unreachable) {
      gap.add("another replica had it");
    }
    if (!holds && running) {
      await stopWork(unreachable ? "" : "lease lost; stopped here (another replica takes over)");
    } else if (!holds && !running && !starting && !waitingLogged && !unreachable) {
      waitingLogged = true;
      o.log.info(`${o.what}: another replica runs it; this one takes over if that one stops`);
    }
  };
  const next = () => (renewal = renewal.then(attempt));

  await next();
  // Renewing from now on, while the work starts: a first sync can outlast the lease many times over.
  const timer = setInterval(() => void next(), Math.max(50, Math.floor(o.ttlMs / 3)));
  // Set inside attempt() during next(): TypeScript's narrowing does not see that, and reads `null` here.
  await (starting as Promise<void> | null);
  first = false;
  if (firstFailure) {
    stopped = true;
    clearInterval(timer);
    await renewal;
    await o.store.releaseLease(o.name, o.owner).catch(() => {});
    throw firstFailure as Error;
  }

  return {
    name: o.name,
    get held() {
      return running !== null;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await renewal;
      await starting;
      const had = running !== null;
      await stopWork("");
      if (had || holds) await o.store.releaseLease(o.name, o.owner).catch(() => {});
    },
  };
}

/**
 * Runs one-off work under the lease `name` (a `newsbot ask` beside running replicas), renewing it
 * meanwhile; null when another replica holds it and the work did not run.
 */
export async function underLease<T>(o: Omit<DutyOptions, "start" | "what">, work: () => Promise<T>): Promise<{ result: T } | null> {
  let outcome: { result: T } | null = null;
  const duty = await startDuty({
    ...o,
    what: `${o.name} (one-off)`,
    log: { ...o.log, info: () => {} },
    async start() {
      outcome = { result: await work() };
      return { stop: async () => {} };
    },
  });
  await duty.stop();
  return outcome;
}

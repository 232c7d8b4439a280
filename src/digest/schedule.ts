// Posts the digest on a cron schedule (croner does the calendar: DIGEST_CRON in DIGEST_TZ, summer time
// included), exactly once per scheduled time and channel:
//  - before posting, the scheduled time is claimed in the archive (a unique (channel, scheduled_at) row);
//    only the process whose insert went in posts, so two bots on one archive never both post it;
//  - on start, the latest scheduled time is compared with the latest one recorded: if one fell due while
//    the bot was down, it is posted once (covering everything since the last digest); if it was already
//    posted, nothing is;
//  - the digest covers what came in since the previous recorded digest.
// The clock is injectable, so tests move time without waiting.
import { hostname } from "node:os";
import { Cron } from "croner";
import type { ArchiveStore } from "../archive/store.ts";
import type { Logger } from "../log.ts";
import type { Reply } from "../reply/model.ts";

/** A channel the digest goes to (src/chat/post.ts makes them from the configuration). */
export interface DigestTarget {
  /** "slack:C0123", "discord:1234…": the key the archive records posted digests under. */
  channel: string;
  /** Throws when the post failed; an error with `permanent: true` is not tried again. */
  post(reply: Reply): Promise<void>;
}

export interface Clock {
  now(): Date;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface SchedulerOptions {
  /** Why a digest due before start was missed, for the log: "while the bot was down" unless said otherwise. */
  missed?: string;
  store: ArchiveStore;
  targets: DigestTarget[];
  cron: string;
  timezone: string;
  skipEmpty: boolean;
  /** Builds the digest of what came in from `since` to `now`. */
  build(since: Date, now: Date): Promise<Reply>;
  log: Logger;
  clock?: Clock;
  /** Who claimed a digest, for the record: host and process id by default. */
  owner?: string;
  /** Tries per post (a failed post is retried after 2 s, 4 s…); default 3. */
  attempts?: number;
}

/** setTimeout's longest delay; a later run is reached in steps. */
const MAX_DELAY = 2 ** 31 - 1;

export class DigestScheduler {
  private readonly cron: Cron;
  private readonly clock: Clock;
  private readonly owner: string;
  private timer: unknown = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;
  /** Retry pauses under way: stop() ends them at once, so stopping never waits out a pause. */
  private readonly pauses = new Set<() => void>();

  constructor(private readonly options: SchedulerOptions) {
    // Paused: croner computes the calendar, our clock decides when to look at it.
    this.cron = new Cron(options.cron, { timezone: options.timezone, paused: true });
    this.clock = options.clock ?? systemClock;
    this.owner = options.owner ?? `${hostname()}:${process.pid}`;
  }

  /** Posts a digest missed while the bot was down (once), then waits for the next scheduled time. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.runDue(true);
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    for (const end of [...this.pauses]) end();
    this.cron.stop();
  }

  /** Resolves when no digest is being built or posted. */
  idle(): Promise<void> {
    return this.running;
  }

  /** The next scheduled time after now. */
  next(): Date | null {
    return this.cron.nextRun(this.clock.now());
  }

  /** The latest scheduled time at or before now. */
  latestDue(now = this.clock.now()): Date | null {
    return this.cron.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
  }

  private arm(): void {
    if (this.stopped) return;
    const next = this.next();
    if (!next) return;
    const delay = Math.max(0, Math.min(MAX_DELAY, next.getTime() - this.clock.now().getTime()));
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      void this.runDue(false).then(() => this.arm());
    }, delay);
  }

  /**
   * Posts the latest due digest to each channel that has not had it. At start (`startup`), a channel with
   * no digest recorded ever gets none (nothing was missed: the bot is new there); its first is the next one.
   */
  runDue(startup = false): Promise<void> {
    const run = this.running.then(() => this.due(startup));
    this.running = run.catch(() => {});
    return run;
  }

  private async due(startup: boolean): Promise<void> {
    const slot = this.latestDue();
    if (!slot) return;
    // Each channel on its own: a platform that is down, slow or rate-limited (and retried) never holds up
    // the other one.
    await Promise.all(this.options.targets.map((target) => this.dueFor(target, slot, startup)));
  }

  private async dueFor(target: DigestTarget, slot: Date, startup: boolean): Promise<void> {
    const { store, log } = this.options;
    const at = slot.toISOString();
    if (this.stopped && !startup) return;
    try {
      const last = await store.lastDigest(target.channel);
      if (last && last.scheduledAt >= at) return;
      if (!last && startup) return;
      if (!(await store.claimDigest(target.channel, at, this.owner))) {
        log.debug(`digest for ${target.channel} at ${at}: already claimed by another process`);
        return;
      }
      if (startup) log.info(`digest for ${target.channel} at ${at} fell due ${this.options.missed ?? "while the bot was down"}: posting it now`);
      const since = last ? new Date(last.scheduledAt) : (this.cron.previousRuns(1, slot)[0] ?? new Date(slot.getTime() - 86_400_000));
      await this.post(target, at, since);
    } catch (e) {
      log.error(`digest for ${target.channel} at ${at}: ${(e as Error).message}`);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const end = () => {
        this.pauses.delete(end);
        this.clock.clearTimer(handle);
        resolve();
      };
      const handle = this.clock.setTimer(end, ms);
      this.pauses.add(end);
    });
  }

  private async post(target: DigestTarget, at: string, since: Date): Promise<void> {
    const { store, log } = this.options;
    const reply = await this.options.build(since, this.clock.now());
    if (reply.status === "empty" && this.options.skipEmpty) {
      await store.finishDigest(target.channel, at, "skipped", "nothing new");
      log.info(`digest for ${target.channel} at ${at}: nothing new, skipped (DIGEST_SKIP_EMPTY)`);
      return;
    }
    const attempts = Math.max(1, this.options.attempts ?? 3);
    for (let i = 1; ; i++) {
      try {
        await target.post(reply);
        await store.finishDigest(target.channel, at, "posted");
        log.info(`digest for ${target.channel} at ${at}: posted`);
        return;
      } catch (e) {
        const message = (e as Error).message;
        const permanent = (e as { permanent?: boolean }).permanent === true;
        if (i >= attempts || this.stopped || permanent) {
          // Claimed and not posted: recorded as failed, not retried by a later start, so a post that did
          // go through despite the error is never doubled.
          await store.finishDigest(target.channel, at, "failed", message);
          log.error(`digest for ${target.channel} at ${at}: could not post after ${i} ${i === 1 ? "try" : "tries"}: ${message}`);
          return;
        }
        log.warn(`digest for ${target.channel} at ${at}: post failed (${message}), retrying`);
        await this.pause(2000 * 2 ** (i - 1));
        if (this.stopped) {
          await store.finishDigest(target.channel, at, "failed", `${message}; stopped before trying again`);
          log.error(`digest for ${target.channel} at ${at}: not posted (${message}); the bot stopped before trying again`);
          return;
        }
      }
    }
  }
}

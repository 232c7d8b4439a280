// What runs beside the chat: keeping the archive current (folder watch, feeds), the digest schedule, the
// readiness check, and following what other replicas write. With one process this is simply "the bot";
// with several on one archive, each once-only job runs in the replica holding its lease (src/replica/duty.ts).
import { watchArticles } from "./archive/watch.ts";
import { startFeeds } from "./archive/feeds.ts";
import type { Config } from "./config.ts";
import type { Bot } from "./core.ts";
import { channelPosters } from "./chat/post.ts";
import { buildDigest, shortenDigest } from "./digest/build.ts";
import { DigestScheduler } from "./digest/schedule.ts";
import type { Logger } from "./log.ts";
import { startDuty, type Duty } from "./replica/duty.ts";
import { serveHealth, type HealthReport, type HealthServer } from "./replica/health.ts";
import { Refusal } from "./fault.ts";

/** How often a replica looks for articles other replicas ingested. */
export const FOLLOW_MS = 2000;

export interface Live {
  /** The once-only jobs and whether this replica runs each. */
  duties(): Record<string, boolean>;
  health(): Promise<HealthReport>;
  /** Adds a duty started elsewhere (the Discord gateway), reported by /health and stopped with the rest. */
  adopt: (duty: Duty) => void;
  readonly healthPort: number | null;
  stop(): Promise<void>;
}

export interface LiveOptions {
  /** This replica's name in the leases (src/replica/duty.ts replicaId). */
  owner: string;
  /** How often to look for other replicas' writes (ms); default FOLLOW_MS. */
  followMs?: number;
  /** Called when this replica must stop (the archive was upgraded by a newer newsbot). */
  onFatal?: (e: Error) => void;
}

export async function startLive(bot: Bot, config: Config, log: Logger, options: LiveOptions): Promise<Live> {
  const ttlMs = config.leaseSeconds * 1000;
  const lease = { store: bot.store, owner: options.owner, ttlMs, log };
  const duties: Duty[] = [];
  let health: HealthServer | null = null;
  let follow: NodeJS.Timeout | null = null;
  let followFailing = false;
  let digestStarts = 0;

  const stop = async () => {
    if (follow) clearInterval(follow);
    await health?.stop();
    // The digest first: it may be posting from the archive the ingest duty writes.
    for (const d of [...duties].reverse()) await d.stop();
  };

  // The health check first: a port in use stops the start at once, before any work, and an orchestrator
  // sees "starting" (503) while the first sync runs.
  let ready: Live | null = null;
  if (config.healthPort !== null) {
    const starting = async (): Promise<HealthReport> => ({ ready: false, problems: ["starting: the archive is being opened and indexed"] });
    try {
      health = await serveHealth(config.healthPort, () => (ready ? ready.health() : starting()), log);
    } catch (e) {
      throw new Refusal(healthPortProblem(config.healthPort, e as NodeJS.ErrnoException));
    }
  }

  try {
    duties.push(
      await startDuty({
        ...lease,
        name: "ingest",
        what: "the folder watch" + (config.feeds.length ? " and feeds" : ""),
        async start() {
          // Watch first, then index what changed while no replica watched: a file that lands in between
          // is caught by one or the other.
          const watcher = watchArticles(config.articlesDir, () => bot.sync(), log);
          try {
            await watcher.ready;
            await bot.sync();
          } catch (e) {
            // A folder that cannot be read: the watcher must not keep the process alive after the error.
            await watcher.stop();
            throw e;
          }
          const feeds = config.feeds.length ? startFeeds(config.feeds, config.feedMinutes, config.articlesDir, bot.store, () => bot.sync(), log) : null;
          return {
            async stop() {
              feeds?.stop();
              await watcher.stop();
            },
          };
        },
      }),
    );

    // The scheduler retries a failed post itself (and records it); the clients must not retry underneath.
    const targets = channelPosters(config, { retries: 0, shorten: shortenDigest });
    if (targets.length) {
      duties.push(
        await startDuty({
          ...lease,
          name: "digest",
          what: "the digest schedule",
          async start(gap) {
            // The first start in this process follows a time when the bot was down; a later one, a time
            // when this replica did not hold the digest, for the reason the lease saw (an outage, another replica).
            const missed = digestStarts++ === 0 ? undefined : `while this replica did not run the digest (${gap ?? "another replica had it"})`;
            const scheduler = new DigestScheduler({
              missed,
              store: bot.store,
              targets,
              cron: config.digest.cron,
              timezone: config.digest.timezone,
              skipEmpty: config.digest.skipEmpty,
              log,
              owner: options.owner,
              build: (since, now) => buildDigest(bot.store, { since, now, query: "since the last digest" }),
            });
            await scheduler.start();
            log.info(
              `digest: ${config.digest.cron} (${config.digest.timezone}) to ${targets.map((t) => t.channel).join(", ")}; next ${scheduler.next()?.toISOString() ?? "never"}`,
            );
            return {
              async stop() {
                scheduler.stop();
                await scheduler.idle();
              },
            };
          },
        }),
      );
    }

    // Articles another replica ingested: reload the name index when the archive's revision moves. While
    // another replica ingests a big folder the revision moves at every file; waiting twice as long as the
    // last reload took keeps a replica answering (at most a third of its time goes to reloading).
    let busy = false;
    let resumeAt = 0;
    follow = setInterval(() => {
      if (busy || Date.now() < resumeAt) return;
      busy = true;
      const began = Date.now();
      (bot.store.checkLayout?.() ?? Promise.resolve())
        .then(() => bot.reload())
        .then(
          (reloaded) => {
            if (reloaded) {
              const took = Date.now() - began;
              resumeAt = Date.now() + 2 * took;
              log.debug(`reloaded the indexes in ${took} ms: the archive changed`);
            }
            followFailing = false;
          },
          (e: Error) => {
            // A newer newsbot upgraded the archive: this replica must not go on running on a layout it does not know.
            if (e instanceof Refusal) return options.onFatal?.(e);
            if (!followFailing) log.warn(`cannot read the archive's revision: ${e.message}`);
            followFailing = true;
          },
        )
        .finally(() => {
          busy = false;
        });
    }, options.followMs ?? FOLLOW_MS);
    follow.unref();
  } catch (e) {
    await stop();
    throw e;
  }

  const live: Live = {
    duties: () => Object.fromEntries(duties.map((d) => [d.name, d.held])),
    async health() {
      const problems: string[] = [];
      let revision: number | null = null;
      try {
        revision = await bot.store.revision();
      } catch (e) {
        problems.push(`the archive does not answer: ${(e as Error).message}`);
      }
      // A sync held back (another folder, an empty one, most files gone) is a replica an operator must see.
      if (bot.lastSync?.held) problems.push(bot.lastSync.held);
      return {
        ready: problems.length === 0,
        problems,
        replica: options.owner,
        store: bot.store.kind,
        revision,
        duties: live.duties(),
        lastSync: bot.lastSync && { added: bot.lastSync.added, updated: bot.lastSync.updated, removed: bot.lastSync.removed },
      };
    },
    adopt: (duty) => void duties.push(duty),
    get healthPort() {
      return health?.port ?? null;
    },
    stop,
  };
  ready = live;
  return live;
}

/** Why the health check cannot listen, and what to do, in one line. */
function healthPortProblem(port: number, e: NodeJS.ErrnoException): string {
  const why =
    e.code === "EADDRINUSE"
      ? "another program already listens on it: stop that one or choose another port"
      : e.code === "EACCES"
        ? "this user may not listen on it (ports below 1024 need privileges): choose a port from 1024 up"
        : e.message;
  return `Cannot serve the health check on port ${port} (NEWSBOT_HEALTH_PORT): ${why}`;
}

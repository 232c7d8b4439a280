import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore, type SqliteStore } from "../../src/archive/sqlite/store.ts";
import { DigestScheduler, type Clock, type DigestTarget } from "../../src/digest/schedule.ts";
import { FakeClock } from "../helpers/clock.ts";
import { logger } from "../../src/log.ts";
import type { Reply } from "../../src/reply/model.ts";
import { tempDir } from "../helpers/tmp.ts";

const log = logger("error");
const dir = tempDir("newsbot-schedule-");
let n = 0;
const stores: SqliteStore[] = [];
const schedulers: DigestScheduler[] = [];
afterEach(async () => {
  for (const s of schedulers.splice(0)) s.stop();
  for (const s of stores.splice(0)) await s.close();
});

function archive() {
  return join(dir, `archive-${++n}.db`);
}

function open(path: string) {
  const s = openSqliteStore(path);
  stores.push(s);
  return s;
}

interface Posted {
  channel: string;
  title: string;
  since: string;
}

function recorder() {
  const posted: Posted[] = [];
  const target = (channel: string, fail = false): DigestTarget => ({
    channel,
    async post(reply) {
      if (fail) throw new Error("channel_not_found");
      posted.push({ channel, title: reply.title, since: reply.query });
    },
  });
  return { posted, target };
}

const okReply = (since: Date): Reply => ({
  command: "digest",
  query: since.toISOString(),
  title: "Digest",
  blocks: [{ kind: "text", text: "news" }],
  paging: null,
  status: "ok",
});
const emptyReply = (since: Date): Reply => ({ ...okReply(since), blocks: [{ kind: "text", text: "Nothing new." }], status: "empty" });

function scheduler(path: string, clock: Clock, targets: DigestTarget[], extra: Partial<ConstructorParameters<typeof DigestScheduler>[0]> = {}) {
  const s = new DigestScheduler({
    store: open(path),
    targets,
    cron: "0 7 * * *",
    timezone: "Europe/London",
    skipEmpty: false,
    log,
    clock,
    build: async (since) => okReply(since),
    attempts: 1,
    ...extra,
  });
  schedulers.push(s);
  return s;
}

describe("the digest schedule (injected clock, real SQLite archive)", () => {
  it("posts at 07:00 London time each day, each digest covering the time since the last one", async () => {
    const path = archive();
    const clock = new FakeClock(Date.parse("2026-03-09T05:00:00Z"));
    const { posted, target } = recorder();
    const s = scheduler(path, clock, [target("slack:C1"), target("discord:9")]);
    await s.start();
    expect(posted).toHaveLength(0); // a new bot has missed nothing
    expect(clock.pending()).toEqual(["2026-03-09T07:00:00.000Z"]);
    await clock.advanceTo("2026-03-09T06:59:59Z", s);
    expect(posted).toHaveLength(0);
    await clock.advanceTo("2026-03-09T07:00:00Z", s);
    expect(posted.map((p) => p.channel)).toEqual(["slack:C1", "discord:9"]);
    expect(posted[0].since).toBe("2026-03-08T07:00:00.000Z");
    await clock.advanceTo("2026-03-10T12:00:00Z", s);
    expect(posted).toHaveLength(4);
    expect(posted[2].since).toBe("2026-03-09T07:00:00.000Z");
    // Summer time: 07:00 in London is 06:00 UTC.
    await clock.advanceTo("2026-07-01T05:00:00Z", s);
    expect(clock.pending()).toEqual(["2026-07-01T06:00:00.000Z"]);
  });

  it("a restart right after a posted digest posts nothing", async () => {
    const path = archive();
    const clock = new FakeClock(Date.parse("2026-03-09T06:30:00Z"));
    const { posted, target } = recorder();
    const first = scheduler(path, clock, [target("slack:C1")]);
    await first.start();
    await clock.advanceTo("2026-03-09T07:00:00Z", first);
    expect(posted).toHaveLength(1);
    first.stop();
    await clock.advanceTo("2026-03-09T07:00:05Z");
    const again = scheduler(path, clock, [target("slack:C1")]);
    await again.start();
    await clock.settle([again]);
    expect(posted).toHaveLength(1);
    expect(await stores.at(-1)!.lastDigest("slack:C1")).toEqual({ scheduledAt: "2026-03-09T07:00:00.000Z", status: "posted" });
  });

  it("a restart after a missed digest posts it once, covering everything since the last one", async () => {
    const path = archive();
    const clock = new FakeClock(Date.parse("2026-03-09T06:30:00Z"));
    const { posted, target } = recorder();
    const first = scheduler(path, clock, [target("slack:C1")]);
    await first.start();
    await clock.advanceTo("2026-03-09T07:00:00Z", first);
    first.stop();
    // Down for two scheduled times.
    await clock.advanceTo("2026-03-11T09:15:00Z");
    const back = scheduler(path, clock, [target("slack:C1")]);
    await back.start();
    expect(posted).toHaveLength(2);
    expect(posted[1].since).toBe("2026-03-09T07:00:00.000Z");
    expect((await stores.at(-1)!.lastDigest("slack:C1"))?.scheduledAt).toBe("2026-03-11T07:00:00.000Z");
    back.stop();
    const third = scheduler(path, clock, [target("slack:C1")]);
    await third.start();
    expect(posted).toHaveLength(2);
    // And the next day goes out as usual.
    await clock.advanceTo("2026-03-12T07:00:00Z", third);
    expect(posted).toHaveLength(3);
  });

  it("two schedulers on one archive file race for the same time and only one posts", async () => {
    const path = archive();
    const clock = new FakeClock(Date.parse("2026-03-09T06:00:00Z"));
    const { posted, target } = recorder();
    // Two processes restarting together after a missed digest: each reads "not posted yet" before either
    // claims it (a barrier holds both reads until both have happened), then both try to claim.
    const seed = scheduler(path, clock, [target("slack:C1")]);
    await seed.start();
    await clock.advanceTo("2026-03-09T07:00:00Z", seed);
    seed.stop();
    expect(posted).toHaveLength(1);
    await clock.advanceTo("2026-03-10T08:00:00Z");
    let arrived = 0;
    let release!: () => void;
    const bothRead = new Promise<void>((r) => (release = r));
    const racing = (owner: string) => {
      const store = open(path);
      const held = Object.create(store) as SqliteStore;
      held.lastDigest = async (channel: string) => {
        const last = await store.lastDigest(channel);
        if (++arrived === 2) release();
        await bothRead;
        return last;
      };
      const s = new DigestScheduler({
        store: held,
        targets: [target("slack:C1")],
        cron: "0 7 * * *",
        timezone: "Europe/London",
        skipEmpty: false,
        log,
        clock,
        build: async (since) => okReply(since),
        attempts: 1,
        owner,
      });
      schedulers.push(s);
      return s;
    };
    await Promise.all([racing("a").start(), racing("b").start()]);
    expect(arrived).toBe(2);
    expect(posted).toHaveLength(2);
    expect(posted[1].since).toBe("2026-03-09T07:00:00.000Z");
  });

  it("DIGEST_SKIP_EMPTY: a quiet day posts nothing (and is recorded); without it the one-line digest goes out", async () => {
    const clock = new FakeClock(Date.parse("2026-03-09T06:00:00Z"));
    const { posted, target } = recorder();
    const skipPath = archive();
    const skip = scheduler(skipPath, clock, [target("slack:skip")], { skipEmpty: true, build: async (since) => emptyReply(since) });
    const post = scheduler(archive(), clock, [target("slack:post")], { skipEmpty: false, build: async (since) => emptyReply(since) });
    await Promise.all([skip.start(), post.start()]);
    await clock.advanceTo("2026-03-09T07:00:00Z", skip, post);
    expect(posted.map((p) => p.channel)).toEqual(["slack:post"]);
    expect(await stores[0].lastDigest("slack:skip")).toEqual({ scheduledAt: "2026-03-09T07:00:00.000Z", status: "skipped" });
  });

  it("a post that keeps failing is retried, then recorded as failed and not posted again by a restart", async () => {
    const path = archive();
    const clock = new FakeClock(Date.parse("2026-03-09T06:00:00Z"));
    let tries = 0;
    const flaky: DigestTarget = {
      channel: "slack:C1",
      async post() {
        tries++;
        throw new Error("ratelimited");
      },
    };
    const s = scheduler(path, clock, [flaky], { attempts: 3 });
    await s.start();
    await clock.advanceTo("2026-03-09T07:00:00Z", s);
    expect(tries).toBe(1);
    await clock.advanceTo("2026-03-09T07:01:00Z", s); // past the 2 s and 4 s pauses
    expect(tries).toBe(3);
    expect(await stores[0].lastDigest("slack:C1")).toEqual({ scheduledAt: "2026-03-09T07:00:00.000Z", status: "failed" });
    s.stop();
    const again = scheduler(path, clock, [flaky]);
    await again.start();
    expect(tries).toBe(3);
  });
});

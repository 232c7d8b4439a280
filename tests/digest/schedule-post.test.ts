// The digest scheduler posting through the chat adapters' channel posts (the real Slack Web API client and
// discord.js REST client) to the local fakes, on a real archive of the sample articles, with an injected clock: what
// each platform received at each scheduled time, across restarts, and when a platform is down, hangs or
// answers 429.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { channelPosters } from "../../src/chat/post.ts";
import { buildDigest, shortenDigest } from "../../src/digest/build.ts";
import { DigestScheduler } from "../../src/digest/schedule.ts";
import { logger } from "../../src/log.ts";
import { FakeDiscord, messageProblems, type RestCall } from "../fakes/discord.ts";
import { checkMessage, liveMentions, startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { FakeClock } from "../helpers/clock.ts";
import { freePort } from "../helpers/net.ts";
import { articlesFolder } from "../helpers/process.ts";

const log = logger(process.env.DEBUG_DIGEST ? "debug" : "error");
let slack: FakeSlack;
let discord: FakeDiscord;
const open: { bot: Bot; scheduler: DigestScheduler }[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await FakeDiscord.start();
});

afterAll(async () => {
  for (const o of open.splice(0)) {
    o.scheduler.stop();
    await o.bot.close();
  }
  await slack?.close();
  await discord?.stop();
});

let channels = 0;
/** A fresh pair of digest channels for each test, so each test counts only its own posts. */
function freshChannels() {
  channels++;
  return { slack: `C0DIGEST${channels}`, discord: `9000000000000000${String(channels).padStart(2, "0")}` };
}

interface Setup {
  folder: ReturnType<typeof articlesFolder>;
  channel: { slack: string; discord: string };
  env: Record<string, string>;
}

function setup(extra: Record<string, string> = {}): Setup {
  const folder = articlesFolder("newsbot-schedule-post-");
  const channel = freshChannels();
  const env = {
    ...folder.env,
    SLACK_BOT_TOKEN: "xoxb-1111-2222-scheduledDigest",
    SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
    SLACK_API_URL: slack.apiUrl,
    SLACK_DIGEST_CHANNEL: channel.slack,
    DISCORD_TOKEN: "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.scheduledDigest0123456789",
    DISCORD_APPLICATION_ID: "111111111111111111",
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_DIGEST_CHANNEL: channel.discord,
    ...extra,
  };
  return { folder, channel, env };
}

/** A bot process as `newsbot start` runs it: the archive opened (and synced), the scheduler on the real targets. */
async function boot(s: Setup, clock: FakeClock, attempts = 3) {
  const config = loadConfig({ env: s.env, cwd: s.folder.root });
  const bot = await openBot(config, { log });
  // No retries inside the clients: the scheduler's own retries (on the injected clock) are what is tested.
  const targets = clock.track(channelPosters(config, { retries: 0, timeoutMs: 15_000, shorten: shortenDigest }));
  const scheduler = new DigestScheduler({
    store: bot.store,
    targets,
    cron: config.digest.cron,
    timezone: config.digest.timezone,
    skipEmpty: config.digest.skipEmpty,
    log,
    clock,
    attempts,
    build: (since, now) => buildDigest(bot.store, { since, now, query: "since the last digest" }),
  });
  const entry = { bot, scheduler };
  open.push(entry);
  await scheduler.start();
  return {
    bot,
    scheduler,
    /** Stops it as SIGTERM does. */
    async stop() {
      scheduler.stop();
      await scheduler.idle();
      await bot.close();
      open.splice(open.indexOf(entry), 1);
    },
  };
}

const slackPosts = (channel: string) => slack.of("chat.postMessage").filter((c) => c.body.channel === channel);
const discordCalls = (channel: string): RestCall[] => discord.calls.filter((c) => c.method === "POST" && c.path === `/api/v10/channels/${channel}/messages`);
const discordPosts = (channel: string) => discordCalls(channel).filter((c) => c.status === 200);
const slackOk = (channel: string) => slackPosts(channel).filter((c) => (c.response as { ok?: boolean }).ok === true);

/** What the two platforms received, per channel: successful posts only. */
function delivered(s: Setup) {
  return { slack: slackOk(s.channel.slack).length, discord: discordPosts(s.channel.discord).length };
}

function expectValid(s: Setup) {
  for (const c of slackPosts(s.channel.slack)) {
    expect(checkMessage(c.body)).toBeNull();
    expect(liveMentions(c.body)).toEqual([]);
  }
  for (const c of discordCalls(s.channel.discord)) {
    expect(messageProblems(c.body)).toEqual([]);
    expect(c.body.allowed_mentions).toEqual({ parse: [] });
  }
}

describe("the scheduled digest, posted through the real clients to the fake Slack and Discord", () => {
  it("posts once per scheduled time on each platform; a restart right after posts nothing", async () => {
    const s = setup();
    const clock = new FakeClock(Date.parse("2026-03-09T06:30:00Z"));
    const first = await boot(s, clock);
    expect(delivered(s)).toEqual({ slack: 0, discord: 0 }); // a new bot has missed nothing
    await clock.advanceTo("2026-03-09T06:59:59Z", first.scheduler);
    expect(delivered(s)).toEqual({ slack: 0, discord: 0 });
    await clock.advanceTo("2026-03-09T07:00:00Z", first.scheduler);
    expect(delivered(s)).toEqual({ slack: 1, discord: 1 });
    expect(JSON.stringify(slackPosts(s.channel.slack)[0].body.blocks)).toContain("Nicola Sturgeon");
    expect(JSON.stringify(discordPosts(s.channel.discord)[0].body.embeds)).toContain("Nicola Sturgeon");
    await clock.advanceTo("2026-03-10T12:00:00Z", first.scheduler);
    expect(delivered(s)).toEqual({ slack: 2, discord: 2 });
    await first.stop();

    const again = await boot(s, clock);
    await clock.advanceTo("2026-03-10T12:05:00Z", again.scheduler);
    expect(delivered(s)).toEqual({ slack: 2, discord: 2 });
    expect(await again.bot.store.lastDigest(`slack:${s.channel.slack}`)).toEqual({ scheduledAt: "2026-03-10T07:00:00.000Z", status: "posted" });
    expect(await again.bot.store.lastDigest(`discord:${s.channel.discord}`)).toEqual({ scheduledAt: "2026-03-10T07:00:00.000Z", status: "posted" });
    expectValid(s);
    await again.stop();
  });

  it("a digest missed while the bot was down is posted once when it comes back, covering the whole gap", async () => {
    const s = setup();
    const clock = new FakeClock(Date.parse("2026-03-09T06:30:00Z"));
    const first = await boot(s, clock);
    await clock.advanceTo("2026-03-09T07:00:00Z", first.scheduler);
    await first.stop();
    expect(delivered(s)).toEqual({ slack: 1, discord: 1 });

    await clock.advanceTo("2026-03-11T09:15:00Z"); // down over two scheduled times
    const back = await boot(s, clock);
    expect(delivered(s)).toEqual({ slack: 2, discord: 2 });
    expect(JSON.stringify(slackPosts(s.channel.slack)[1].body.blocks)).toContain("Digest since 2026-03-09 07:00 UTC");
    expect(discordPosts(s.channel.discord)[1].body.embeds[0].title).toBe("Digest since 2026-03-09 07:00 UTC");
    await back.stop();

    const third = await boot(s, clock);
    expect(delivered(s)).toEqual({ slack: 2, discord: 2 });
    await clock.advanceTo("2026-03-12T07:00:00Z", third.scheduler);
    expect(delivered(s)).toEqual({ slack: 3, discord: 3 });
    expectValid(s);
    await third.stop();
  });

  it("Slack answering 500 is retried, then recorded as failed; Discord is posted; the next day Slack gets its digest", async () => {
    const s = setup();
    const clock = new FakeClock(Date.parse("2026-03-09T06:30:00Z"));
    const bot = await boot(s, clock, 3);
    slack.fail("chat.postMessage", { status: 500 }, { status: 500 }, { status: 500 });
    await clock.advanceTo("2026-03-09T07:01:00Z", bot.scheduler); // past the 2 s and 4 s pauses
    expect(slackPosts(s.channel.slack).map((c) => c.status)).toEqual([500, 500, 500]);
    expect(delivered(s)).toEqual({ slack: 0, discord: 1 });
    expect(await bot.bot.store.lastDigest(`slack:${s.channel.slack}`)).toEqual({ scheduledAt: "2026-03-09T07:00:00.000Z", status: "failed" });
    expect(await bot.bot.store.lastDigest(`discord:${s.channel.discord}`)).toEqual({ scheduledAt: "2026-03-09T07:00:00.000Z", status: "posted" });
    await clock.advanceTo("2026-03-10T07:00:00Z", bot.scheduler);
    expect(delivered(s)).toEqual({ slack: 1, discord: 2 });
    expectValid(s);
    await bot.stop();
  });

  it("Discord unreachable: Slack is posted, Discord recorded as failed, and the scheduler carries on", async () => {
    const s = setup({ DISCORD_API_URL: `http://127.0.0.1:${await freePort()}/api` });
    const clock = new FakeClock(Date.parse("2026-03-09T06:30:00Z"));
    const bot = await boot(s, clock, 2);
    await clock.advanceTo("2026-03-09T07:01:00Z", bot.scheduler);
    expect(delivered(s)).toEqual({ slack: 1, discord: 0 });
    expect(await bot.bot.store.lastDigest(`discord:${s.channel.discord}`)).toEqual({ scheduledAt: "2026-03-09T07:00:00.000Z", status: "failed" });
    expect(clock.pending()).toContain("2026-03-10T07:00:00.000Z");
    await clock.advanceTo("2026-03-10T07:00:00Z", bot.scheduler);
    expect(delivered(s)).toEqual({ slack: 2, discord: 0 });
    await bot.stop();
  });

  it("a Slack that hangs does not hold up Discord", async () => {
    const s = setup();
    const clock = new FakeClock(Date.parse("2026-03-09T06:30:00Z"));
    const bot = await boot(s, clock, 1);
    let release!: () => void;
    slack.fail("chat.postMessage", { until: new Promise<void>((r) => (release = r)) });
    const moving = clock.advanceTo("2026-03-09T07:00:00Z", bot.scheduler);
    // Discord's digest arrives while Slack's client is still waiting for its answer.
    await slack.waitHeld("chat.postMessage");
    await discord.waitFor((c) => c.method === "POST" && c.path === `/api/v10/channels/${s.channel.discord}/messages` && c.status === 200);
    expect(slack.held("chat.postMessage")).toBe(1);
    expect(slackPosts(s.channel.slack)).toHaveLength(0);
    release();
    await moving;
    await bot.scheduler.idle();
    expect(delivered(s)).toEqual({ slack: 1, discord: 1 });
    await bot.stop();
  });

  it("429 from both: each waits as asked and posts exactly once", async () => {
    const s = setup();
    const clock = new FakeClock(Date.parse("2026-03-09T06:30:00Z"));
    const bot = await boot(s, clock, 3);
    slack.fail("chat.postMessage", { status: 429, retryAfter: 1 });
    discord.inject({ method: "POST", path: new RegExp(`/channels/${s.channel.discord}/messages$`), status: 429, times: 1, retryAfter: 0.1 });
    await clock.advanceTo("2026-03-09T07:01:00Z", bot.scheduler);
    expect(slackPosts(s.channel.slack).map((c) => c.status)).toEqual([429, 200]);
    expect(discordCalls(s.channel.discord).map((c) => c.status)).toEqual([429, 200]);
    expect(delivered(s)).toEqual({ slack: 1, discord: 1 });
    expect(await bot.bot.store.lastDigest(`slack:${s.channel.slack}`)).toMatchObject({ status: "posted" });
    await bot.stop();
  });

  it("a message a platform refuses (a wrong channel) is not retried: recorded as failed at once", async () => {
    const s = setup();
    const clock = new FakeClock(Date.parse("2026-03-09T06:30:00Z"));
    const bot = await boot(s, clock, 3);
    slack.fail("chat.postMessage", { error: "channel_not_found" });
    discord.inject({ method: "POST", path: new RegExp(`/channels/${s.channel.discord}/messages$`), status: 403, times: 1 });
    await clock.advanceTo("2026-03-09T07:01:00Z", bot.scheduler);
    expect(slackPosts(s.channel.slack)).toHaveLength(1);
    expect(discordCalls(s.channel.discord)).toHaveLength(1);
    expect(await bot.bot.store.lastDigest(`slack:${s.channel.slack}`)).toMatchObject({ status: "failed" });
    expect(await bot.bot.store.lastDigest(`discord:${s.channel.discord}`)).toMatchObject({ status: "failed" });
    await bot.stop();
  });
});

describe("a quiet day, posted through the real clients", () => {
  // The sample articles entered the archive today; a clock years ahead sees nothing new.
  it("posts a one-line digest", async () => {
    const s = setup();
    const clock = new FakeClock(Date.parse("2036-03-09T06:30:00Z"));
    const bot = await boot(s, clock);
    await clock.advanceTo("2036-03-09T07:00:00Z", bot.scheduler);
    expect(delivered(s)).toEqual({ slack: 1, discord: 1 });
    const slackBody = slackPosts(s.channel.slack)[0].body;
    const text = (slackBody.blocks as { text?: { text: string } }[]).map((b) => b.text?.text ?? "").filter(Boolean);
    expect(text).toEqual(["*Digest in the last 24 hours*", "Nothing new in the archive in the last 24 hours."]);
    const embed = discordPosts(s.channel.discord)[0].body.embeds[0];
    expect(embed.description).toBe("Nothing new in the archive in the last 24 hours.");
    expect(embed.fields).toBeUndefined();
    expectValid(s);
    await bot.stop();
  });

  it("posts nothing with DIGEST_SKIP_EMPTY=true, and records the day as skipped", async () => {
    const s = setup({ DIGEST_SKIP_EMPTY: "true" });
    const clock = new FakeClock(Date.parse("2036-03-09T06:30:00Z"));
    const bot = await boot(s, clock);
    await clock.advanceTo("2036-03-09T07:00:00Z", bot.scheduler);
    expect(slackPosts(s.channel.slack)).toHaveLength(0);
    expect(discordCalls(s.channel.discord)).toHaveLength(0);
    expect(await bot.bot.store.lastDigest(`slack:${s.channel.slack}`)).toEqual({ scheduledAt: "2036-03-09T07:00:00.000Z", status: "skipped" });
    await bot.stop();
  });
});

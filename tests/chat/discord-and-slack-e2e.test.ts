// Slack and Discord in one process: `newsbot start` with both platforms' settings answers on both, and one
// SIGTERM stops both cleanly. Slack in Socket Mode (the fake Slack), Discord over the fake gateway.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, FakeDiscord, GUILD_ID, messageProblems } from "../fakes/discord.ts";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { articlesFolder, runNewsbot, startNewsbot, type Running } from "../helpers/process.ts";
import { APP_TOKEN, BOT_TOKEN, slashForm } from "./slack-helpers.ts";

const DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.bothPlatformsTokenNeverLogged01234567";

const folder = articlesFolder("newsbot-discord-slack-");

let discord: FakeDiscord;
let slack: FakeSlack;
let bot: Running;

beforeAll(async () => {
  discord = await FakeDiscord.start({ inGuild: true });
  slack = await startFakeSlack();
  bot = await startNewsbot(["start"], {
    cwd: folder.root,
    env: {
      ...folder.env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: discord.apiUrl,
    },
    ready: (out) => /connected in Socket Mode/.test(out) && /discord: connected/.test(out),
    what: "newsbot start (Slack and Discord)",
  });
  await slack.socketConnected();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
  await slack?.close();
});

describe("newsbot start with Slack and Discord together", () => {
  it("answers /quote sturgeon on both platforms", async () => {
    const id = discord.command("quote", "sturgeon");
    const message = await discord.finalMessage(id);
    expect(JSON.stringify(message.embeds)).toMatch(/cruel cut too far/);
    expect(messageProblems(message)).toEqual([]);
    const ack = await slack.sendEnvelope("slash_commands", slashForm("/quote", "sturgeon", slack.responseUrl()));
    expect(JSON.stringify(ack)).toContain("cruel cut too far");
  });

  it("stops both on one SIGTERM, and logged neither token", async () => {
    const code = await bot.stop();
    expect(code).toBe(0);
    expect(bot.output()).not.toContain(DISCORD_TOKEN);
    expect(bot.output()).not.toContain(BOT_TOKEN);
    expect(bot.output()).not.toContain(APP_TOKEN);
  });
});

describe("newsbot start when Discord refuses the token", () => {
  const run = async (withSlack: boolean) => {
    const fake = await FakeDiscord.start();
    const fakeSlack = withSlack ? await startFakeSlack() : null;
    fake.validToken = DISCORD_TOKEN;
    const bad = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.resetTokenThatDiscordNowRefuses0123456";
    try {
      const r = await runNewsbot(["start"], {
        cwd: folder.root,
        env: {
          ...(fakeSlack ? { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fakeSlack.apiUrl } : {}),
          DISCORD_TOKEN: bad,
          DISCORD_APPLICATION_ID: APP_ID,
          DISCORD_API_URL: fake.apiUrl,
          NEWSBOT_ARTICLES: folder.articles,
          NEWSBOT_DB: join(folder.root, `refused-${withSlack}.db`),
        },
        timeoutMs: 20_000,
      });
      const code = r.code;
      const out = r.stdout + r.stderr;
      return { code, out, bad };
    } finally {
      await fake.stop();
      await fakeSlack?.close();
    }
  };

  it("exits (code 2) naming DISCORD_TOKEN, without showing it — alone, and with Slack already connected", async () => {
    for (const withSlack of [false, true]) {
      const { code, out, bad } = await run(withSlack);
      expect(code, out).toBe(2);
      expect(out).toMatch(/newsbot: Bad setting — DISCORD_TOKEN was refused by Discord/);
      expect(out).not.toContain(bad);
      expect(out).not.toContain(bad.split(".")[2]);
    }
  }, 60_000);
});

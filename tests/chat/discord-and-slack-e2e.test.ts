// Slack and Discord in one process: `newsbot start` with both platforms' settings answers on both, and one
// SIGTERM stops both cleanly. Slack in Socket Mode (the fake Slack), Discord over the fake gateway.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, FakeDiscord, GUILD_ID, messageProblems } from "../fakes/discord.ts";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { tempDir } from "../helpers/tmp.ts";
import { APP_TOKEN, BOT_TOKEN, slashForm } from "./slack-helpers.ts";

const DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.bothPlatformsTokenNeverLogged01234567";

const root = tempDir("newsbot-discord-slack-");
const articles = join(root, "articles");
mkdirSync(articles);
cpSync("data/articles", articles, { recursive: true });

let discord: FakeDiscord;
let slack: FakeSlack;
let child: ChildProcess;
let output = "";
let exited: Promise<number | null>;

beforeAll(async () => {
  discord = await FakeDiscord.start({ inGuild: true });
  slack = await startFakeSlack();
  child = spawn(process.execPath, [resolve("bin/newsbot.js"), "start"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: discord.apiUrl,
      NEWSBOT_ARTICLES: articles,
      NEWSBOT_DB: join(root, "archive.db"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (d) => (output += String(d)));
  child.stdout!.on("data", (d) => (output += String(d)));
  exited = new Promise((r) => child.once("exit", (code) => r(code)));
  const started = Date.now();
  while (!(/connected in Socket Mode/.test(output) && /discord: connected/.test(output))) {
    if (child.exitCode !== null) throw new Error(`newsbot start exited (${child.exitCode}):\n${output}`);
    if (Date.now() - started > 45_000) throw new Error(`newsbot start did not connect to both within 45 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await slack.socketConnected();
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
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
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r("timeout"), 10_000))]);
    expect(code).toBe(0);
    expect(output).not.toContain(DISCORD_TOKEN);
    expect(output).not.toContain(BOT_TOKEN);
    expect(output).not.toContain(APP_TOKEN);
  });
});

describe("newsbot start when Discord refuses the token", () => {
  const run = async (withSlack: boolean) => {
    const fake = await FakeDiscord.start();
    const fakeSlack = withSlack ? await startFakeSlack() : null;
    fake.validToken = DISCORD_TOKEN;
    const bad = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.resetTokenThatDiscordNowRefuses0123456";
    try {
      const c = spawn(process.execPath, [resolve("bin/newsbot.js"), "start"], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          ...(fakeSlack ? { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fakeSlack.apiUrl } : {}),
          DISCORD_TOKEN: bad,
          DISCORD_APPLICATION_ID: APP_ID,
          DISCORD_API_URL: fake.apiUrl,
          NEWSBOT_ARTICLES: articles,
          NEWSBOT_DB: join(root, `refused-${withSlack}.db`),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      c.stderr!.on("data", (d) => (out += String(d)));
      c.stdout!.on("data", (d) => (out += String(d)));
      const code = await Promise.race([new Promise((r) => c.once("exit", r)), new Promise((r) => setTimeout(() => r("still running"), 20_000))]);
      if (c.exitCode === null) c.kill("SIGKILL");
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

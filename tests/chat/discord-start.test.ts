// Starting the Discord adapter: global registration, registration retried through Discord's failures, and a
// bad token refused with a clear message that does not contain it.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../src/chat/discord.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { APP_ID, FakeDiscord, GUILD_ID } from "../fakes/discord.ts";
import { tempDir } from "../helpers/tmp.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.startTestTokenThatMustNotLeak012345678";
const root = tempDir("newsbot-discord-start-");
let bot: Bot;
const log = memoryLogger();

beforeAll(async () => {
  bot = await openBot(loadConfig({ env: { NEWSBOT_ARTICLES: join(process.cwd(), "data/articles"), NEWSBOT_DB: join(root, "a.db") }, cwd: root }), { log });
});
afterAll(async () => {
  await bot?.close();
});

describe("starting the Discord adapter", () => {
  it("registers globally without a guild, retrying through a 500 and a 429 (API URL given with /v10/)", async () => {
    const fake = await FakeDiscord.start();
    try {
      fake.inject({ method: "PUT", path: /\/commands$/, status: 500, times: 1 });
      fake.inject({ method: "PUT", path: /\/commands$/, status: 429, times: 1, retryAfter: 0.2 });
      const d = await startDiscord(bot, { token: TOKEN, applicationId: APP_ID, guildId: null, apiUrl: `${fake.apiUrl}/v10/`, digestChannel: null }, log, {
        retries: 0,
      });
      await d.stop();
      const puts = fake.calls.filter((c) => c.method === "PUT");
      expect(puts.every((c) => c.path === `/api/v10/applications/${APP_ID}/commands`)).toBe(true);
      expect(puts.at(-1)?.status).toBe(200);
      expect(fake.commands.map((c) => c.name)).toContain("quote");
    } finally {
      await fake.stop();
    }
  });

  it("keeps running when the guild refuses the commands (bot not invited there), saying what to check", async () => {
    const fake = await FakeDiscord.start();
    try {
      fake.inject({ method: "PUT", path: /\/guilds\/\d+\/commands$/, status: 403, times: 1 });
      const d = await startDiscord(bot, { token: TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl, digestChannel: null }, log, {
        retries: 0,
      });
      try {
        expect(fake.calls.filter((c) => c.method === "PUT")).toHaveLength(1);
        expect(log.lines.join("\n")).toMatch(/refused to register the commands in the guild .* invited to it with the scopes "bot applications.commands"/);
        // Commands registered earlier still work.
        const message = await fake.finalMessage(fake.command("quote", "sturgeon"));
        expect(JSON.stringify(message.embeds)).toMatch(/cruel cut too far/);
      } finally {
        await d.stop();
      }
    } finally {
      await fake.stop();
    }
  });

  it("says plainly when Discord cannot be reached, and gives up promptly", async () => {
    const fake = await FakeDiscord.start();
    const apiUrl = fake.apiUrl;
    await fake.stop();
    const started = Date.now();
    const err = await startDiscord(bot, { token: TOKEN, applicationId: APP_ID, guildId: null, apiUrl, digestChannel: null }, log, {
      retries: 0,
      timeout: 1000,
    }).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/^Cannot open a connection to Discord at http:\/\/127\.0\.0\.1:\d+\/api: .*ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses a bad token with a clear message, never showing the token", async () => {
    const fake = await FakeDiscord.start();
    try {
      fake.validToken = TOKEN;
      const bad = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.thisTokenWasResetAndIsNoLongerValid0";
      const err = await startDiscord(bot, { token: bad, applicationId: APP_ID, guildId: null, apiUrl: fake.apiUrl, digestChannel: null }, log, {
        retries: 0,
        timeout: 2000,
      }).then(
        () => null,
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect(err).toBeInstanceOf(ConfigError);
      expect(err!.message).toMatch(/DISCORD_TOKEN was refused/);
      expect(err!.message).not.toContain(bad);
      expect(fake.calls.some((c) => c.path.endsWith("/gateway/bot") && c.status === 401)).toBe(true);
      expect(fake.identifies).toBe(0);
      expect(log.lines.join("\n")).not.toContain(TOKEN);
      expect(log.lines.join("\n")).not.toContain(bad);
    } finally {
      await fake.stop();
    }
  });
});

// A button on an answer to a long query keeps working after the bot restarts (or another replica answers):
// its query, too long for Discord's 100-character custom_id, is kept in the archive, not in the process.
// The real discord.js client against the fake gateway, two bot processes' worth one after the other.
import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord, type RunningDiscord } from "../../src/chat/discord.ts";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { CUSTOM_ID_MAX } from "../../src/reply/discord.ts";
import { APP_ID, FakeDiscord, GUILD_ID, messageProblems } from "../fakes/discord.ts";
import { articlesFolder } from "../helpers/process.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.restartedBotToken0123456789abcdefgh";
const { root, articles } = articlesFolder("newsbot-discord-restart-");
cpSync("tests/fixtures/newsroom", join(articles, "newsroom"), { recursive: true });
const config = loadConfig({ env: { NEWSBOT_ARTICLES: articles, NEWSBOT_DB: join(root, "archive.db") }, cwd: root });
// No figure has all these words, so /figure shows those with some of them: pages of them.
const LONG_QUERY = "million pounds for the harbour, the brewery, school meals, bus fares and the marathon this year";

let fake: FakeDiscord;
const running: { bot: Bot; discord: RunningDiscord }[] = [];
const log = memoryLogger();

async function startBot() {
  const bot = await openBot(config, { log });
  const discord = await startDiscord(bot, { token: TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl, digestChannel: null }, log, {
    pageSize: 2,
  });
  running.push({ bot, discord });
  return { bot, discord };
}

async function stopBot() {
  const { bot, discord } = running.pop()!;
  await discord.stop();
  await bot.close();
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  while (running.length) await stopBot();
  await fake?.stop();
});

describe("Discord buttons across a restart", () => {
  it("a Next on a long query, pressed after the bot restarted, turns the page", async () => {
    expect(`pg:figure:2:${LONG_QUERY}`.length).toBeGreaterThan(CUSTOM_ID_MAX);
    await startBot();
    const first = await fake.finalMessage(fake.command("figure", LONG_QUERY));
    expect(first.embeds[0].footer.text).toMatch(/^Page 1 of \d+/);
    const next = first.components.flatMap((r: any) => r.components).find((b: any) => b.label === "Next");
    expect(next.custom_id).toMatch(/^pk:figure:2:[\w-]{22}$/);

    await stopBot();
    await startBot();
    expect(fake.identifies).toBe(2);

    const click = fake.click(next.custom_id, first);
    const page2 = await fake.finalMessage(click);
    expect(page2.embeds[0].footer.text).toMatch(/^Page 2 of \d+/);
    expect(JSON.stringify(page2.embeds)).not.toEqual(JSON.stringify(first.embeds));
    expect(messageProblems(page2)).toEqual([]);
    // Share, from the restarted bot too, posts the answer to the long query for everyone.
    const share = page2.components.flatMap((r: any) => r.components).find((b: any) => b.label === "Share");
    const shared = await fake.finalMessage(fake.click(share.custom_id, page2));
    expect(shared.flags ?? 0).toBe(0);
    expect(shared.embeds[0].title).toBe(first.embeds[0].title);
  });
});

// The bot that tests/chat/discord.test.ts drives: the real bot and the real discord.js client (startDiscord)
// against the local fake Discord, with two test hooks: a slow answer, held until the test lets it go, and a
// failing one. Held here so that the test file keeps to its cases.
import { join } from "node:path";
import { startDiscord, type RunningDiscord } from "../../src/chat/discord.ts";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import type { memoryLogger } from "../../src/log.ts";
import { APP_ID, FakeDiscord, GUILD_ID } from "../fakes/discord.ts";

/** A query whose answer waits until release(SLOW_QUERY): a slow answer without a fixed sleep. */
export const SLOW_QUERY = "slow please";
/** A query whose answer throws. */
export const FAILING_QUERY = "explode now";

export interface HookedDiscord {
  fake: FakeDiscord;
  /** The time budgets the adapter waited on (to defer, or to give up on autocomplete), in order. */
  budgets: number[];
  /** Lets the held answers to `query` go on. */
  release: (query: string) => void;
  stop(): Promise<void>;
}

export async function startHookedDiscord(o: { root: string; articles: string; token: string; log: ReturnType<typeof memoryLogger> }): Promise<HookedDiscord> {
  const fake = await FakeDiscord.start();
  const config = loadConfig({ env: { NEWSBOT_ARTICLES: o.articles, NEWSBOT_DB: join(o.root, "archive.db") }, cwd: o.root });
  const bot = await openBot(config, { log: o.log });
  const held = new Map<string, (() => void)[]>();
  const hold = (query: string) => new Promise<void>((r) => held.set(query, [...(held.get(query) ?? []), r]));
  const hooked: Bot = Object.create(bot, {
    handle: {
      value: async (r: Parameters<Bot["handle"]>[0]) => {
        if (r.query === SLOW_QUERY) await hold(r.query);
        if (r.query === FAILING_QUERY) throw new Error("boom from the test");
        return bot.handle(r);
      },
    },
  });
  const budgets: number[] = [];
  const sleep = (ms: number) => {
    budgets.push(ms);
    return new Promise<void>((r) => setTimeout(r, ms).unref());
  };
  let discord: RunningDiscord | undefined;
  try {
    discord = await startDiscord(hooked, { token: o.token, applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl, digestChannel: null }, o.log, {
      retries: 2,
      timeout: 3000,
      pageSize: 2,
      sleep,
    });
  } catch (e) {
    await bot.close();
    await fake.stop();
    throw e;
  }
  const running = discord;
  return {
    fake,
    budgets,
    release: (query) => {
      for (const go of held.get(query) ?? []) go();
      held.delete(query);
    },
    async stop() {
      await running.stop();
      await bot.close();
      await fake.stop();
    },
  };
}

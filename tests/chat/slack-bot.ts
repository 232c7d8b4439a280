// What the in-process Slack adapter tests start from: the real bot over the sample articles plus a hostile one,
// and the fake Slack Web API on 127.0.0.1; each test file starts the adapter itself, in the mode it tests.
import { join } from "node:path";
import { loadConfig, type SlackConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import type { memoryLogger } from "../../src/log.ts";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { tempDir } from "../helpers/tmp.ts";
import { BOT_TOKEN, SECRET, articlesWithHostile } from "./slack-helpers.ts";

export interface BotWithFakeSlack {
  fake: FakeSlack;
  bot: Bot;
  /** Slack settings for an adapter talking to the fake (HTTP mode on a free port unless `over` says otherwise). */
  slackConfig: (over?: Partial<SlackConfig>) => SlackConfig;
  close(): Promise<void>;
}

export async function startBotWithFakeSlack(prefix: string, log: ReturnType<typeof memoryLogger>): Promise<BotWithFakeSlack> {
  const root = tempDir(prefix);
  const articles = articlesWithHostile(root);
  const fake = await startFakeSlack();
  const config = loadConfig({ env: { NEWSBOT_ARTICLES: articles, NEWSBOT_DB: join(root, "archive.db") }, cwd: root });
  const bot = await openBot(config, { log });
  return {
    fake,
    bot,
    slackConfig: (over = {}) => ({ botToken: BOT_TOKEN, signingSecret: SECRET, appToken: null, apiUrl: fake.apiUrl, port: 0, digestChannel: null, ...over }),
    async close() {
      await bot.close();
      await fake.close();
    },
  };
}

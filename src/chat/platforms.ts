// Starts the chat platforms the configuration names. Each adapter is loaded only when configured, so the
// terminal needs neither Slack's nor Discord's libraries at start.
import type { Config } from "../config.ts";
import type { Bot } from "../core.ts";
import type { Logger } from "../log.ts";

export interface RunningPlatform {
  name: string;
  stop(): Promise<void>;
}

export async function startPlatforms(bot: Bot, config: Config, log: Logger): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  // Wired in by the Slack and Discord adapters (issues 3 and 4).
  void bot;
  void config;
  void log;
  try {
    if (config.slack) {
      const { startSlack } = await import("./slack.ts");
      running.push(await startSlack(bot, config.slack, log));
    }
    if (config.discord) {
      const { startDiscord } = await import("./discord.ts");
      running.push(await startDiscord(bot, config.discord, log));
    }
  } catch (e) {
    // One platform failing to start stops those already running, so the process can exit with the reason.
    await Promise.allSettled(running.map((p) => p.stop()));
    throw e;
  }
  return running;
}

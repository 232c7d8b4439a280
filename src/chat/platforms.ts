// Starts the chat platforms the configuration names. Each adapter is loaded only when configured, so the
// terminal needs neither Slack's nor Discord's libraries at start.
//
// With several replicas on one archive: every replica serves Slack (HTTP behind a load balancer, or its
// own Socket Mode connection — Slack spreads events across an app's connections), but only one holds the
// Discord gateway session, under a lease (a second session of the same bot would get every interaction
// twice); another replica opens it when that one stops.
import type { Config } from "../config.ts";
import type { Bot } from "../core.ts";
import type { Logger } from "../log.ts";
import { startDuty, type Duty } from "../replica/duty.ts";

export interface RunningPlatform {
  name: string;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** This replica's name in the leases. */
  owner: string;
  /** Called with the Discord gateway's duty, so /health can tell whether this replica holds it. */
  onDuty?: (duty: Duty) => void;
}

export async function startPlatforms(bot: Bot, config: Config, log: Logger, options: PlatformOptions): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  try {
    if (config.slack) {
      const { startSlack } = await import("./slack.ts");
      running.push(await startSlack(bot, config.slack, log));
    }
    if (config.discord) {
      const { startDiscord } = await import("./discord.ts");
      const discord = config.discord;
      const duty = await startDuty({
        store: bot.store,
        name: "discord",
        what: "the Discord gateway session",
        owner: options.owner,
        ttlMs: config.leaseSeconds * 1000,
        log,
        start: () => startDiscord(bot, discord, log),
      });
      options.onDuty?.(duty);
      running.push({ name: "discord", stop: () => duty.stop() });
    }
  } catch (e) {
    // One platform failing to start stops those already running, so the process can exit with the reason.
    await Promise.allSettled(running.map((p) => p.stop()));
    throw e;
  }
  return running;
}

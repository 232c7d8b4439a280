// Posts a reply to a Discord channel through the channel messages route: the REST client set up as the
// adapter sets up its own, the reply rendered one embed per section, pinging no one.
import { REST, Routes } from "discord.js";
import type { DiscordConfig } from "../../config.ts";
import type { Reply } from "../../reply/model.ts";
import { renderDiscordPost } from "../../reply/discord.ts";
import { POST_TIMEOUT_MS, PostError, describeNetworkError, fitted, type PostOptions } from "../post.ts";
import { NO_MENTIONS, restOptions } from "./rest.ts";

export async function postToDiscord(discord: DiscordConfig, channel: string, reply: Reply, options: PostOptions = {}): Promise<void> {
  const rest = new REST(restOptions(discord, { retries: options.retries ?? 3, timeout: options.timeoutMs ?? POST_TIMEOUT_MS })).setToken(discord.token);
  const m = fitted(reply, renderDiscordPost, options.shorten);
  try {
    await rest.post(Routes.channelMessages(channel), { body: { embeds: m.embeds, allowed_mentions: NO_MENTIONS } });
  } catch (e) {
    throw discordError(e);
  }
}

/** Discord's answer, worded for a log line; a 4xx other than 429 is permanent. */
function discordError(e: unknown): PostError {
  const err = e as { status?: number; message?: string };
  if (typeof err.status === "number") {
    const permanent = err.status >= 400 && err.status < 500 && err.status !== 429;
    return new PostError(`Discord answered HTTP ${err.status}${err.message ? `: ${err.message}` : ""}`, permanent);
  }
  return new PostError(`Discord could not be reached: ${describeNetworkError(e as Error)}`, false);
}

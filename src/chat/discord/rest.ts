// The REST settings the Discord adapter's gateway client and its channel posts share, so the two cannot
// drift apart (the digest once kept a trailing "/v10" that the adapter stripped).
import type { RESTOptions } from "discord.js";
import type { DiscordConfig } from "../../config.ts";

/** Nothing the bot sends may ping: not @everyone, @here, roles or users copied from an article. */
export const NO_MENTIONS = { parse: [] as never[] };

export function restOptions(discord: DiscordConfig, options: { retries?: number; timeout?: number } = {}): Partial<RESTOptions> {
  return {
    // discord.js adds the version itself: "https://discord.com/api" (a trailing "/v10" would be doubled).
    ...(discord.apiUrl ? { api: discord.apiUrl.replace(/\/+$/, "").replace(/\/v\d+$/, "") } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
  };
}

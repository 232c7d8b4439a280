// Where a digest goes: the Slack and Discord channels the configuration names. Each target posts through
// the platform's Web API (Slack chat.postMessage, Discord's channel messages route) with the renderers the
// chat adapters use, so a digest fits each platform's limits the same way an answer does. The libraries
// are loaded only when a channel is configured.
import type { Config } from "../config.ts";
import type { Reply } from "../reply/model.ts";

export interface DigestTarget {
  /** "slack:C0123", "discord:1234…": the key the archive records posted digests under. */
  channel: string;
  post(reply: Reply): Promise<void>;
}

const TIMEOUT_MS = 15_000;

export function digestTargets(config: Config): DigestTarget[] {
  const targets: DigestTarget[] = [];
  const slack = config.slack;
  if (slack?.digestChannel) {
    const channel = slack.digestChannel;
    targets.push({
      channel: `slack:${channel}`,
      async post(reply) {
        const [{ WebClient }, { renderSlack }] = await Promise.all([import("@slack/bolt").then((m) => m.webApi), import("../reply/slack.ts")]);
        const client = new WebClient(slack.botToken, {
          ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl.endsWith("/") ? slack.apiUrl : `${slack.apiUrl}/` } : {}),
          retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 },
          timeout: TIMEOUT_MS,
        });
        const m = renderSlack(reply, { visibility: "in_channel", buttons: false });
        // Article text is escaped by the renderer, so it carries no <!channel> or <@U…>. The plain words
        // "@here", "@channel", "@everyone" are another matter: Slack parses them itself in mrkdwn that is
        // not verbatim, and in the top-level text with link_names. Both are switched off for a post to a
        // channel (our own links are written out as <url|title>, which verbatim text still honours).
        await client.chat.postMessage({
          channel, text: m.text, blocks: verbatim(m.blocks) as never, link_names: false, parse: "none", unfurl_links: false, unfurl_media: false,
        });
      },
    });
  }
  const discord = config.discord;
  if (discord?.digestChannel) {
    const channel = discord.digestChannel;
    targets.push({
      channel: `discord:${channel}`,
      async post(reply) {
        const [{ REST, Routes }, { renderDiscord }] = await Promise.all([import("discord.js"), import("../reply/discord.ts")]);
        const rest = new REST({ timeout: TIMEOUT_MS, retries: 3, ...(discord.apiUrl ? { api: discord.apiUrl.replace(/\/+$/, "") } : {}) }).setToken(discord.token);
        const m = renderDiscord(reply);
        await rest.post(Routes.channelMessages(channel), { body: { embeds: m.embeds, allowed_mentions: { parse: [] } } });
      },
    });
  }
  return targets;
}

/** Every mrkdwn text object marked verbatim: Slack then turns no plain word into a mention or a link. */
export function verbatim<T>(blocks: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== "object") return v;
    const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    if (o.type === "mrkdwn") o.verbatim = true;
    return o;
  };
  return walk(blocks) as T;
}

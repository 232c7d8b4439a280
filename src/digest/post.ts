// Where a digest goes: the Slack and Discord channels the configuration names. Each target posts through
// the platform's Web API (Slack chat.postMessage, Discord's channel messages route) with the renderers the
// chat adapters use, so a digest fits each platform's limits the same way an answer does. The libraries
// are loaded only when a channel is configured.
import type { Config } from "../config.ts";
import type { Reply } from "../reply/model.ts";
import { DIGEST_SECTIONS, trimDigest, type DigestItem } from "./build.ts";

export interface DigestTarget {
  /** "slack:C0123", "discord:1234…": the key the archive records posted digests under. */
  channel: string;
  /** Throws a PostError when the platform refused or could not be reached. */
  post(reply: Reply): Promise<void>;
}

/**
 * A post that did not go through. `permanent`: trying again cannot help (a wrong channel or token, a
 * message refused as invalid); otherwise (unreachable, timeout, 5xx, rate limit) a later try may work.
 */
export class PostError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
    this.name = "PostError";
  }
}

export interface TargetOptions {
  /** How long one request may take (default 15 s). */
  timeoutMs?: number;
  /**
   * Retries inside the platform client for a network error or 5xx (default 3; Slack waits 0.5 s, 1 s, 2 s).
   * Rate limits are waited out as the platform asks (Retry-After) either way.
   */
  retries?: number;
}

const TIMEOUT_MS = 15_000;

export function digestTargets(config: Config, options: TargetOptions = {}): DigestTarget[] {
  const timeout = options.timeoutMs ?? TIMEOUT_MS;
  const retries = options.retries ?? 3;
  const targets: DigestTarget[] = [];
  const slack = config.slack;
  if (slack?.digestChannel) {
    const channel = slack.digestChannel;
    targets.push({
      channel: `slack:${channel}`,
      async post(reply) {
        const [{ WebClient, LogLevel }, { renderSlack }] = await Promise.all([import("@slack/bolt").then((m) => ({ WebClient: m.webApi.WebClient, LogLevel: m.webApi.LogLevel })), import("../reply/slack.ts")]);
        const client = new WebClient(slack.botToken, {
          ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl.endsWith("/") ? slack.apiUrl : `${slack.apiUrl}/` } : {}),
          retryConfig: { retries, factor: 2, minTimeout: 500, maxTimeout: 5000 },
          timeout,
          // Its own log lines go nowhere: failures reach the caller as a PostError, worded once.
          logLevel: LogLevel.ERROR,
          logger: silentLogger,
        });
        // Without buttons, the renderer's "press More" for what did not fit would lead nowhere: the digest is
        // trimmed until all of it fits (every block rendered after the headline).
        const m = fitted(reply, (r) => renderSlack(r, { visibility: "in_channel", buttons: false }), (m, r) => m.blocks.length === r.blocks.length + 1);
        // Article text is escaped by the renderer, so it carries no <!channel> or <@U…>, and its mrkdwn is
        // verbatim, so Slack parses no plain "@here" either; the top-level text gets no link_names.
        try {
          await client.chat.postMessage({
            channel, text: m.text, blocks: m.blocks as never, link_names: false, parse: "none", unfurl_links: false, unfurl_media: false,
          });
        } catch (e) {
          throw slackError(e);
        }
      },
    });
  }
  const discord = config.discord;
  if (discord?.digestChannel) {
    const channel = discord.digestChannel;
    targets.push({
      channel: `discord:${channel}`,
      async post(reply) {
        const [{ REST, Routes }, { renderDiscord, EMBED_TOTAL_MAX }] = await Promise.all([import("discord.js"), import("../reply/discord.ts")]);
        const rest = new REST({ timeout, retries, ...(discord.apiUrl ? { api: discord.apiUrl.replace(/\/+$/, "") } : {}) }).setToken(discord.token);
        // One embed per section; what did not fit would be counted in a footer ("narrow the query"), and all
        // embeds together hold 6,000 characters: trimmed until nothing is left out and the total fits.
        const m = fitted(
          reply,
          (r) => ({ embeds: digestSections(r).map((section) => renderDiscord(section).embeds[0]) }),
          (m) => m.embeds.every((e) => !e.footer) && embedsLength(m.embeds) <= EMBED_TOTAL_MAX,
        );
        try {
          await rest.post(Routes.channelMessages(channel), { body: { embeds: m.embeds, allowed_mentions: { parse: [] } } });
        } catch (e) {
          throw discordError(e);
        }
      },
    });
  }
  return targets;
}

const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => "error", setName() {} } as never;

/** Slack's answer, worded for a log line: the platform's error code, or what went wrong on the way. */
function slackError(e: unknown): PostError {
  const err = e as { code?: string; data?: { error?: string }; statusCode?: number; original?: Error; message?: string };
  if (err.code === "slack_webapi_platform_error") {
    const code = err.data?.error ?? "error";
    // ok:false with a code: the request was understood and refused. Only these may go through later.
    return new PostError(`Slack refused the message: ${code}`, !["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"].includes(code));
  }
  if (err.code === "slack_webapi_http_error") return new PostError(`Slack answered HTTP ${err.statusCode}`, false);
  // A 429 is waited out as Retry-After asks; with no retries left the client then gives up with this.
  if (err.code === "slack_webapi_rate_limited_error" || /rate limit was exceeded/.test(err.message ?? "")) return new PostError("Slack: rate limited", false);
  const cause = err.original ?? (e as Error);
  return new PostError(`Slack could not be reached: ${describeNetworkError(cause)}`, false);
}

/** Discord's answer, worded for a log line; a 4xx other than 429 is permanent. */
function discordError(e: unknown): PostError {
  const err = e as { name?: string; status?: number; code?: number | string; message?: string; rawError?: { message?: string } };
  if (typeof err.status === "number") {
    const permanent = err.status >= 400 && err.status < 500 && err.status !== 429;
    return new PostError(`Discord answered HTTP ${err.status}${err.message ? `: ${err.message}` : ""}`, permanent);
  }
  return new PostError(`Discord could not be reached: ${describeNetworkError(e as Error)}`, false);
}

function describeNetworkError(error: Error): string {
  const e = error as Error & { cause?: { code?: string; message?: string }; code?: string };
  if (e.name === "AbortError" || e.name === "TimeoutError") return "no answer in time";
  const code = e.cause?.code ?? e.code;
  return code ? `${code}` : (e.cause?.message ?? e.message);
}

/**
 * A digest as one reply per section (the headline with the articles, key quotes, key figures, who was in
 * the news), for Discord, where a section's items are fields and its heading is best its embed's title.
 */
export function digestSections(digest: Reply): Reply[] {
  if (digest.command !== "digest") return [digest];
  const sections: Reply[] = [{ ...digest, blocks: [] }];
  for (const b of digest.blocks) {
    if (b.kind === "note" && (b.text === DIGEST_SECTIONS.quotes || b.text === DIGEST_SECTIONS.figures)) {
      sections.push({ ...digest, title: b.text, blocks: [] });
      continue;
    }
    if (b.kind === "text" && b.text.startsWith(DIGEST_SECTIONS.people)) sections.push({ ...digest, title: "", blocks: [] });
    sections.at(-1)!.blocks.push(b);
  }
  return sections.filter((s, i) => i === 0 || s.blocks.length > 0);
}

/** Characters Discord counts towards its 6,000 for all of a message's embeds. */
function embedsLength(embeds: { title?: string; description?: string; footer?: { text: string }; fields?: { name: string; value: string }[] }[]): number {
  return embeds.reduce(
    (n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((k, f) => k + f.name.length + f.value.length, 0),
    0,
  );
}

const ITEMS: DigestItem[] = ["quote", "figure", "article"];

/**
 * `render(reply)`, trimmed until `complete` says nothing was left out: each round drops the last item of
 * the section taking the most room (its "and N more" grows), so every section keeps at least one item.
 * Replies other than digests are rendered as they are.
 */
export function fitted<M>(reply: Reply, render: (r: Reply) => M, complete: (m: M, r: Reply) => boolean): M {
  let r = reply;
  let m = render(r);
  while (r.command === "digest" && !complete(m, r)) {
    const size = (kind: DigestItem) => {
      const items = r.blocks.filter((b) => b.kind === kind);
      return items.length > 1 ? JSON.stringify(items).length : 0;
    };
    const largest = [...ITEMS].sort((a, b) => size(b) - size(a))[0];
    const next = size(largest) > 0 ? trimDigest(r, largest) : null;
    if (!next) break;
    r = next;
    m = render(r);
  }
  return m;
}


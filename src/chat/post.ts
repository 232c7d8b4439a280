// Posting a reply to a channel (the digest) through the chat adapters: the same clients, settings and
// renderers that answer commands, so a post fits each platform's limits as an answer does. Each
// platform's code is loaded only when a channel of it is configured.
import type { Config } from "../config.ts";
import type { Reply } from "../reply/model.ts";

export interface ChannelPoster {
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
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "PostError";
  }
}

export interface PostOptions {
  /** How long one request may take (default 15 s). */
  timeoutMs?: number;
  /**
   * Retries inside the platform client for a network error or 5xx (default 3; Slack waits 0.5 s, 1 s, 2 s).
   * Rate limits are waited out as the platform asks (Retry-After) either way.
   */
  retries?: number;
  /**
   * The reply one item shorter, or null when it cannot be shortened: a posted message has no buttons to
   * turn the page, so what does not fit is shortened by its owner (the digest, section by section) until
   * it all fits, rather than cut by the renderer with "press More".
   */
  shorten?: (reply: Reply) => Reply | null;
}

export const POST_TIMEOUT_MS = 15_000;

/** A rendered message and whether all of the reply is in it. */
export interface Rendered<M> {
  message: M;
  complete: boolean;
}

/** `render(reply)`, shortened with `shorten` until it is complete or cannot be shortened further. */
export function fitted<M>(reply: Reply, render: (r: Reply) => Rendered<M>, shorten?: (r: Reply) => Reply | null): M {
  let r: Reply | null = reply;
  let out = render(r);
  while (!out.complete && shorten && (r = shorten(r))) out = render(r);
  return out.message;
}

export function channelPosters(config: Config, options: PostOptions = {}): ChannelPoster[] {
  const posters: ChannelPoster[] = [];
  const { slack, discord } = config;
  if (slack?.digestChannel) {
    const channel = slack.digestChannel;
    posters.push({
      channel: `slack:${channel}`,
      post: async (reply) => (await import("./slack/post.ts")).postToSlack(slack, channel, reply, options),
    });
  }
  if (discord?.digestChannel) {
    const channel = discord.digestChannel;
    posters.push({
      channel: `discord:${channel}`,
      post: async (reply) => (await import("./discord/post.ts")).postToDiscord(discord, channel, reply, options),
    });
  }
  return posters;
}

/** What went wrong on the way to a platform, for a log line: "no answer in time", "ECONNREFUSED". */
export function describeNetworkError(error: Error): string {
  const e = error as Error & { cause?: { code?: string; message?: string }; code?: string };
  if (e.name === "AbortError" || e.name === "TimeoutError") return "no answer in time";
  const code = e.cause?.code ?? e.code;
  return code ? `${code}` : (e.cause?.message ?? e.message);
}

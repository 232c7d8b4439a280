// Posts a reply to a Slack channel with chat.postMessage: the Web API client set up as the adapter sets it
// up, the message rendered as an answer shared in the channel (no buttons).
import { webApi } from "@slack/bolt";
import type { SlackConfig } from "../../config.ts";
import type { Reply } from "../../reply/model.ts";
import { renderSlackPost } from "../../reply/slack.ts";
import { POST_TIMEOUT_MS, PostError, describeNetworkError, fitted, type PostOptions } from "../post.ts";
import { webClientOptions } from "./client.ts";

const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => "error", setName() {} } as never;

export async function postToSlack(slack: SlackConfig, channel: string, reply: Reply, options: PostOptions = {}): Promise<void> {
  const client = new webApi.WebClient(slack.botToken, {
    ...webClientOptions(slack, { retries: options.retries ?? 3, timeoutMs: options.timeoutMs ?? POST_TIMEOUT_MS }),
    // Its own log lines go nowhere: failures reach the caller as a PostError, worded once.
    logLevel: webApi.LogLevel.ERROR,
    logger: silentLogger,
  });
  const m = fitted(reply, renderSlackPost, options.shorten);
  // Article text is escaped by the renderer, so it carries no <!channel> or <@U…>, and its mrkdwn is
  // verbatim, so Slack parses no plain "@here" either; the top-level text gets no link_names.
  try {
    await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, link_names: false, parse: "none", unfurl_links: false, unfurl_media: false });
  } catch (e) {
    throw slackError(e);
  }
}

/** Slack's answer, worded for a log line: the platform's error code, or what went wrong on the way. */
function slackError(e: unknown): PostError {
  const err = e as { code?: string; data?: { error?: string }; statusCode?: number; original?: Error; message?: string };
  if (err.code === "slack_webapi_platform_error") {
    const code = err.data?.error ?? "error";
    // ok:false with a code: the request was understood and refused. Only these may go through later.
    return new PostError(
      `Slack refused the message: ${code}`,
      !["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"].includes(code),
    );
  }
  if (err.code === "slack_webapi_http_error") return new PostError(`Slack answered HTTP ${err.statusCode}`, false);
  // A 429 is waited out as Retry-After asks; with no retries left the client then gives up with this.
  if (err.code === "slack_webapi_rate_limited_error" || /rate limit was exceeded/.test(err.message ?? "")) return new PostError("Slack: rate limited", false);
  const cause = err.original ?? (e as Error);
  return new PostError(`Slack could not be reached: ${describeNetworkError(cause)}`, false);
}

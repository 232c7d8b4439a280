// The Slack Web API client's settings, shared by the adapter (its App and token check) and by posts to a
// channel, and the way both word Slack's failures and route Bolt's log lines through ours.
import { LogLevel, type Logger as BoltLogger, type webApi } from "@slack/bolt";
import type { SlackConfig } from "../../config.ts";
import { redact, type Logger } from "../../log.ts";

export function webClientOptions(slack: SlackConfig, options: { retries: number; timeoutMs: number }): webApi.WebClientOptions {
  return {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl.endsWith("/") ? slack.apiUrl : `${slack.apiUrl}/` } : {}),
    retryConfig: { retries: options.retries, factor: 2, minTimeout: 500, maxTimeout: 5000 },
    timeout: options.timeoutMs,
  };
}

/** Bolt's and the Web API's log lines go through ours, so secrets are masked there too. */
export function boltLogger(log: Logger, secrets: string[]): BoltLogger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => redact(msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" "), secrets);
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  const on = (l: LogLevel) => order.indexOf(l) >= order.indexOf(level);
  return {
    debug: (...m: unknown[]) => on(LogLevel.DEBUG) && log.debug(`slack: ${text(m)}`),
    info: (...m: unknown[]) => on(LogLevel.INFO) && log.info(`slack: ${text(m)}`),
    warn: (...m: unknown[]) => on(LogLevel.WARN) && log.warn(`slack: ${text(m)}`),
    error: (...m: unknown[]) => on(LogLevel.ERROR) && log.error(`slack: ${text(m)}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** A short description of a Web API / respond failure, for one clear log line. */
export function describeError(e: unknown): string {
  const err = e as { code?: string; data?: { error?: string }; statusCode?: number; retryAfter?: number; message?: string };
  if (err?.data?.error) return `Slack said ${err.data.error}`;
  if (err?.code === "slack_webapi_rate_limited_error") return `rate-limited by Slack (retry after ${err.retryAfter}s)`;
  if (err?.statusCode) return `HTTP ${err.statusCode}`;
  return err?.message ?? String(e);
}

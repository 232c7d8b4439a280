// The Slack adapter: the real Bolt App, over HTTP (HTTPReceiver on /slack/events, every request's signature
// checked, stale ones refused) or over Socket Mode when an app-level token is set. Every command in
// `bot.commands` is a slash command. Each is acknowledged within Slack's 3 seconds: with the answer itself
// when it is ready in time, else with a short placeholder and then the answer through `response_url`;
// when that URL has expired or been used up, the answer goes out through the Web API instead.
import { App, HTTPReceiver, type webApi } from "@slack/bolt";
import { ConfigError, type SlackConfig } from "../config.ts";
import type { Bot, BotRequest } from "../core.ts";
import { DEFAULT_PAGE_SIZE } from "../core.ts";
import { redact, registerSecrets, type Logger } from "../log.ts";
import { Messages } from "../reply/messages.ts";
import type { Reply } from "../reply/model.ts";
import { ACTION_MORE, ACTION_SHARE, BUTTON_VALUE_MAX, type SlackMessage } from "../reply/slack-kit.ts";
import { renderNotice, renderSlack } from "../reply/slack.ts";
import { keepQuery, readButton } from "./buttons.ts";
import { boltLogger, describeError, webClientOptions } from "./slack/client.ts";
import { replayGuard } from "./slack/guard.ts";
import { AnswerQueue } from "./slack/queue.ts";

/** Slack gives up on an acknowledgement after 3 s; past this we send a placeholder and answer later. */
export const ACK_BUDGET_MS = 2000;
/** Web API retries for network errors and 5xx (429s are waited out by the client itself, per Retry-After). */
export const API_RETRIES = 3;
/** A Web API call that takes longer than this is abandoned (and retried). */
export const API_TIMEOUT_MS = 10_000;

export interface SlackOptions {
  ackBudgetMs?: number;
  retries?: number;
  timeoutMs?: number;
  pageSize?: number;
  /** HTTP only: answer the request after the listener finishes (tests: deterministic). */
  processBeforeResponse?: boolean;
}

export interface RunningSlack {
  name: string;
  mode: "http" | "socket";
  /** The bound HTTP port (HTTP mode), null in Socket Mode. */
  port: number | null;
  app: App;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());
const TIMEOUT = Symbol("timeout");

export async function startSlack(bot: Bot, slack: SlackConfig, log: Logger, options: SlackOptions = {}): Promise<RunningSlack> {
  const secrets = [slack.botToken, slack.signingSecret, slack.appToken].filter((s): s is string => !!s);
  registerSecrets(...secrets);
  const logger = boltLogger(log, secrets);
  const socketMode = !!slack.appToken;
  const ackBudget = options.ackBudgetMs ?? ACK_BUDGET_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  const clientOptions: webApi.WebClientOptions = {
    ...webClientOptions(slack, { retries: options.retries ?? API_RETRIES, timeoutMs: options.timeoutMs ?? API_TIMEOUT_MS }),
    // Bolt's respond() posts to response_url with this fetch and no time limit of its own: a hanging URL would
    // hold the answer forever. The Web API client passes its own signal, so this only bounds respond().
    fetch: (url, init) => globalThis.fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(options.timeoutMs ?? API_TIMEOUT_MS) }),
    logger,
  };

  // Check the token ourselves (Bolt would otherwise call auth.test from its constructor, and an unreachable
  // Slack there becomes an unhandled rejection). A refused token stops the start; an unreachable Slack only
  // warns, so the bot still starts and answers once Slack is back.
  const { WebClient } = await import("@slack/bolt").then((m) => m.webApi);
  const probe = new WebClient(slack.botToken, clientOptions);
  let botUserId = "U00000000";
  let botId = "B00000000";
  try {
    const auth = await probe.auth.test();
    botUserId = auth.user_id ?? botUserId;
    botId = auth.bot_id ?? botId;
    log.info(`slack: signed in as ${auth.user ?? botUserId} on ${auth.team ?? "the workspace"}`);
  } catch (e) {
    const why = describeError(e);
    if (/invalid_auth|not_authed|account_inactive|token_revoked|token_expired/.test(why)) {
      throw new ConfigError(`Slack refused SLACK_BOT_TOKEN (${why}): check the bot token in the app's "OAuth & Permissions" page`);
    }
    log.warn(`slack: could not check the bot token (${redact(why, secrets)}); starting anyway`);
  }

  let receiver: HTTPReceiver | undefined;
  if (!socketMode) {
    if (!slack.signingSecret) throw new Error("SLACK_SIGNING_SECRET is needed for Slack over HTTP");
    const guard = replayGuard((why, req) => log.warn(`slack: refused a request to ${req.url ?? "?"} (${why})`));
    receiver = new HTTPReceiver({
      signingSecret: slack.signingSecret,
      endpoints: "/slack/events",
      processBeforeResponse: options.processBeforeResponse ?? false,
      logger,
      unhandledRequestTimeoutMillis: 3001,
      // Runs only for requests whose signature Bolt has verified.
      customPropertiesExtractor: (req) => {
        guard.verified(req.headers);
        return {};
      },
    });
    receiver.requestListener = guard.wrap(receiver.requestListener);
  }
  const app = new App({
    token: slack.botToken,
    botId,
    botUserId,
    logger,
    clientOptions,
    ...(socketMode ? { socketMode: true, appToken: slack.appToken! } : { receiver }),
  });

  app.error(async (e) => {
    log.error(`slack: ${redact(describeError(e), secrets)}`);
  });

  const request = (command: string, query: string, page: number, user: string, channel: string): BotRequest => ({
    command,
    query,
    page,
    pageSize,
    platform: "slack",
    user,
    channel,
  });

  const answers = new AnswerQueue();
  const safeHandle = async (r: BotRequest): Promise<Reply | null> => {
    try {
      const reply = await answers.run(() => bot.handle(r));
      // A query too long for the buttons' value is kept before they can be pressed.
      await keepQuery(bot.store, reply, BUTTON_VALUE_MAX);
      return reply;
    } catch (e) {
      log.error(`slack: /${r.command} failed: ${redact((e as Error).message, secrets)}`);
      return null;
    }
  };

  /** Sends through response_url; when that fails (expired, used 5 times, down), through the Web API. */
  async function deliver(
    message: SlackMessage,
    where: { respond?: (m: SlackMessage) => Promise<unknown>; channel?: string; user?: string; client: webApi.WebClient; what: string },
  ): Promise<void> {
    if (where.respond) {
      try {
        await where.respond(message);
        return;
      } catch (e) {
        log.warn(`slack: response_url failed for ${where.what} (${describeError(e)}); sending through the Web API instead`);
      }
    }
    if (!where.channel) {
      log.error(`slack: could not deliver ${where.what}: no channel to send to`);
      return;
    }
    const { response_type, replace_original: _r, ...rest } = message;
    try {
      if (response_type === "in_channel" || !where.user) await where.client.chat.postMessage({ channel: where.channel, ...rest });
      else await where.client.chat.postEphemeral({ channel: where.channel, user: where.user, ...rest });
    } catch (e) {
      log.error(`slack: could not deliver ${where.what} in ${where.channel}: ${redact(describeError(e), secrets)}`);
    }
  }

  for (const command of bot.commands) {
    app.command(`/${command.name}`, async ({ command: body, ack, respond, client }) => {
      const started = Date.now();
      const answer = safeHandle(request(command.name, body.text ?? "", 1, body.user_id, body.channel_id));
      const first = await Promise.race([answer, sleep(ackBudget).then((): typeof TIMEOUT => TIMEOUT)]);
      if (first !== TIMEOUT) {
        await ack(first ? renderSlack(first) : renderNotice(Messages.failed));
        log.debug(`slack: /${command.name} answered in ${Date.now() - started} ms`);
        return;
      }
      await ack(renderNotice(Messages.working));
      const reply = await answer;
      await deliver(reply ? renderSlack(reply) : renderNotice(Messages.failed), {
        respond: body.response_url ? (m) => respond(m) : undefined,
        channel: body.channel_id,
        user: body.user_id,
        client,
        what: `/${command.name}`,
      });
      log.info(`slack: /${command.name} answered late, in ${Date.now() - started} ms`);
    });
  }

  // A slash command the app declares under another name (or an old one) gets a clear answer, not a timeout.
  const known = bot.commands.map((c) => c.name.replace(/[^\w-]/g, "")).join("|");
  app.command(new RegExp(`^/(?!(?:${known})$)`), async ({ command: body, ack }) => {
    const reply = await safeHandle(request(body.command, body.text ?? "", 1, body.user_id, body.channel_id));
    await ack(reply ? renderSlack(reply) : renderNotice(Messages.failed));
  });

  app.action({ type: "block_actions", action_id: /^newsbot_(more|share)$/ }, async ({ ack, body, action, respond, client }) => {
    await ack();
    const user = body.user.id;
    const channel = body.channel?.id;
    const respondFn = body.response_url ? (m: SlackMessage) => respond(m) : undefined;
    const state = await readButton(bot.store, "value" in action ? action.value : undefined).catch((e: Error) => {
      log.error(`slack: reading a button failed: ${redact(e.message, secrets)}`);
      return "failed" as const;
    });
    if (state === null || state === "expired" || state === "failed") {
      const notice = state === null ? Messages.buttonExpired : state === "expired" ? Messages.answerExpired : Messages.failed;
      await deliver(renderNotice(notice), { respond: respondFn, channel, user, client, what: "a button" });
      return;
    }
    const reply = await safeHandle(request(state.command, state.query, state.page, user, channel ?? ""));
    if (action.action_id === ACTION_SHARE) {
      const message = reply ? renderSlack(reply, { visibility: "in_channel", buttons: false, sharedBy: user }) : renderNotice(Messages.failed);
      // A shared answer is a new message for everyone; the asker's own copy stays.
      await deliver({ ...message, replace_original: false }, { respond: respondFn, channel, user, client, what: `a shared /${state.command}` });
    } else if (action.action_id === ACTION_MORE) {
      const message = reply ? renderSlack(reply) : renderNotice(Messages.failed);
      await deliver({ ...message, replace_original: true }, { respond: respondFn, channel, user, client, what: `page ${state.page} of /${state.command}` });
    }
  });

  let port: number | null = null;
  if (socketMode) {
    try {
      await app.start();
    } catch (e) {
      const why = redact(describeError(e), secrets);
      if (/invalid_auth|not_authed|not_allowed_token_type/.test(why))
        throw new ConfigError(`Slack refused SLACK_APP_TOKEN (${why}): it must be an app-level token with connections:write`);
      throw new Error(`Cannot open a Socket Mode connection to Slack: ${why}`, { cause: e });
    }
    log.info("slack: connected in Socket Mode");
  } else {
    let server: import("node:http").Server;
    try {
      server = await app.start(slack.port);
    } catch (e) {
      throw new Error(
        `Cannot open port ${slack.port} for Slack: ${(e as NodeJS.ErrnoException).code === "EADDRINUSE" ? "it is in use (set PORT to another)" : (e as Error).message}`,
        { cause: e },
      );
    }
    const address = server.address();
    port = typeof address === "object" && address ? address.port : slack.port;
    log.info(`slack: listening on port ${port} at /slack/events`);
  }

  return {
    name: socketMode ? "Slack (Socket Mode)" : "Slack (HTTP)",
    mode: socketMode ? "socket" : "http",
    port,
    app,
    async stop() {
      await app.stop().catch((e: Error) => log.warn(`slack: stopping: ${redact(e.message, secrets)}`));
    },
  };
}

// The Discord adapter: the real discord.js Client on the gateway. It registers the slash commands on start
// (bulk overwrite, to the guild when one is configured, else globally), answers autocomplete from the
// name index, and answers every command ephemerally within Discord's 3-second window: the answer itself
// when it is quick, else a deferral followed by an edit. Nothing it sends can ping anyone.
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RepliableInteraction,
} from "discord.js";
import { ConfigError, type DiscordConfig } from "../config.ts";
import type { Bot, BotRequest } from "../core.ts";
import { DEFAULT_PAGE_SIZE } from "../core.ts";
import { redact, registerSecrets, type Logger } from "../log.ts";
import { encodeButton } from "../reply/buttons.ts";
import { CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX, CUSTOM_ID_MAX, fit, renderDiscord, renderNotice, type DiscordMessage } from "../reply/discord.ts";
import { Messages } from "../reply/messages.ts";
import type { Reply } from "../reply/model.ts";
import { keepQuery, readButton } from "./buttons.ts";
import { registerCommands } from "./discord/register.ts";
import { NO_MENTIONS, restOptions } from "./discord/rest.ts";

export { commandDefinitions, COMMAND_DESCRIPTION_MAX, OPTION_DESCRIPTION_MAX, QUERY_MAX_LENGTH, REGISTER_ATTEMPTS } from "./discord/register.ts";

/** Discord invalidates an interaction not answered within 3 s; past this we defer and edit later. */
export const DEFER_AFTER_MS = 1500;
/** Autocomplete cannot be deferred: past this an empty list is sent rather than nothing. */
export const AUTOCOMPLETE_BUDGET_MS = 2000;
/** Ready within this, or start fails with a clear message. */
export const READY_TIMEOUT_MS = 30_000;

export interface DiscordOptions {
  /** REST retries for 5xx and network errors (discord.js waits out 429s itself). */
  retries?: number;
  /** REST request timeout. */
  timeout?: number;
  deferAfterMs?: number;
  pageSize?: number;
  /** How the adapter waits out its deferral and autocomplete budgets (tests watch the budgets it asks for). */
  sleep?: (ms: number) => Promise<void>;
}

export interface RunningDiscord {
  name: string;
  client: Client;
  stop(): Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

export async function startDiscord(bot: Bot, discord: DiscordConfig, log: Logger, options: DiscordOptions = {}): Promise<RunningDiscord> {
  registerSecrets(discord.token);
  const secret = (e: unknown) => redact(e instanceof Error ? (e.stack ?? e.message) : String(e), [discord.token]);
  const deferAfter = options.deferAfterMs ?? DEFER_AFTER_MS;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const sleep = options.sleep ?? realSleep;
  let stopped = false;

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: restOptions(discord, options),
  });

  client.on(Events.Error, (e) => log.error(`discord: ${secret(e)}`));
  client.on(Events.Warn, (m) => log.warn(`discord: ${redact(m, [discord.token])}`));
  client.on(Events.ShardDisconnect, (ev, id) => {
    if (!stopped) log.warn(`discord: gateway shard ${id} disconnected (${ev.code})`);
  });
  client.on(Events.ShardReconnecting, (id) => {
    if (!stopped) log.info(`discord: gateway shard ${id} reconnecting`);
  });
  client.on(Events.ShardResume, (id, replayed) => log.info(`discord: gateway shard ${id} resumed (${replayed} events replayed)`));
  client.on(Events.ShardError, (e, id) => log.warn(`discord: gateway shard ${id}: ${secret(e)}`));
  client.rest.on("rateLimited", (info) => log.warn(`discord: rate-limited on ${info.route}, retrying in ${info.retryAfter} ms`));

  /** The answer with its buttons; a query too long for a custom_id is kept in the archive first. */
  const render = async (reply: Reply): Promise<DiscordMessage> => {
    await keepQuery(bot.store, reply, CUSTOM_ID_MAX);
    const id = (action: "page" | "share", page: number) => encodeButton({ action, command: reply.command, page, query: reply.query }, CUSTOM_ID_MAX);
    const paging = reply.paging;
    return renderDiscord(reply, {
      ids: { previous: paging ? id("page", paging.page - 1) : null, next: paging ? id("page", paging.page + 1) : null, share: id("share", paging?.page ?? 1) },
    });
  };

  const request = (i: Interaction, command: string, query: string, page = 1): BotRequest => ({
    command,
    query,
    page,
    pageSize,
    platform: "discord",
    user: i.user.id,
    channel: i.channelId ?? undefined,
  });

  type Mode = "reply" | "update" | "public";

  /** Sends the answer when it is ready within `deferAfter`, else defers and edits; on any failure the user gets a short ephemeral message. */
  async function respond(i: ChatInputCommandInteraction | ButtonInteraction, mode: Mode, what: string, produce: () => Promise<DiscordMessage>) {
    const started = Date.now();
    // The 3 s run from when Discord created the interaction: time it spent reaching us comes off the budget.
    const age = started - i.createdTimestamp;
    const budget = age > 0 && age < deferAfter ? deferAfter - age : deferAfter;
    // The timer starts before the work, so a slow start of the work cannot push the deferral past the window.
    const deadline = sleep(budget).then(() => null);
    const work = Promise.resolve()
      .then(produce)
      .then(
        (m) => ({ m }),
        (e: unknown) => ({ e }),
      );
    try {
      const first = await Promise.race([work, deadline]);
      if (first && "e" in first) throw first.e;
      if (first) {
        await send(i, mode, first.m);
      } else {
        if (mode === "update") await (i as ButtonInteraction).deferUpdate();
        else await i.deferReply(mode === "reply" ? { flags: MessageFlags.Ephemeral } : {});
        const done = await work;
        if ("e" in done) throw done.e;
        await i.editReply({ ...done.m, allowedMentions: NO_MENTIONS });
      }
      log.debug(`discord: ${what} answered in ${Date.now() - started} ms`);
    } catch (e) {
      log.error(`discord: ${what} failed: ${secret(e)}`);
      await tellFailure(i, Messages.failed);
    }
  }

  async function send(i: ChatInputCommandInteraction | ButtonInteraction, mode: Mode, m: DiscordMessage) {
    if (mode === "update") await (i as ButtonInteraction).update({ ...m, allowedMentions: NO_MENTIONS });
    else await i.reply({ ...m, allowedMentions: NO_MENTIONS, ...(mode === "reply" ? { flags: MessageFlags.Ephemeral } : {}) });
  }

  async function tellFailure(i: RepliableInteraction, text: string) {
    const notice = { ...renderNotice(text), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral as const };
    try {
      if (i.deferred || i.replied) await i.followUp(notice);
      else await i.reply(notice);
    } catch (e) {
      log.error(`discord: could not tell the user about the failure either: ${secret(e)}`);
    }
  }

  async function onCommand(i: ChatInputCommandInteraction) {
    const query = i.options.getString("query") ?? "";
    await respond(i, "reply", `/${i.commandName} (${query.length} characters)`, async () => render(await bot.handle(request(i, i.commandName, query))));
  }

  async function onAutocomplete(i: AutocompleteInteraction) {
    let choices: { name: string; value: string }[] = [];
    try {
      const partial = String(i.options.getFocused() ?? "");
      const age = Date.now() - i.createdTimestamp;
      const budget = age > 0 && age < AUTOCOMPLETE_BUDGET_MS ? AUTOCOMPLETE_BUDGET_MS - age : AUTOCOMPLETE_BUDGET_MS;
      const found = await Promise.race([bot.suggest(i.commandName, partial), sleep(budget).then(() => null)]);
      if (found === null) log.warn(`discord: autocomplete for /${i.commandName} took too long; sent no choices`);
      const seen = new Set<string>();
      for (const c of found ?? []) {
        const name = fit(c.name.replace(/\s+/g, " ").trim(), CHOICE_NAME_MAX);
        const value = c.value.trim().slice(0, CHOICE_VALUE_MAX);
        if (!name || !value || seen.has(value)) continue;
        seen.add(value);
        choices.push({ name, value });
        if (choices.length >= CHOICES_MAX) break;
      }
    } catch (e) {
      log.error(`discord: autocomplete for /${i.commandName} failed: ${secret(e)}`);
      choices = [];
    }
    try {
      await i.respond(choices);
    } catch (e) {
      log.error(`discord: could not send autocomplete choices: ${secret(e)}`);
    }
  }

  async function onButton(i: ButtonInteraction) {
    const state = await readButton(bot.store, i.customId).catch((e: unknown) => {
      log.error(`discord: reading a button failed: ${secret(e)}`);
      return "failed" as const;
    });
    if (state === null || state === "expired" || state === "failed") {
      await tellFailure(i, state === null ? Messages.unknownButton : state === "expired" ? Messages.answerExpired : Messages.failed);
      return;
    }
    if (state.action === "page") {
      await respond(i, "update", `page ${state.page} of /${state.command}`, async () =>
        render(await bot.handle(request(i, state.command, state.query, state.page))),
      );
    } else {
      await respond(i, "public", `sharing /${state.command}`, async () => {
        const reply = await bot.handle(request(i, state.command, state.query, state.page));
        return renderDiscord(reply, { content: Messages.sharedBy(i.user.id) });
      });
    }
  }

  client.on(Events.InteractionCreate, (i) => {
    const run = i.isChatInputCommand()
      ? onCommand(i)
      : i.isAutocomplete()
        ? onAutocomplete(i)
        : i.isButton()
          ? onButton(i)
          : // Nothing else is registered, but whatever arrives (a stale context-menu command, a select menu) still gets an answer.
            i.isRepliable()
            ? tellFailure(i, Messages.unknownInteraction)
            : Promise.resolve();
    run.catch((e: unknown) => log.error(`discord: interaction ${i.id} failed: ${secret(e)}`));
  });

  let readyTimer: ReturnType<typeof setTimeout> | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    readyTimer = setTimeout(() => reject(new Error(`Discord did not become ready within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    client.once(Events.ClientReady, () => resolve());
  });
  // Rejections are handled through the await below; this only keeps a late one from being "unhandled".
  ready.catch(() => undefined);

  client.rest.setToken(discord.token);
  try {
    const register = registerCommands({ rest: client.rest, discord, commands: bot.commands, log, secret, stopped: () => stopped });
    await Promise.all([register, client.login(discord.token).then(() => ready)]);
  } catch (e) {
    stopped = true;
    await client.destroy().catch(() => undefined);
    throw startError(e, discord);
  } finally {
    clearTimeout(readyTimer);
  }
  log.info(`discord: connected as ${client.user?.tag ?? "the bot"}`);

  return {
    name: "discord",
    client,
    async stop() {
      stopped = true;
      await client.destroy();
    },
  };
}

/**
 * Why the bot could not connect, as the person running it needs to hear it: a refused token is a setting to
 * fix (named); anything else says where it tried. Neither shows the token.
 */
function startError(e: unknown, discord: DiscordConfig): Error {
  const code = (e as { code?: unknown }).code;
  const status = (e as { status?: unknown }).status;
  if (code === "TokenInvalid" || status === 401) {
    return new ConfigError("Bad setting — DISCORD_TOKEN was refused by Discord: it is wrong or was reset (Developer Portal → Bot → Reset Token)");
  }
  const where = discord.apiUrl ? ` at ${discord.apiUrl}` : "";
  // "Cannot open …" is how the command line tells an environment problem from a bug (message alone, no stack).
  return new Error(`Cannot open a connection to Discord${where}: ${redact((e as Error)?.message ?? String(e), [discord.token])}`);
}

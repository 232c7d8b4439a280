// The slash commands Discord shows, generated from the same command specs as /help and the Slack manifest,
// and registered by bulk overwrite on every start (so they always match this version), retried through
// Discord's failures and rate limits.
import { Routes, type REST } from "discord.js";
import type { Command } from "../../../commands/command.ts";
import type { DiscordConfig } from "../../config.ts";
import type { Logger } from "../../log.ts";
import { fit } from "../../reply/discord.ts";

/** Registration is retried with backoff when Discord fails or rate-limits it. */
export const REGISTER_ATTEMPTS = 5;
export const REGISTER_BACKOFF_MS = 250;
export const OPTION_DESCRIPTION_MAX = 100;
export const COMMAND_DESCRIPTION_MAX = 100;
/** Discord's longest string option. */
export const QUERY_MAX_LENGTH = 6000;

/** The registration body for every command: one string option, `query`, autocompleted where the command suggests. */
export function commandDefinitions(commands: readonly Command[]) {
  return commands.map((c) => ({
    type: 1,
    name: c.name,
    description: fit(c.description, COMMAND_DESCRIPTION_MAX),
    options: [
      {
        type: 3,
        name: "query",
        description: fit(c.option.description, OPTION_DESCRIPTION_MAX),
        required: c.option.required,
        max_length: QUERY_MAX_LENGTH,
        ...(c.suggest ? { autocomplete: true } : {}),
      },
    ],
  }));
}

export interface RegisterOptions {
  rest: REST;
  discord: DiscordConfig;
  commands: readonly Command[];
  log: Logger;
  /** Masks secrets in an error before it is logged. */
  secret: (e: unknown) => string;
  /** True once the adapter is stopping: no more attempts. */
  stopped: () => boolean;
}

/** Bulk-overwrites the commands; never throws (a bot that cannot register can still answer commands registered before). */
export async function registerCommands({ rest, discord, commands, log, secret, stopped }: RegisterOptions): Promise<boolean> {
  const where = discord.guildId ? `in the guild ${discord.guildId}` : "globally";
  const route = discord.guildId ? Routes.applicationGuildCommands(discord.applicationId, discord.guildId) : Routes.applicationCommands(discord.applicationId);
  const body = commandDefinitions(commands);
  for (let attempt = 1; !stopped(); attempt++) {
    try {
      await rest.put(route, { body });
      log.info(`discord: registered ${body.length} commands ${where} (${body.map((c) => c.name).join(", ")})`);
      return true;
    } catch (e) {
      const status = (e as { status?: number }).status ?? 0;
      if (status === 401) {
        // The login fails on the same token and says so; one line here is enough.
        log.error(`discord: Discord refused the token (401), so the commands were not registered`);
        return false;
      }
      if (status === 403 || status === 404) {
        // The usual cause, and one retrying cannot fix: the bot is not in that server, or was invited without the scope.
        log.error(
          `discord: Discord refused to register the commands ${where} (${status}). Check that DISCORD_APPLICATION_ID is right` +
            `${discord.guildId ? ", that DISCORD_GUILD_ID is the server's id and that the bot was invited to it" : ""} with the scopes "bot applications.commands". ${secret(e)}`,
        );
        return false;
      }
      // A refused token or an invalid body will not get better by retrying either.
      if (attempt >= REGISTER_ATTEMPTS || (status >= 400 && status < 500 && status !== 429) || stopped()) {
        log.error(`discord: could not register the commands ${where} after ${attempt} attempt${attempt === 1 ? "" : "s"}: ${secret(e)}`);
        return false;
      }
      log.warn(`discord: registering the commands failed (attempt ${attempt}), retrying: ${secret(e)}`);
      await new Promise<void>((r) => setTimeout(r, REGISTER_BACKOFF_MS * 2 ** attempt).unref?.());
    }
  }
  return false;
}

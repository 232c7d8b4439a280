// What a slash command is: data that describes it (for /help, Slack's manifest, Discord's registration
// and the terminal) and the functions that answer it. Commands return a platform-neutral Reply and
// know nothing of Slack or Discord.
import type { Lookup } from "../src/search/lookup.ts";
import type { Reply } from "../src/reply/model.ts";

export interface CommandContext {
  lookup: Lookup;
  now(): Date;
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** An autocomplete choice: what the user sees and what is put in the query. */
export interface Choice {
  name: string;
  value: string;
}

export interface Command {
  /** Lower case, no slash: "quote". */
  name: string;
  /** One line, ≤ 100 characters (Discord's limit). */
  description: string;
  /** The one option every command takes, named `query` on Discord. */
  option: { description: string; required: boolean };
  /** Full examples, slash included: "/quote sturgeon". */
  examples: string[];
  /** Longest query it reads, when a command needs more than a name or a few words (a draft's paragraph). */
  maxQueryLength?: number;
  run(ctx: CommandContext, query: string, page: PageRequest): Promise<Reply>;
  /** Autocomplete for a partly typed query; at most 25 choices. */
  suggest?(ctx: CommandContext, partial: string): Promise<Choice[]>;
}

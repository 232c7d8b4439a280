// Every slash command, in one explicit registry. Slack's manifest, Discord's registration, /help and the
// terminal all read this list, so nothing drifts.
import { check } from "./check.ts";
import type { Command } from "./command.ts";
import { digest } from "./digest.ts";
import { figure } from "./figure.ts";
import { helpCommand } from "./help.ts";
import { quote } from "./quote.ts";
import { search } from "./search.ts";
import { timeline } from "./timeline.ts";
import { who } from "./who.ts";

export const commands: readonly Command[] = [quote, figure, search, who, timeline, check, digest, helpCommand(() => commands)];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}

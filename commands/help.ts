// /help [command]: what the bot can do, each command with an example.
import type { Block } from "../src/reply/model.ts";
import { reply, usageReply } from "../src/reply/build.ts";
import { Messages } from "../src/reply/messages.ts";
import type { Command } from "./command.ts";

/**
 * /help reads the registry it belongs to; `registry` is a function because the registry's list includes
 * /help itself (commands/index.ts passes `() => commands`).
 */
export const helpCommand = (registry: () => readonly Command[]): Command => ({
  name: "help",
  description: "What newsbot can do, with an example of each command",
  option: { description: "A command to explain: quote, figure, search, who", required: false },
  examples: ["/help", "/help quote"],

  async run(_ctx, query) {
    const name = query.replace(/^\//, "").toLowerCase();
    if (name) {
      const c = registry().find((r) => r.name === name);
      if (!c) return usageReply("help", query, Messages.unknownCommand(name), ["/help"]);
      return reply("help", query, `/${c.name}`, [
        { kind: "text", text: `/${c.name} — ${c.description}. ${c.option.description}.` },
        { kind: "suggestions", commands: c.examples },
      ]);
    }
    const blocks: Block[] = [
      { kind: "text", text: "newsbot answers from the newsroom's own articles. Every quote and figure links back to its article and paragraph." },
    ];
    for (const c of registry()) blocks.push({ kind: "text", text: `/${c.name} — ${c.description}` }, { kind: "suggestions", commands: c.examples.slice(0, 2) });
    return reply("help", query, "What newsbot can do", blocks);
  },
});

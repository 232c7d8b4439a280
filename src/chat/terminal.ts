// The terminal chat: the newcomer's first meeting with the bot. Type a slash command, read the answer;
// /more turns the page. No chat tokens needed. The commands it suggests come from the command registry,
// as /help's do.
import { createInterface } from "node:readline";
import type { Bot } from "../core.ts";
import { Messages } from "../reply/messages.ts";
import { ansi, plain, renderTerminal } from "../reply/terminal.ts";

export async function runTerminalChat(bot: Bot, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const tty = (output as { isTTY?: boolean }).isTTY === true;
  const style = tty ? ansi : plain;
  const rl = createInterface({ input, output, terminal: tty, historySize: 200 });
  const stats = await bot.store.stats();
  // One example of each command (help is named at the end).
  const examples = bot.commands.filter((c) => c.name !== "help" && c.examples.length).map((c) => c.examples[0]);
  output.write(`${Messages.welcome(stats, bot.config.articlesDir, examples)}\n\n`);
  let last: { command: string; query: string; page: number; pages: number } | null = null;
  rl.setPrompt("> ");
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === "/quit" || line === "/exit" || line === "quit" || line === "exit") break;
    if (line === "") {
      rl.prompt();
      continue;
    }
    let request: { command: string; query: string; page: number };
    if (line === "/more" || line === "/next") {
      if (!last || last.page >= last.pages) {
        output.write(`${Messages.nothingMore}\n\n`);
        rl.prompt();
        continue;
      }
      request = { command: last.command, query: last.query, page: last.page + 1 };
    } else {
      const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(line)!;
      // A line without a slash is read as a search, the most forgiving command.
      request = line.startsWith("/") ? { command: m[1], query: m[2], page: 1 } : { command: "search", query: line, page: 1 };
    }
    const reply = await bot.handle({ ...request, platform: "terminal" });
    last = { command: reply.command, query: request.query, page: reply.paging?.page ?? 1, pages: reply.paging?.pages ?? 1 };
    output.write(renderTerminal(reply, style) + "\n");
    rl.prompt();
  }
  rl.close();
}

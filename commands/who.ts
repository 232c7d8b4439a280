// /who <name>: who a person or organisation is in the archive: other names used, roles, how often they
// appear, the topics they are most quoted on, and their latest quotes.
import { Messages } from "../src/reply/messages.ts";
import type { Block } from "../src/reply/model.ts";
import { emptyReply, reply, usageReply } from "../src/reply/build.ts";
import { quoteBlock } from "../src/reply/blocks.ts";
import { topicsOf } from "../src/search/topics.ts";
import type { Command } from "./command.ts";
import { nameChoices, nearest } from "./suggest.ts";

const LATEST_QUOTES = 3;
const MAX_PEOPLE = 3;

export const who: Command = {
  name: "who",
  description: "Who someone is in the archive: other names, roles, topics they are quoted on, latest quotes",
  option: { description: "A name, surname, initials or role: IDS, Sturgeon, the Chancellor", required: true },
  examples: ["/who IDS", "/who sturgeon"],

  async run(ctx, query) {
    if (query === "") return usageReply("who", query, `${Messages.emptyQuery("who")} ${this.option.description}.`, this.examples);
    const match = await ctx.lookup.matchPeople(query);
    if (!match) return emptyReply("who", query, await nearest(ctx, "who", query));
    const blocks: Block[] = [];
    if (!match.exact) blocks.push({ kind: "note", text: Messages.closestNameTo(query) });
    if (match.identities.length > 1) blocks.push({ kind: "note", text: Messages.anyOfPeople(query, match.identities.length) });
    for (const id of match.identities.slice(0, MAX_PEOPLE)) {
      const facts = await ctx.lookup.store.person(id.members);
      if (!facts) continue;
      const aliases = id.aliases.filter((a) => a !== id.name);
      blocks.push({ kind: "person", name: id.name, type: facts.kind, aliases, roles: facts.roles, articles: facts.articles, quotes: facts.quotes });
      const topics = await topicsOf(ctx.lookup.store, id.members, [id.name, ...id.aliases]);
      if (topics.length) blocks.push({ kind: "text", text: Messages.mostQuotedOn(topics) });
      for (const h of await ctx.lookup.store.quotesBy(id.members, LATEST_QUOTES)) blocks.push(quoteBlock(h, "by"));
    }
    return reply("who", query, match.identities.map((i) => i.name).join(" · "), blocks);
  },

  async suggest(ctx, partial) {
    return nameChoices(ctx, partial);
  },
};

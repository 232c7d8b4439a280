// /search <words>: articles, best match first, each with a snippet around the words.
import { Messages } from "../src/reply/messages.ts";
import type { Block } from "../src/reply/model.ts";
import { READ_AT_MOST, emptyReply, firstOf, pageOf, reply, sourceRef, usageReply } from "../src/reply/build.ts";
import { corrected } from "../src/reply/blocks.ts";
import { describePeriod, readPeriod } from "../src/search/period.ts";
import type { Command } from "./command.ts";
import { nearest } from "./suggest.ts";

export const search: Command = {
  name: "search",
  description: "Articles that match some words, best first, with a snippet",
  option: { description: "Words to find: disability benefits resignation", required: true },
  examples: ["/search disability benefits", "/search pasty tax"],

  async run(ctx, query, { page, pageSize }) {
    if (query === "") return usageReply("search", query, `${Messages.emptyQuery("search")} ${this.option.description}.`, this.examples);
    const asked = readPeriod(query, ctx.now());
    if ("error" in asked) return usageReply("search", query, Messages.period(asked.error), this.examples);
    const { rest, period } = asked;
    if (rest === "") return usageReply("search", query, Messages.periodOnly("search"), this.examples);
    const when = period ? ` ${describePeriod(period)}` : "";
    const topic = await ctx.lookup.topic(rest);
    if (topic.query.groups.length === 0) return usageReply("search", query, Messages.noSearchableWords, this.examples);
    const store = ctx.lookup.store;
    let hits = await store.articlesMatching(topic.query, READ_AT_MOST + 1, period);
    let loose = false;
    if (hits.length === 0 && topic.query.groups.length > 1) {
      hits = await store.articlesMatching({ groups: [topic.query.groups.flat()] }, READ_AT_MOST + 1, period);
      loose = hits.length > 0;
    }
    if (hits.length === 0) return emptyReply("search", query, await nearest(ctx, "search", rest));
    const read = firstOf(hits, READ_AT_MOST);
    const { items, paging } = pageOf(read.items, page, pageSize, read.more);
    const blocks: Block[] = [...corrected(topic.corrections)];
    if (loose) blocks.push({ kind: "note", text: Messages.someWordsArticles(rest) });
    for (const h of items) blocks.push({ kind: "article", snippet: h.snippet, source: sourceRef(h.article, 1) });
    if (period && items.some((h) => h.article.date === null)) blocks.push({ kind: "note", text: Messages.undated });
    return reply("search", query, `Articles on “${rest}”${when}`, blocks, paging);
  },
};

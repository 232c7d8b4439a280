// /quote <person or topic>: quotations word for word. Quotes by the person come first, then quotes that
// only mention them; a topic finds quotes by their words.
import type { QuoteHit } from "../src/archive/store.ts";
import { Messages } from "../src/reply/messages.ts";
import type { Block } from "../src/reply/model.ts";
import { corrected, quoteBlock } from "../src/reply/blocks.ts";
import { READ_AT_MOST, emptyReply, firstOf, pageOf, reply, usageReply } from "../src/reply/build.ts";
import type { Identity } from "../src/search/names.ts";
import type { Command, CommandContext } from "./command.ts";
import { nameChoices, nearest } from "./suggest.ts";

/**
 * People one name may stand for whose quotes are gathered: the most written-about first. A common surname
 * names hundreds of people in a large archive; a reader wants the prominent ones, and the full name for others.
 */
const MAX_PEOPLE = 10;

export const quote: Command = {
  name: "quote",
  description: "Direct quotations by a person (then those that mention them), or on a topic",
  option: { description: "A person, organisation or topic: sturgeon, IDS, disability cuts", required: true },
  examples: ["/quote sturgeon", "/quote IDS", "/quote cruel cuts"],

  async run(ctx, query, { page, pageSize }) {
    if (query === "") return usageReply("quote", query, `${Messages.emptyQuery("quote")} ${this.option.description}.`, this.examples);
    const people = ctx.lookup.matchPeople(query);
    if (people) return byPerson(ctx, query, people.identities, people.exact ? null : people.alias, page, pageSize);

    const topic = await ctx.lookup.topic(query);
    if (topic.query.groups.length === 0) return usageReply("quote", query, Messages.noSearchableWords, this.examples);
    const hits = firstOf(await ctx.lookup.store.quotesMatching(topic.query, READ_AT_MOST + 1), READ_AT_MOST);
    if (hits.items.length === 0) return emptyReply("quote", query, await nearest(ctx, "quote", query));
    const { items, paging } = pageOf(hits.items.map((h) => quoteBlock(h, "topic")), page, pageSize, hits.more);
    const blocks: Block[] = [...corrected(topic.corrections), ...items];
    return reply("quote", query, `Quotes on “${query}”`, blocks, paging);
  },

  async suggest(ctx, partial) {
    return nameChoices(ctx, partial);
  },
};

async function byPerson(ctx: CommandContext, query: string, named: Identity[], typoOf: string | null, page: number, pageSize: number) {
  const store = ctx.lookup.store;
  const identities = named.slice(0, MAX_PEOPLE);
  const members = identities.flatMap((id) => id.members);
  const readBy = firstOf(await store.quotesBy(members, READ_AT_MOST + 1), READ_AT_MOST);
  const by = readBy.items;
  const phrases = identities.flatMap((id) => ctx.lookup.mentionPhrases(id));
  const seen = new Set(by.map(key));
  const mentioning = firstOf(phrases.length ? await store.quotesMatching({ groups: [phrases] }, READ_AT_MOST + 1) : [], READ_AT_MOST);
  const mentions = mentioning.items.filter((h) => !seen.has(key(h)) && !members.includes(h.quote.speaker ?? ""));
  mentions.sort(newestFirst);

  const names = identities.map((id) => id.name);
  const who = names.join(" or ");
  const blocks: Block[] = [];
  if (typoOf) blocks.push({ kind: "note", text: Messages.closestName(who, query) });
  if (named.length > MAX_PEOPLE) blocks.push({ kind: "note", text: Messages.manyPeople(query, named.length, MAX_PEOPLE, names) });
  else if (identities.length > 1) blocks.push({ kind: "note", text: Messages.somePeople(query, names) });
  if (by.length === 0 && mentions.length === 0) return emptyReply("quote", query, names.map((n) => `/who ${n}`), Messages.noQuotesByOrAbout(who));
  if (by.length === 0) blocks.push({ kind: "text", text: Messages.noQuotesBy(who) });
  const all = [...by.map((h) => quoteBlock(h, "by")), ...mentions.map((h) => quoteBlock(h, "mentions"))];
  const { items, paging } = pageOf(all, page, pageSize, readBy.more || mentioning.more);
  blocks.push(...items);
  return reply("quote", query, by.length ? `Quotes by ${who}` : `Quotes mentioning ${who}`, blocks, paging);
}

const key = (h: QuoteHit) => `${h.article.key}:${h.quote.paragraph}:${h.quote.start}`;
const when = (h: QuoteHit) => h.article.date ?? h.article.addedAt.slice(0, 10);
const newestFirst = (a: QuoteHit, b: QuoteHit) => when(b).localeCompare(when(a)) || b.article.id - a.article.id || a.quote.paragraph - b.quote.paragraph;

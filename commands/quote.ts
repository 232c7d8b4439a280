// /quote <person or topic> [on <topic>] [since …]: quotations word for word. Quotes by the person come first,
// then quotes that only mention them; "<person> on <topic>" gives what they said on it (their words, then the
// sentence around them, then their quotes in articles about it); a topic finds quotes by their words. A
// period ("since march", "in 2005") keeps to articles of that time. The same quotation in several articles
// is one result, with where it was first reported.
import type { Period, QuoteHit } from "../src/archive/store.ts";
import { Messages } from "../src/reply/messages.ts";
import type { Block, QuoteBlock } from "../src/reply/model.ts";
import { corrected } from "../src/reply/blocks.ts";
import { READ_AT_MOST, emptyReply, firstOf, pageOf, reply, usageReply } from "../src/reply/build.ts";
import { MAX_PEOPLE, personNotes, quotedBlock, undatedNote } from "../src/reply/quoted.ts";
import { personOnTopic, type PersonOnTopic } from "../src/search/ask.ts";
import type { Identity } from "../src/search/names.ts";
import { describePeriod, readPeriod } from "../src/search/period.ts";
import { foldRepeats, reportedIn, type Quoted } from "../src/search/repeats.ts";
import { saidOn } from "../src/search/said.ts";
import type { Command, CommandContext } from "./command.ts";
import { nearest, personChoices } from "./suggest.ts";

export const quote: Command = {
  name: "quote",
  description: "Direct quotations by a person (then those that mention them), on a topic, or a person on a topic",
  option: { description: "A person, topic or both, and a period: sturgeon, IDS on PIP, cuts since march", required: true },
  examples: ["/quote sturgeon", "/quote IDS on personal independence payments", "/quote cruel cuts", "/quote sturgeon since 2016-03-01"],

  async run(ctx, query, { page, pageSize }) {
    if (query === "") return usageReply("quote", query, `${Messages.emptyQuery("quote")} ${this.option.description}.`, this.examples);
    const read = readPeriod(query, ctx.now());
    if ("error" in read) return usageReply("quote", query, Messages.period(read.error), this.examples);
    const { rest, period } = read;
    if (rest === "") return usageReply("quote", query, Messages.periodOnly("quote"), this.examples);
    const asked: Asked = { ctx, query, period, page, pageSize };

    const on = await personOnTopic(ctx.lookup, rest);
    if (on) {
      if (on.topic === "") return usageReply("quote", query, Messages.emptyTopic("quote", on.named), this.examples);
      return saidOnTopic(asked, on);
    }
    const people = await ctx.lookup.matchPeople(rest);
    if (people) return byPerson(asked, rest, people.identities, !people.exact);

    const topic = await ctx.lookup.topic(rest);
    if (topic.query.groups.length === 0) return usageReply("quote", query, Messages.noSearchableWords, this.examples);
    const hits = firstOf(await ctx.lookup.store.quotesMatching(topic.query, READ_AT_MOST + 1, period), READ_AT_MOST);
    if (hits.items.length === 0) return emptyReply("quote", query, await nearest(ctx, "quote", rest));
    const { blocks, paging } = await quotedPage(
      asked,
      foldRepeats(hits.items).map((q) => ({ q, match: "topic" as const })),
      hits.more,
    );
    return reply("quote", query, `Quotes on “${rest}”${when(period)}`, [...corrected(topic.corrections), ...blocks], paging);
  },

  async suggest(ctx, partial) {
    return personChoices(ctx, partial);
  },
};

interface Asked {
  ctx: CommandContext;
  query: string;
  period: Period | null;
  page: number;
  pageSize: number;
}

const when = (period: Period | null) => (period ? ` ${describePeriod(period)}` : "");

/** A page of folded quotes as blocks, each looked up for where else it was reported. */
async function quotedPage(a: Asked, items: { q: Quoted; match: QuoteBlock["match"] }[], capped: boolean) {
  const { items: shown, paging } = pageOf(items, a.page, a.pageSize, capped);
  const reported = await Promise.all(shown.map(({ q }) => reportedIn(a.ctx.lookup.store, q)));
  const blocks: Block[] = shown.map(({ q, match }, i) => quotedBlock(q, reported[i], match));
  if (a.period) blocks.push(...undatedNote(shown.map(({ q }) => q.hit)));
  return { blocks, paging };
}

/** Quotes that mention these people (and are not theirs), newest first, of the period. */
async function mentioning(a: Asked, identities: Identity[], members: string[], topic: string[][] = []) {
  const phrases = (await Promise.all(identities.map((id) => a.ctx.lookup.mentionPhrases(id)))).flat();
  if (phrases.length === 0) return { items: [] as QuoteHit[], more: false };
  const read = firstOf(await a.ctx.lookup.store.quotesMatching({ groups: [...topic, phrases] }, READ_AT_MOST + 1, a.period), READ_AT_MOST);
  return { items: read.items.filter((h) => !members.includes(h.quote.speaker ?? "")).sort(newestFirst), more: read.more };
}

async function byPerson(a: Asked, typed: string, named: Identity[], typo: boolean) {
  const identities = named.slice(0, MAX_PEOPLE);
  const members = identities.flatMap((id) => id.members);
  const readBy = firstOf(await a.ctx.lookup.store.quotesBy(members, READ_AT_MOST + 1, a.period), READ_AT_MOST);
  const by = readBy.items;
  const seen = new Set(by.map(key));
  const mentions = await mentioning(a, identities, members);
  const others = mentions.items.filter((h) => !seen.has(key(h)));

  const names = identities.map((id) => id.name);
  const who = names.join(" or ");
  const blocks: Block[] = personNotes(typed, named, typo);
  if (by.length === 0 && others.length === 0) {
    return emptyReply(
      "quote",
      a.query,
      names.map((n) => `/who ${n}`),
      Messages.noQuotesByOrAbout(who, when(a.period)),
    );
  }
  if (by.length === 0) blocks.push({ kind: "text", text: Messages.noQuotesBy(who) });
  const items = [...foldRepeats(by).map((q) => ({ q, match: "by" as const })), ...foldRepeats(others).map((q) => ({ q, match: "mentions" as const }))];
  const page = await quotedPage(a, items, readBy.more || mentions.more);
  blocks.push(...page.blocks);
  return reply("quote", a.query, `${by.length ? `Quotes by ${who}` : `Quotes mentioning ${who}`}${when(a.period)}`, blocks, page.paging);
}

async function saidOnTopic(a: Asked, on: PersonOnTopic) {
  const topic = await a.ctx.lookup.topic(on.topic);
  if (topic.query.groups.length === 0) return usageReply("quote", a.query, Messages.noSearchableWords, quote.examples);
  const identities = on.person.identities.slice(0, MAX_PEOPLE);
  const who = identities.map((id) => id.name).join(" or ");
  const blocks: Block[] = [...personNotes(on.named, on.person.identities, !on.person.exact), ...corrected(topic.corrections)];
  const title = `${who} on “${on.topic}”${when(a.period)}`;
  const said = await saidOn(a.ctx.lookup, identities, topic.query, a.period);
  if (said.hits.length === 0) {
    // Nothing of theirs: what others said on it that names them.
    const members = identities.flatMap((id) => id.members);
    const others = await mentioning(a, identities, members, topic.query.groups);
    if (others.items.length === 0) {
      const names = identities.map((id) => id.name);
      return emptyReply(
        "quote",
        a.query,
        [...names.map((n) => `/quote ${n}`), `/quote ${on.topic}`],
        Messages.nothingByOrAboutOn(who, on.topic, when(a.period)),
      );
    }
    blocks.push({ kind: "text", text: Messages.nothingSaidOn(who, on.topic) });
    const page = await quotedPage(
      a,
      foldRepeats(others.items).map((q) => ({ q, match: "mentions" as const })),
      others.more,
    );
    return reply("quote", a.query, title, [...blocks, ...page.blocks], page.paging);
  }
  // Counted as shown: a quotation repeated in several articles is one.
  const folded = foldRepeats(said.hits);
  const own = folded.filter((q) => q.hit.where !== "article").length;
  blocks.push({ kind: "note", text: Messages.saidOnSummary(who, on.topic, own, folded.length - own) });
  const page = await quotedPage(
    a,
    folded.map((q) => ({ q, match: "by" as const })),
    said.more,
  );
  return reply("quote", a.query, title, [...blocks, ...page.blocks], page.paging);
}

const key = (h: QuoteHit) => `${h.article.key}:${h.quote.paragraph}:${h.quote.start}`;
const day = (h: QuoteHit) => h.article.date ?? h.article.addedAt.slice(0, 10);
const newestFirst = (a: QuoteHit, b: QuoteHit) => day(b).localeCompare(day(a)) || b.article.id - a.article.id || a.quote.paragraph - b.quote.paragraph;

// /timeline <person> [on <topic>] [since …]: a person's quotes month by month, oldest first, each month with
// how many quotes it has and the most telling of them, so a reporter sees when a line first appeared and
// how it changed. An article with no date counts from the day it was added (and the reply says so).
import type { Period, QuoteHit } from "../src/archive/store.ts";
import { Messages } from "../src/reply/messages.ts";
import type { Block } from "../src/reply/model.ts";
import { corrected } from "../src/reply/blocks.ts";
import { emptyReply, pageOf, reply, usageReply } from "../src/reply/build.ts";
import { MAX_PEOPLE, personNotes, quotedBlock, undatedNote } from "../src/reply/quoted.ts";
import { personOnTopic } from "../src/search/ask.ts";
import { containsRun, indexWords, matcher, type Matcher } from "../src/search/match.ts";
import { describePeriod, readPeriod } from "../src/search/period.ts";
import { dayOf, foldRepeats, reportedIn } from "../src/search/repeats.ts";
import { saidOn, telling, type SaidHit } from "../src/search/said.ts";
import type { Command, CommandContext } from "./command.ts";
import { nearest, personChoices } from "./suggest.ts";

/** Quotes of one month read to choose its most telling one (the newest; a month rarely has more). */
const MONTH_QUOTES = 20;

/** How much less telling a quotation is when an earlier month already showed it. */
const REPEAT_PENALTY = 30;

interface Month {
  month: string;
  quotes: number;
  /** The month's quotes, when already read (a topic's); otherwise read for the months shown only. */
  hits?: QuoteHit[];
}

export const timeline: Command = {
  name: "timeline",
  description: "A person's quotes month by month, oldest first, optionally on a topic",
  option: { description: "A person, optionally on a topic and a period: sturgeon, IDS on PIP, osborne since 2015", required: true },
  examples: ["/timeline IDS", "/timeline sturgeon on PIP", "/timeline IDS in 2016"],

  async run(ctx, query, { page, pageSize }) {
    if (query === "") return usageReply("timeline", query, `${Messages.emptyQuery("timeline")} ${this.option.description}.`, this.examples);
    const read = readPeriod(query, ctx.now());
    if ("error" in read) return usageReply("timeline", query, Messages.period(read.error), this.examples);
    const { rest, period } = read;
    if (rest === "") return usageReply("timeline", query, Messages.periodOnly("timeline"), this.examples);
    const on = await personOnTopic(ctx.lookup, rest);
    if (on && on.topic === "") return usageReply("timeline", query, Messages.emptyTopic("timeline", on.named), this.examples);
    const person = on?.person ?? (await ctx.lookup.matchPeople(rest));
    if (!person) return emptyReply("timeline", query, await nearest(ctx, "timeline", rest), Messages.nobodyNamed(rest));
    const identities = person.identities.slice(0, MAX_PEOPLE);
    const members = identities.flatMap((id) => id.members);
    const who = identities.map((id) => id.name).join(" or ");
    const when = period ? ` ${describePeriod(period)}` : "";
    const blocks: Block[] = personNotes(on?.named ?? rest, person.identities, !person.exact);

    let months: Month[];
    let topic: Matcher | null = null;
    if (on) {
      const t = await ctx.lookup.topic(on.topic);
      if (t.query.groups.length === 0) return usageReply("timeline", query, Messages.noSearchableWords, this.examples);
      blocks.push(...corrected(t.corrections));
      topic = matcher(t.query);
      months = byMonth((await saidOn(ctx.lookup, identities, t.query, period)).hits);
    } else {
      months = await ctx.lookup.store.quoteMonths(members, period);
    }
    const title = Messages.timelineTitle(who, on?.topic ?? null, when);
    if (months.length === 0) {
      const suggestions = identities.map((id) => `/quote ${id.name}`);
      return emptyReply("timeline", query, suggestions, on ? Messages.nothingOnTopic(who, on.topic, when) : Messages.nothingBy(who, when));
    }
    const total = months.reduce((n, m) => n + m.quotes, 0);
    blocks.push({ kind: "note", text: Messages.timelineSummary(total, months.length, months[0].month) });

    const { items, paging } = pageOf(months, page, pageSize);
    // Month by month, so a quotation already shown for an earlier month gives way to what was new.
    const chosen: (QuoteHit | null)[] = [];
    const shown = new Set<string>();
    for (const m of items) {
      const h = await mostTelling(ctx, members, m, topic, shown);
      if (h) shown.add(h.quote.text);
      chosen.push(h);
    }
    const reported = await Promise.all(chosen.map(async (h) => (h ? reportedIn(ctx.lookup.store, foldRepeats([h])[0]) : null)));
    items.forEach((m, i) => {
      const h = chosen[i];
      if (h) blocks.push(quotedBlock(foldRepeats([h])[0], reported[i], "by", Messages.timelineMonth(m.month, m.quotes)));
    });
    blocks.push(...undatedNote(chosen.filter((h): h is QuoteHit => h !== null)));
    return reply("timeline", query, title, blocks, paging);
  },

  async suggest(ctx, partial) {
    return personChoices(ctx, partial);
  },
};

/** A topic's quotes grouped by the month of their article, oldest first. */
function byMonth(hits: SaidHit[]): Month[] {
  const months = new Map<string, QuoteHit[]>();
  for (const h of hits) {
    const m = dayOf(h).slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), h]);
  }
  const newestFirst = (a: QuoteHit, b: QuoteHit) => dayOf(b).localeCompare(dayOf(a)) || b.article.id - a.article.id;
  return [...months].sort((a, b) => a[0].localeCompare(b[0])).map(([month, hs]) => ({ month, quotes: hs.length, hits: hs.sort(newestFirst) }));
}

/** The month's most telling quote: read for this month alone unless already at hand. */
async function mostTelling(ctx: CommandContext, members: string[], m: Month, topic: Matcher | null, shown: Set<string>): Promise<QuoteHit | null> {
  const hits = m.hits ?? (await ctx.lookup.store.quotesBy(members, MONTH_QUOTES, monthPeriod(m.month)));
  let best: QuoteHit | null = null;
  let score = -Infinity;
  // Oldest first within the month, so a tie goes to the first time it was said.
  for (const h of [...hits].reverse()) {
    const s = telling(h, topic) - (wasShown(h.quote.text, shown) ? REPEAT_PENALTY : 0);
    if (s > score) [best, score] = [h, s];
  }
  return best;
}

/** Whether these words were shown already, alone or inside a longer quotation. */
function wasShown(text: string, shown: Set<string>): boolean {
  const words = indexWords(text);
  return [...shown].some((s) => containsRun(indexWords(s), words));
}

function monthPeriod(month: string): Period {
  const [y, m] = month.split("-").map(Number);
  return { from: `${month}-01`, to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}

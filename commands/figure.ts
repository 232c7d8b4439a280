// /figure <topic> [since …]: the statistics the archive has on a topic, each claim once with every article that
// repeats it, what it measures and who says so; claims that measure the same thing with different values
// are flagged (sources disagree).
import { Messages } from "../src/reply/messages.ts";
import type { Block } from "../src/reply/model.ts";
import { corrected, groupClaims } from "../src/reply/blocks.ts";
import { flagDisagreements } from "../src/reply/disagree.ts";
import { READ_AT_MOST, emptyReply, firstOf, pageOf, reply, usageReply } from "../src/reply/build.ts";
import { describePeriod, readPeriod } from "../src/search/period.ts";
import type { Command } from "./command.ts";
import { nearest } from "./suggest.ts";

/** Figures a query reads at most: twice what other commands read, as repeats of one claim group into one. */
const MAX_HITS = 2 * READ_AT_MOST;

export const figure: Command = {
  name: "figure",
  description: "Figures on a topic: the value, what it measures, who says so, and every article with it",
  option: { description: "A topic: PIP, national debt, eurozone growth", required: true },
  examples: ["/figure PIP", "/figure personal independence payments", "/figure debt"],

  async run(ctx, query, { page, pageSize }) {
    if (query === "") return usageReply("figure", query, `${Messages.emptyQuery("figure")} ${this.option.description}.`, this.examples);
    const asked = readPeriod(query, ctx.now());
    if ("error" in asked) return usageReply("figure", query, Messages.period(asked.error), this.examples);
    const { rest, period } = asked;
    if (rest === "") return usageReply("figure", query, Messages.periodOnly("figure"), this.examples);
    const when = period ? ` ${describePeriod(period)}` : "";
    const topic = await ctx.lookup.topic(rest);
    if (topic.query.groups.length === 0) return usageReply("figure", query, Messages.noSearchableWords, this.examples);
    const store = ctx.lookup.store;
    let hits = await store.figuresMatching(topic.query, MAX_HITS + 1, period);
    let loose = false;
    if (hits.length === 0 && topic.query.groups.length > 1) {
      // No figure has every word: show those with most of them, and say so.
      hits = await store.figuresMatching({ groups: [topic.query.groups.flat()] }, MAX_HITS + 1, period);
      loose = hits.length > 0;
    }
    if (hits.length === 0) return emptyReply("figure", query, await nearest(ctx, "figure", rest));
    const read = firstOf(hits, MAX_HITS);
    const { items, paging } = pageOf(flagDisagreements(groupClaims(read.items)), page, pageSize, read.more);
    const blocks: Block[] = [...corrected(topic.corrections)];
    if (loose) blocks.push({ kind: "note", text: Messages.someWordsFigures(rest) });
    blocks.push(...items);
    // An undated article was placed in the period by the day it was added: say so.
    if (period && items.some((b) => b.sources.some((src) => src.date === null))) blocks.push({ kind: "note", text: Messages.undated });
    return reply("figure", query, `Figures on “${rest}”${when}`, blocks, paging);
  },

  async suggest(ctx, partial) {
    // From memory, not the database: autocomplete runs on every keystroke.
    const acronyms = ctx.lookup.acronyms.map((a) => a.short);
    const key = partial.trim().toLowerCase();
    const names = (await ctx.lookup.names.suggest(partial, 25)).map((id) => id.name);
    return [...new Set([...acronyms.filter((a) => a.toLowerCase().startsWith(key)), ...names])]
      .slice(0, 25)
      .map((n) => ({ name: n.slice(0, 100), value: n.slice(0, 100) }));
  },
};

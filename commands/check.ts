// /check <text from a draft>: are its quotations and figures what the archive says? For each quote:
// verbatim, near (with a word diff), said by someone else, or not found; for each figure: the same value,
// a different one side by side, or nothing.
import { containedAt, diffWords, renderDiff, sameWords, similarity, alignedWindow, tokens } from "../src/check/diff.ts";
import { draftQuotes, type DraftQuote } from "../src/check/quotes.ts";
import type { QuoteHit } from "../src/archive/store.ts";
import { extractArticle } from "../src/extract/index.ts";
import type { Figure } from "../src/extract/types.ts";
import { words } from "../src/extract/text.ts";
import { Messages } from "../src/reply/messages.ts";
import type { Block } from "../src/reply/model.ts";
import { reply, usageReply } from "../src/reply/build.ts";
import { claimKey, groupClaims, quoteBlock } from "../src/reply/blocks.ts";
import type { Command, CommandContext } from "./command.ts";

const CANDIDATES = 40;
/** Below this share of the draft's words, in order, an archive quote is not the same quotation. */
const NEAR = 0.6;

const STOP = new Set("a an the of and or to in on at for by with from is are was were be it its this that said says say says told".split(" "));

export const check: Command = {
  name: "check",
  description: "Check a draft's quotes and figures against the archive before publication",
  option: { description: "A sentence or paragraph from a draft, with its quotes and figures", required: true },
  // A paragraph of a draft, within what Slack and Discord let a slash command carry.
  maxQueryLength: 3000,
  examples: ["/check Owen Smith said “Everything about these cuts is shameful.”", "/check The IFS says the changes cut £4bn from the PIP bill"],

  async run(ctx, query) {
    if (query === "") return usageReply("check", query, `${Messages.emptyQuery("check")} ${this.option.description}.`, this.examples);
    const quotes = await draftQuotes(query, ctx.lookup.names);
    const figures = extractArticle({ title: "", paragraphs: [query] }).figures.filter(
      (f) => !quotes.some((q) => f.start >= q.start && f.start < q.start + q.text.length),
    );
    if (quotes.length === 0 && figures.length === 0) {
      return usageReply("check", query, Messages.nothingToCheck, this.examples);
    }
    const blocks: Block[] = [];
    for (const q of quotes) blocks.push(...(await checkQuote(ctx, q)));
    for (const f of figures) blocks.push(...(await checkFigure(ctx, f)));
    return reply("check", query, `Checked ${count(quotes.length, "quote")}${figures.length ? ` and ${count(figures.length, "figure")}` : ""}`, blocks);
  },
};

function wholeSentences(original: { raw: string }[], from: number, to: number): boolean {
  const ends = (i: number) => /[.!?]["'”’)]*$/.test(original[i].raw);
  return (from === 0 || ends(from - 1)) && (to === original.length || ends(to - 1));
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

async function checkQuote(ctx: CommandContext, q: DraftQuote): Promise<Block[]> {
  const draft = tokens(q.text);
  const content = [...new Set(words(q.text).filter((w) => !STOP.has(w)))];
  const hits = content.length ? await ctx.lookup.store.quotesMatching({ groups: [content] }, CANDIDATES) : [];
  const scored = hits
    .map((h) => {
      const original = tokens(h.quote.text);
      const at = containedAt(draft, original);
      // Whole sentences of a longer quotation, quoted exactly, are verbatim; a fragment of a sentence is near.
      const exact = sameWords(draft, original) || (at >= 0 && wholeSentences(original, at, at + draft.length));
      const inside = at >= 0;
      return { h, original, exact, inside, sim: exact || inside ? 1 : similarity(draft, original) };
    })
    .sort((a, b) => Number(b.exact) - Number(a.exact) || Number(b.inside) - Number(a.inside) || b.sim - a.sim);
  const best = scored[0];
  const head = `“${q.text}”${q.speaker ? ` (the draft: ${q.speaker})` : ""}`;

  if (!best || best.sim < NEAR) {
    const nearest = scored.filter((s) => s.sim >= 0.3).slice(0, 2);
    return [
      { kind: "text", text: `NOT FOUND — ${head}: no quotation in the archive has these words.${nearest.length ? " Nearest:" : ""}` },
      ...nearest.map((s) => quoteBlock(s.h, "topic")),
    ];
  }
  const other = await otherSpeaker(ctx, q.speaker, best.h);
  const blocks: Block[] = [];
  const verdict = best.exact ? "VERBATIM" : "NEAR";
  const why = best.exact
    ? best.original.length === draft.length
      ? "the same words"
      : "the same words, whole sentences of a longer quotation"
    : best.inside
      ? "the exact words, but part of a longer quotation"
      : "close, but not the same words";
  blocks.push({ kind: "text", text: `${verdict} — ${head}: ${why}${other ? "" : best.h.quote.speaker ? `, said by ${best.h.quote.speaker}` : ""}.` });
  if (other) blocks.push({ kind: "text", text: `OTHER SPEAKER — the archive has these words from ${best.h.quote.speaker}, not ${q.speaker}.` });
  if (!best.exact) {
    const window = alignedWindow(draft, best.original);
    const ellipsis = (s: string, cut: boolean) => (cut ? s : "");
    const before = ellipsis("… ", window[0] !== best.original[0]);
    const after = ellipsis(" …", window[window.length - 1] !== best.original[best.original.length - 1]);
    blocks.push({
      kind: "note",
      text: `Draft against the original ([-only in the original-] {+only in the draft+}): ${before}${renderDiff(diffWords(draft, window))}${after}`,
    });
  }
  blocks.push(quoteBlock(best.h, "by"));
  return blocks;
}

/** True when the draft names a speaker the archive knows, and the archive's speaker is someone else. */
async function otherSpeaker(ctx: CommandContext, draftSpeaker: string | null, hit: QuoteHit): Promise<boolean> {
  if (!draftSpeaker || !hit.quote.speaker) return false;
  const match = await ctx.lookup.matchPeople(draftSpeaker);
  if (!match) return false;
  return !match.identities.some((id) => id.members.includes(hit.quote.speaker!));
}

async function checkFigure(ctx: CommandContext, f: Figure): Promise<Block[]> {
  const content = [...new Set(words(f.sentence).filter((w) => !STOP.has(w) && !/\d/.test(w)))];
  const hits = content.length ? await ctx.lookup.store.figuresMatching({ groups: [content] }, 60) : [];
  const sameUnit = hits.filter((h) => unitFamily(h.figure.unit) === unitFamily(f.unit));
  const claims = groupClaims(sameUnit);
  const same = claims.find((c) => claimKey(c.value, c.unit) === claimKey(f.value, f.unit) || Math.abs(c.value - f.value) <= Math.abs(f.value) * 0.005);
  if (same) return [{ kind: "text", text: `SAME — ${f.text}: the archive has the same figure.` }, same];
  if (claims.length) {
    const top = claims[0];
    return [
      {
        kind: "text",
        text: `DIFFERENT — the draft says ${f.text}; the archive says ${top.text}${top.claimedBy ? ` (${top.claimedBy})` : ""} for what looks like the same thing.`,
      },
      top,
    ];
  }
  return [{ kind: "text", text: `NOT FOUND — ${f.text}: no figure in the archive on this.` }];
}

function unitFamily(unit: string): string {
  const u = unit.toLowerCase();
  return ["gbp", "usd", "eur", "%", "pp", "pence"].includes(u) ? u : "count";
}

// The digest: what entered the archive in a period, as one Reply every renderer already knows how to fit
// (Slack blocks, Discord embeds, the terminal, JSON). Articles (titles, linked), the quotes of the most
// prominent speakers (the most-mentioned people who said something), the key figures with what they
// measure, and who was in the news. Long lists end in "and N more"; a quiet period is one line.
import type { ArchiveStore, ArticleMeta, PersonMentions, QuoteHit } from "../archive/store.ts";
import { groupClaims, quoteBlock } from "../reply/blocks.ts";
import { reply, sourceRef } from "../reply/build.ts";
import { Messages } from "../reply/messages.ts";
import type { Block, FigureBlock, Reply } from "../reply/model.ts";

export interface DigestLimits {
  articles: number;
  quotes: number;
  figures: number;
  people: number;
}

/** The digest's section headings (a message posted to a channel may show each section apart). */
export const DIGEST_SECTIONS = { quotes: "Key quotes", figures: "Key figures" } as const;

export const DIGEST_LIMITS: DigestLimits = { articles: 10, quotes: 5, figures: 5, people: 8 };

/** How many articles a digest reads at most: a digest of more is a backfill, not news. */
const MAX_ARTICLES = 500;

export interface DigestOptions {
  since: Date;
  now: Date;
  limits?: Partial<DigestLimits>;
  /** What the query field says ("24h", "since the last digest"). */
  query?: string;
}

export async function buildDigest(store: ArchiveStore, options: DigestOptions): Promise<Reply> {
  const limits = { ...DIGEST_LIMITS, ...options.limits };
  const { since, now } = options;
  const query = options.query ?? "";
  const period = describePeriod(since, now);
  // One beyond the bound: past it the count says "500+", never a false "500".
  const read = (await store.articlesSince(since.toISOString(), MAX_ARTICLES + 1)).filter((a) => publishedSince(a, since));
  const more = read.length > MAX_ARTICLES;
  const articles = read.slice(0, MAX_ARTICLES);
  if (articles.length === 0) {
    return {
      command: "digest",
      query,
      title: `Digest ${period}`,
      blocks: [{ kind: "text", text: Messages.nothingNew(period) }],
      paging: null,
      status: "empty",
    };
  }
  const ids = articles.map((a) => a.id);
  const [quotes, figures, people] = await Promise.all([store.quotesIn(ids, 5000), store.figuresIn(ids, 5000), store.peopleIn(ids, 200)]);

  const blocks: Block[] = [];
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const counted = more
    ? `More than ${MAX_ARTICLES} articles ${period} (the digest reads the newest ${MAX_ARTICLES}; give a shorter period for all of them)`
    : `${n(articles.length, "article")} ${period}`;
  blocks.push({
    kind: "text",
    text: `${counted}: ${n(quotes.length, "quote")}, ${n(figures.length, "figure")}, ${n(people.filter((p) => p.kind === "person").length, "person", "people")} named.`,
  });

  // Articles, newest first (the store's order), each linked.
  blocks.push(
    ...capped(
      articles.map((a) => ({ kind: "article" as const, snippet: articleLine(a), source: sourceRef(a, 1) })),
      limits.articles,
      "article",
    ),
  );

  // Quotes: one per speaker, speakers by how much the period's articles talk about them.
  const keyQuotes = pickQuotes(quotes, people);
  if (keyQuotes.length) {
    blocks.push({ kind: "section", title: DIGEST_SECTIONS.quotes });
    blocks.push(
      ...capped(
        keyQuotes.map((h) => quoteBlock(h, "by")),
        limits.quotes,
        "quote",
      ),
    );
  }

  // Figures: a claim repeated across articles leads.
  const claims = rankClaims(groupClaims(figures));
  if (claims.length) {
    blocks.push({ kind: "section", title: DIGEST_SECTIONS.figures });
    blocks.push(...capped(claims, limits.figures, "figure"));
  }

  const inNews = people.filter((p) => p.kind === "person");
  if (inNews.length) {
    const shown = inNews.slice(0, limits.people).map((p) => (p.articles > 1 ? `${p.name} (${p.articles} articles)` : p.name));
    const more = inNews.length - shown.length;
    // A section of its own, untitled: its one line says what it is.
    blocks.push({ kind: "section", title: "" }, { kind: "text", text: `In the news: ${shown.join(", ")}${more > 0 ? `, and ${more} more` : ""}.` });
    blocks.push({ kind: "suggestions", commands: inNews.slice(0, 3).map((p) => `/who ${p.name}`) });
  }
  return reply("digest", query, `Digest ${period}`, blocks);
}

/** Dated articles by their date (a day), undated ones by when they entered the archive (an instant). */
function publishedSince(a: ArticleMeta, since: Date): boolean {
  return a.date ? a.date >= since.toISOString().slice(0, 10) : a.addedAt >= since.toISOString();
}

function articleLine(a: ArticleMeta): string {
  return [a.date ?? `added ${a.addedAt.slice(0, 10)}`, a.outlet, a.byline].filter(Boolean).join(" · ");
}

function capped<T extends Block>(items: T[], max: number, what: string): Block[] {
  if (items.length <= max) return items;
  return [...items.slice(0, max), moreNote(items.length - max, what)];
}

const moreNote = (more: number, what: string): Block => ({ kind: "note", text: `and ${more} more ${more === 1 ? what : `${what}s`}` });

/** The kinds of item a digest lists, each capped with "and N more". */
export type DigestItem = "article" | "quote" | "figure";

/**
 * The digest with one item fewer of `kind` (its last), counted in the "and N more" note that follows the
 * list; null when only one is left. For a message that cannot hold the whole digest: it is shortened
 * section by section, so no section (nor who was in the news) disappears behind a long one.
 */
export function trimDigest(digest: Reply, kind: DigestItem): Reply | null {
  const blocks = [...digest.blocks];
  const shown = blocks.filter((b) => b.kind === kind).length;
  if (shown <= 1) return null;
  const last = blocks.map((b) => b.kind).lastIndexOf(kind);
  const after = blocks[last + 1];
  const counted = after?.kind === "note" ? new RegExp(`^and (\\d+) more ${kind}s?$`).exec(after.text) : null;
  if (counted) blocks.splice(last, 2, moreNote(Number(counted[1]) + 1, kind));
  else blocks.splice(last, 1, moreNote(1, kind));
  return { ...digest, blocks };
}

const ITEMS: DigestItem[] = ["quote", "figure", "article"];

/**
 * The digest one item shorter, taken from the list that takes the most room (its "and N more" grows), so
 * every section keeps at least one item; null when no list has more than one. For a message without
 * buttons that cannot hold the whole digest (src/chat/post.ts calls it until the message fits).
 */
export function shortenDigest(digest: Reply): Reply | null {
  const size = (kind: DigestItem) => {
    const items = digest.blocks.filter((b) => b.kind === kind);
    return items.length > 1 ? JSON.stringify(items).length : 0;
  };
  const largest = [...ITEMS].sort((a, b) => size(b) - size(a))[0];
  return size(largest) > 0 ? trimDigest(digest, largest) : null;
}

/**
 * The quotes that matter most: each speaker's best quote (whole rather than partial, then most confident,
 * then longest up to a readable length), speakers in order of prominence; then second quotes, and so on.
 * Quotes with no known speaker come last.
 */
export function pickQuotes(quotes: QuoteHit[], people: PersonMentions[]): QuoteHit[] {
  const prominence = new Map(people.map((p, i) => [p.name, i]));
  const bySpeaker = new Map<string, QuoteHit[]>();
  for (const h of quotes) {
    if (!h.quote.speaker) continue;
    const list = bySpeaker.get(h.quote.speaker) ?? [];
    list.push(h);
    bySpeaker.set(h.quote.speaker, list);
  }
  const score = (h: QuoteHit) => (h.quote.partial ? 0 : 1000) + h.quote.confidence * 100 + Math.min(h.quote.text.length, 300) / 10;
  for (const list of bySpeaker.values()) list.sort((a, b) => score(b) - score(a));
  const speakers = [...bySpeaker.keys()].sort((a, b) => (prominence.get(a) ?? Infinity) - (prominence.get(b) ?? Infinity) || a.localeCompare(b));
  const out: QuoteHit[] = [];
  for (let round = 0; out.length < quotes.length; round++) {
    let added = false;
    for (const s of speakers) {
      const h = bySpeaker.get(s)![round];
      if (h) {
        out.push(h);
        added = true;
      }
    }
    if (!added) break;
  }
  return [...out, ...quotes.filter((h) => !h.quote.speaker)];
}

/** Claims most repeated first, then those whose source is named; otherwise the articles' order. */
function rankClaims(claims: FigureBlock[]): FigureBlock[] {
  return claims
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.sources.length - a.c.sources.length || Number(!!b.c.claimedBy) - Number(!!a.c.claimedBy) || a.i - b.i)
    .map(({ c }) => c);
}

const DAY = 86_400_000;

function describePeriod(since: Date, now: Date): string {
  const ms = now.getTime() - since.getTime();
  if (ms > 0 && ms % DAY === 0 && ms / DAY <= 365) return ms === DAY ? "in the last 24 hours" : `in the last ${ms / DAY} days`;
  if (ms > 0 && ms % 3_600_000 === 0 && ms < DAY) return `in the last ${ms / 3_600_000} hours`;
  return `since ${since.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

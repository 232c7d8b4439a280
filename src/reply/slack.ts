// Renders a Reply as a Slack message in Block Kit. Every piece of article text is escaped (`&`, `<`, `>`)
// so nothing copied from an article can become a mention (`<!channel>`, `<@U…>`) or a link; links are
// only the ones built here from an article's own URL. The message stays inside Block Kit's limits however
// long the answer: results that do not fit are counted in a note, and a quotation that is too long is cut
// visibly at a word boundary, never reworded.
import { Messages } from "./messages.ts";
import type { Block, FigureBlock, QuoteBlock, Reply, SourceRef } from "./model.ts";
import { formatValue } from "./terminal.ts";

/** Blocks in one message. */
export const MAX_BLOCKS = 50;
/** Characters in a section's text. */
export const SECTION_TEXT_MAX = 3000;
/** Elements in one context block. */
export const CONTEXT_ELEMENTS_MAX = 10;
/** Characters in a context element's text (a section's limit; Slack documents none smaller). */
export const CONTEXT_TEXT_MAX = 2000;
/** Characters in a button's text. */
export const BUTTON_TEXT_MAX = 75;
/** Characters in a button's value. */
export const BUTTON_VALUE_MAX = 2000;
/** Characters in action_id / block_id. */
export const ACTION_ID_MAX = 255;
/** The message's fallback `text`: Slack truncates beyond 40,000; notifications show far less. */
export const FALLBACK_TEXT_MAX = 3000;
/** Characters of the first result quoted in the fallback text (a notification shows about this much). */
export const FALLBACK_GIST_MAX = 200;
/**
 * All block text together. Slack answers `msg_blocks_too_long` well below 50 × 3000 (about 13k characters
 * was reported), so a whole message is kept under this.
 */
export const MESSAGE_BLOCKS_TEXT_MAX = 12_000;
/** Sources listed under one figure before "and N more". */
export const FIGURE_SOURCES_SHOWN = 5;

export const SlackMessages = {
  quoteContinues: "… (quote continues in the article)",
  notShown: (n: number) => `${n} more result${n === 1 ? "" : "s"} not shown here: press More or narrow the question.`,
  share: "Share in channel",
  more: "More",
  sharedBy: (userId: string) => `Shared by <@${userId}>`,
  working: "Looking in the archive…",
  failed: "Sorry, that did not work: something went wrong on our side and it has been logged. Please try again.",
  expired: "This button has expired: ask again.",
} as const;

export const ACTION_MORE = "newsbot_more";
export const ACTION_SHARE = "newsbot_share";

/** What a button needs to redo an answer. Kept short: it travels in the button's value. */
export interface ButtonState {
  c: string;
  q: string;
  p: number;
}

export function encodeState(state: ButtonState): string | null {
  // `<`, `>` and `&` as JSON escapes: Slack never parses a button's value, but nothing that looks like a
  // mention travels in a message at all.
  const value = JSON.stringify(state).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return value.length <= BUTTON_VALUE_MAX ? value : null;
}

export function decodeState(value: string | undefined): ButtonState | null {
  if (!value || value.length > BUTTON_VALUE_MAX) return null;
  try {
    const s = JSON.parse(value) as Partial<ButtonState>;
    if (typeof s.c !== "string" || !/^[a-z][\w-]{0,31}$/.test(s.c) || typeof s.q !== "string" || typeof s.p !== "number" || !Number.isFinite(s.p)) return null;
    return { c: s.c, q: s.q, p: Math.max(1, Math.floor(s.p)) };
  } catch {
    return null;
  }
}

// Block Kit types: just what this renderer produces.
export interface MrkdwnText {
  type: "mrkdwn";
  text: string;
  /**
   * Always true: Slack then turns no plain word of article text into a mention (`@here`, `@channel`,
   * `@everyone`) or a link. Our own links, written as <url|title>, still work.
   */
  verbatim: true;
}
export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}
export interface SectionBlock {
  type: "section";
  text: MrkdwnText;
}
export interface ContextBlock {
  type: "context";
  elements: MrkdwnText[];
}
export interface DividerBlock {
  type: "divider";
}
export interface ButtonElement {
  type: "button";
  action_id: string;
  text: PlainText;
  value: string;
  style?: "primary";
}
export interface ActionsBlock {
  type: "actions";
  elements: ButtonElement[];
}
export type SlackBlock = SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

export interface SlackMessage {
  response_type: "ephemeral" | "in_channel";
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
  replace_original?: boolean;
}

export interface RenderOptions {
  /** In channel (a shared answer) or only for the asker (the default). */
  visibility?: "ephemeral" | "in_channel";
  /** Offer Share and More buttons (default true for ephemeral answers). */
  buttons?: boolean;
  /** Who shared it: a Slack user id, shown under a shared answer. */
  sharedBy?: string;
}

/** `&`, `<` and `>` are Slack's control characters: escaped, article text can be neither mention nor link. */
export function escapeSlack(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/**
 * Escapes and fits `raw` in `max` escaped characters, cutting at a word boundary and ending with `suffix`
 * when it does not fit. An entity (`&amp;`) is never split.
 */
export function fitEscaped(raw: string, max: number, suffix = "…"): string {
  const whole = escapeSlack(raw);
  if (whole.length <= max) return whole;
  const room = Math.max(0, max - suffix.length);
  // Find the longest raw prefix whose escaped form fits, then back off to a word boundary.
  let lo = 0;
  let hi = raw.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (escapeSlack(raw.slice(0, mid)).length <= room) lo = mid;
    else hi = mid - 1;
  }
  let cut = raw.slice(0, lo);
  const space = cut.search(/\s\S*$/);
  if (space > lo * 0.5) cut = cut.slice(0, space);
  return escapeSlack(cut.trimEnd()) + suffix;
}

/** Plain (unescaped) text cut at a word boundary, for plain_text fields such as button labels. */
export function fitPlain(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.5) cut = cut.slice(0, space);
  return cut.trimEnd() + "…";
}

/** An article's URL as a Slack link target: only http(s), and none of Slack's link syntax characters. */
function linkTarget(url: string | null): string | null {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(/[<>|]/g, (c) => encodeURIComponent(c)).replace(/&/g, "&amp;");
}

/** `<url|title>` when the article has a URL, else the escaped title; the title is cut to `max`. */
export function articleLink(source: Pick<SourceRef, "title" | "url">, max = 300): string {
  const title = fitEscaped(source.title || "untitled", max).replace(/\|/g, "¦");
  const url = linkTarget(source.url);
  return url ? `<${url}|${title}>` : title;
}

function sourceLine(r: SourceRef): string {
  return [articleLink(r), r.date ? escapeSlack(r.date) : null, `¶${r.paragraph}`].filter(Boolean).join(" · ");
}

/** A quotation as a Slack `>` quote. Its words are never changed; a quotation too long for a section is cut visibly. */
export function renderQuote(b: QuoteBlock): string {
  const who = b.speaker ? `*${fitEscaped(b.speaker, 200)}*` : `_${Messages.speakerUnsure}_`;
  const tags = [b.match === "mentions" ? "mentions" : null, b.partial ? "partial quote" : null].filter(Boolean);
  const attribution = `— ${who}${tags.length ? ` (${tags.join(", ")})` : ""} · ${sourceLine(b.source)}`;
  const url = linkTarget(b.source.url);
  const continues = url ? ` ${SlackMessages.quoteContinues.replace("in the article", `in <${url}|the article>`)}”` : ` ${SlackMessages.quoteContinues}”`;
  // Each line of the quotation gets its own ">" so a multi-line quote stays one quotation.
  const lines = b.text.split("\n").length;
  const room = SECTION_TEXT_MAX - attribution.length - 1 - lines - 2;
  const body = fitEscaped(b.text, room, continues);
  const quoted = body.endsWith(continues) ? `“${body}` : `“${body}”`;
  return `${quoted.split("\n").map((l) => `>${l}`).join("\n")}\n${attribution}`;
}

export function renderFigure(b: FigureBlock): string {
  const per = b.per ? ` a ${escapeSlack(b.per)}` : "";
  const approx = b.approx ? ` (${escapeSlack(b.approx)})` : "";
  const head = `*${escapeSlack(b.text)}*${per}${approx} — ${escapeSlack(b.measure)}${b.claimedBy ? `, according to ${escapeSlack(b.claimedBy)}` : ""}`;
  const value = `= ${escapeSlack(formatValue(b.value, b.unit))}`;
  const n = b.sources.length;
  const shown = b.sources.slice(0, FIGURE_SOURCES_SHOWN).map(sourceLine).join("\n");
  const more = n > FIGURE_SOURCES_SHOWN ? `\n…and ${n - FIGURE_SOURCES_SHOWN} more article${n - FIGURE_SOURCES_SHOWN === 1 ? "" : "s"}` : "";
  const fixed = `${head}\n${value}\n${n > 1 ? `In ${n} articles:\n` : ""}${shown}${more}`;
  const room = SECTION_TEXT_MAX - fixed.length - 4;
  const sentence = room > 40 ? `\n“${fitEscaped(b.sentence, room)}”` : "";
  const text = `${head}\n${value}${sentence}\n${n > 1 ? `In ${n} articles:\n` : ""}${shown}${more}`;
  return text.length <= SECTION_TEXT_MAX ? text : fitEscaped(`${b.text} — ${b.measure}`, SECTION_TEXT_MAX);
}

function renderBlock(b: Block): SlackBlock | null {
  switch (b.kind) {
    case "quote":
      return section(renderQuote(b));
    case "figure":
      return section(renderFigure(b));
    case "article": {
      const head = `*${articleLink(b.source)}*${b.source.date ? ` (${escapeSlack(b.source.date)})` : ""}`;
      return section(`${head}\n${fitEscaped(b.snippet, SECTION_TEXT_MAX - head.length - 1)}`);
    }
    case "person": {
      const lines = [`*${escapeSlack(b.name)}* (${b.type}) — in ${b.articles} article${b.articles === 1 ? "" : "s"}, ${b.quotes} quote${b.quotes === 1 ? "" : "s"}`];
      if (b.aliases.length) lines.push(`also: ${b.aliases.map(escapeSlack).join(", ")}`);
      if (b.roles.length) lines.push(`roles: ${b.roles.map(escapeSlack).join(", ")}`);
      const text = lines.join("\n");
      return section(text.length <= SECTION_TEXT_MAX ? text : fitEscaped(lines.join("\n"), SECTION_TEXT_MAX));
    }
    case "text":
      return section(fitEscaped(b.text, SECTION_TEXT_MAX));
    case "note":
      return context(fitEscaped(b.text, CONTEXT_TEXT_MAX));
    case "section":
      return b.title ? context(fitEscaped(b.title, CONTEXT_TEXT_MAX)) : null;
    case "suggestions": {
      const text = b.commands.map((c) => `• \`${escapeSlack(c).replace(/`/g, "'")}\``).join("\n");
      return section(text.length <= SECTION_TEXT_MAX ? text : fitEscaped(b.commands.join("\n"), SECTION_TEXT_MAX));
    }
  }
}

const section = (text: string): SectionBlock => ({ type: "section", text: { type: "mrkdwn", text, verbatim: true } });
const context = (text: string): ContextBlock => ({ type: "context", elements: [{ type: "mrkdwn", text, verbatim: true }] });

const blockTextLength = (b: SlackBlock): number =>
  b.type === "section" ? b.text.text.length : b.type === "context" ? b.elements.reduce((n, e) => n + e.text.length, 0) : 0;

export function renderSlack(reply: Reply, options: RenderOptions = {}): SlackMessage {
  return layout(reply, options).message;
}

/** A reply posted to a channel (the digest): shared, without buttons, and whether all of it fitted. */
export function renderSlackPost(reply: Reply): { message: SlackMessage; complete: boolean } {
  const { message, left } = layout(reply, { visibility: "in_channel", buttons: false });
  return { message, complete: left === 0 };
}

/** The message, and how many of the reply's blocks it had no room for. */
function layout(reply: Reply, options: RenderOptions): { message: SlackMessage; left: number } {
  const visibility = options.visibility ?? "ephemeral";
  const withButtons = options.buttons ?? visibility === "ephemeral";
  const head = section(`*${fitEscaped(reply.title, 300)}*`);

  const tail: SlackBlock[] = [];
  const footer: string[] = [];
  if (reply.paging) footer.push(`Page ${reply.paging.page} of ${reply.paging.pages} (${Messages.resultCount(reply.paging)})`);
  if (options.sharedBy) footer.push(escapeSlack(SlackMessages.sharedBy(options.sharedBy)).replace(/&lt;@(\w+)&gt;/, "<@$1>"));
  const buttons: ButtonElement[] = [];
  if (withButtons) {
    const share = reply.status === "ok" ? encodeState({ c: reply.command, q: reply.query, p: reply.paging?.page ?? 1 }) : null;
    if (share) buttons.push({ type: "button", action_id: ACTION_SHARE, text: { type: "plain_text", text: fitPlain(SlackMessages.share, BUTTON_TEXT_MAX) }, value: share, style: "primary" });
    const more = reply.paging && reply.paging.page < reply.paging.pages ? encodeState({ c: reply.command, q: reply.query, p: reply.paging.page + 1 }) : null;
    if (more) buttons.push({ type: "button", action_id: ACTION_MORE, text: { type: "plain_text", text: fitPlain(SlackMessages.more, BUTTON_TEXT_MAX) }, value: more });
  }

  // Room for the headline, a "not shown" note, the footer and the buttons.
  const reserved = 1 + 1 + (footer.length ? 1 : 0) + (buttons.length ? 1 : 0);
  const footerText = footer.join(" · ");
  let budget = MESSAGE_BLOCKS_TEXT_MAX - blockTextLength(head) - footerText.length - 200;
  const body: SlackBlock[] = [];
  let dropped = 0;
  let left = 0;
  for (const block of reply.blocks) {
    const rendered = renderBlock(block);
    if (!rendered) continue;
    const size = blockTextLength(rendered);
    if (dropped > 0 || body.length >= MAX_BLOCKS - reserved || size > budget) {
      left++;
      if (block.kind !== "note" && block.kind !== "section" && block.kind !== "suggestions" && block.kind !== "text") dropped++;
      continue;
    }
    body.push(rendered);
    budget -= size;
  }
  if (dropped) tail.push(context(SlackMessages.notShown(dropped)));
  if (footerText) tail.push(context(footerText));
  if (buttons.length) tail.push({ type: "actions", elements: buttons });

  const message: SlackMessage = { response_type: visibility, text: fallbackText(reply), blocks: [head, ...body, ...tail], unfurl_links: false, unfurl_media: false };
  return { message, left };
}

/** What a notification shows: the headline and the first result, in a line or two. */
export function fallbackText(reply: Reply): string {
  const first = reply.blocks.find((b) => b.kind !== "note" && b.kind !== "section" && b.kind !== "suggestions");
  const gist = !first
    ? ""
    : first.kind === "quote"
      ? // A quotation cut for the notification keeps no closing mark, so it never reads as complete.
        `“${first.text.length <= FALLBACK_GIST_MAX ? `${first.text}”` : fitPlain(first.text, FALLBACK_GIST_MAX)}${first.speaker ? ` — ${first.speaker}` : ""}`
      : first.kind === "figure"
        ? `${first.text} — ${first.measure}`
        : first.kind === "article"
          ? first.source.title
          : first.kind === "person"
            ? first.name
            : first.kind === "text"
              ? first.text
              : "";
  const short = first?.kind === "quote" ? gist : fitPlain(gist, FALLBACK_GIST_MAX);
  return fitEscaped(gist ? `${reply.title}: ${short}` : reply.title, FALLBACK_TEXT_MAX);
}

/** A one-line message (placeholder, failure, expiry) in the same shape. */
export function renderNotice(text: string, visibility: "ephemeral" | "in_channel" = "ephemeral"): SlackMessage {
  const safe = fitEscaped(text, SECTION_TEXT_MAX);
  return { response_type: visibility, text: safe, blocks: [section(safe)], unfurl_links: false, unfurl_media: false };
}

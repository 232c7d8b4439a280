// Renders a Reply as a Slack message in Block Kit. Every piece of article text goes through the text kit's
// slackText (src/reply/text.ts), so nothing copied from an article can become a mention (`<!channel>`,
// `<@U…>`) or a link; links are only the ones built here from an article's own URL. The message stays
// inside Block Kit's limits (src/reply/slack-kit.ts) however long the answer: results that do not fit are
// counted in a note, and a quotation that is too long is cut visibly at a word boundary, never reworded.
import { encodeButton } from "./buttons.ts";
import { Messages } from "./messages.ts";
import type { Block, FigureBlock, QuoteBlock, Reply, SourceRef } from "./model.ts";
import {
  ACTION_MORE,
  ACTION_SHARE,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_TEXT_MAX,
  FALLBACK_GIST_MAX,
  FALLBACK_TEXT_MAX,
  FIGURE_SOURCES_SHOWN,
  MAX_BLOCKS,
  MESSAGE_BLOCKS_TEXT_MAX,
  SECTION_TEXT_MAX,
  blockTextLength,
  context,
  section,
  type ButtonElement,
  type SlackBlock,
  type SlackMessage,
} from "./slack-kit.ts";
import { POINTER_MAX, fitText, formatValue, slackText } from "./text.ts";

/** Other articles and partial quotes listed under a quotation before "and N more". */
const SOURCES_SHOWN = 3;

export interface RenderOptions {
  /** In channel (a shared answer) or only for the asker (the default). */
  visibility?: "ephemeral" | "in_channel";
  /** Offer Share and More buttons (default true for ephemeral answers). */
  buttons?: boolean;
  /** Who shared it: a Slack user id, shown under a shared answer. */
  sharedBy?: string;
}

/** Article text escaped for mrkdwn and cut to `max` escaped characters, ending with `suffix` when cut. */
const fitEscaped = (raw: string, max: number, suffix?: string) => fitText(raw, max, slackText, suffix);
const escapeSlack = slackText;

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
  const attribution = `— ${who}${tags.length ? ` (${tags.join(", ")})` : ""} · ${sourceLine(b.source)}${quotedLines(b)}`;
  const url = linkTarget(b.source.url);
  const continues = url ? ` ${Messages.quoteContinues.replace("in the article", `in <${url}|the article>`)}”` : ` ${Messages.quoteContinues}”`;
  // Each line of the quotation gets its own ">" so a multi-line quote stays one quotation.
  const lines = b.text.split("\n").length;
  const room = SECTION_TEXT_MAX - attribution.length - 1 - lines - 2;
  const body = fitEscaped(b.text, room, continues);
  const quoted = body.endsWith(continues) ? `“${body}` : `“${body}”`;
  const label = b.label ? `*${escapeSlack(b.label)}*\n` : "";
  return `${label}${quoted
    .split("\n")
    .map((l) => `>${l}`)
    .join("\n")}\n${attribution}`;
}

/** Where else the quotation is: every article with it and the first, its longer quotation, its partial quotes. */
function quotedLines(b: QuoteBlock): string {
  const lines: string[] = [];
  if (b.reported) {
    const others = b.reported.others.slice(0, SOURCES_SHOWN).map(sourceLine);
    const more = b.reported.others.length > SOURCES_SHOWN ? ` …and ${b.reported.others.length - SOURCES_SHOWN} more` : "";
    lines.push(
      `${escapeSlack(Messages.firstReported(b.reported.articles, b.reported.first.date))} ${sourceLine(b.reported.first)}${others.length ? `; ${Messages.alsoIn} ${others.join("; ")}${more}` : ""}`,
    );
  }
  if (b.partOf) lines.push(`${Messages.partOf}: “${fitEscaped(b.partOf.text, POINTER_MAX)}” · ${sourceLine(b.partOf.source)}`);
  for (const p of (b.parts ?? []).slice(0, SOURCES_SHOWN))
    lines.push(`${Messages.quotedInPart}: “${fitEscaped(p.text, POINTER_MAX)}” · ${sourceLine(p.source)}`);
  return lines.map((l) => `\n${l}`).join("");
}

export function renderFigure(b: FigureBlock): string {
  const per = b.per ? ` a ${escapeSlack(b.per)}` : "";
  const approx = b.approx ? ` (${escapeSlack(b.approx)})` : "";
  const head = `*${escapeSlack(b.text)}*${per}${approx} — ${escapeSlack(b.measure)}${b.claimedBy ? `, according to ${escapeSlack(b.claimedBy)}` : ""}`;
  const value = `= ${escapeSlack(formatValue(b.value, b.unit))}`;
  const n = b.sources.length;
  const shown = b.sources.slice(0, FIGURE_SOURCES_SHOWN).map(sourceLine).join("\n");
  const more = n > FIGURE_SOURCES_SHOWN ? `\n…and ${n - FIGURE_SOURCES_SHOWN} more article${n - FIGURE_SOURCES_SHOWN === 1 ? "" : "s"}` : "";
  const differ = b.disagree ? `\n:warning: ${escapeSlack(Messages.sourcesDisagree(b.disagree))}` : "";
  const fixed = `${head}\n${value}${differ}\n${n > 1 ? `In ${n} articles:\n` : ""}${shown}${more}`;
  const room = SECTION_TEXT_MAX - fixed.length - 4;
  const sentence = room > 40 ? `\n“${fitEscaped(b.sentence, room)}”` : "";
  const text = `${head}\n${value}${differ}${sentence}\n${n > 1 ? `In ${n} articles:\n` : ""}${shown}${more}`;
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
      const lines = [
        `*${escapeSlack(b.name)}* (${b.type}) — in ${b.articles} article${b.articles === 1 ? "" : "s"}, ${b.quotes} quote${b.quotes === 1 ? "" : "s"}`,
      ];
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

export function renderSlack(reply: Reply, options: RenderOptions = {}): SlackMessage {
  return layout(reply, options).message;
}

/** A reply posted to a channel (the digest): shared, without buttons, and whether all of it fitted. */
export function renderSlackPost(reply: Reply): { message: SlackMessage; complete: boolean } {
  const { message, left } = layout(reply, { visibility: "in_channel", buttons: false });
  return { message, complete: left === 0 };
}

/** A button of ours: its label fitted to Slack's limit, its value the state that redoes the answer. */
function button(actionId: string, label: string, value: string, style?: "primary"): ButtonElement {
  return { type: "button", action_id: actionId, text: { type: "plain_text", text: fitText(label, BUTTON_TEXT_MAX) }, value, ...(style ? { style } : {}) };
}

/** The message, and how many of the reply's blocks it had no room for. */
function layout(reply: Reply, options: RenderOptions): { message: SlackMessage; left: number } {
  const visibility = options.visibility ?? "ephemeral";
  const withButtons = options.buttons ?? visibility === "ephemeral";
  const head = section(`*${fitEscaped(reply.title, 300)}*`);

  const tail: SlackBlock[] = [];
  const footer: string[] = [];
  if (reply.paging) footer.push(`${Messages.page(reply.paging)} (${Messages.resultCount(reply.paging)})`);
  if (options.sharedBy) footer.push(escapeSlack(Messages.sharedBy(options.sharedBy)).replace(/&lt;@(\w+)&gt;/, "<@$1>"));
  const buttons: ButtonElement[] = [];
  if (withButtons) {
    const share =
      reply.status === "ok"
        ? encodeButton({ action: "share", command: reply.command, query: reply.query, page: reply.paging?.page ?? 1 }, BUTTON_VALUE_MAX)
        : null;
    if (share) buttons.push(button(ACTION_SHARE, Messages.buttons.shareInChannel, share, "primary"));
    const more =
      reply.paging && reply.paging.page < reply.paging.pages
        ? encodeButton({ action: "page", command: reply.command, query: reply.query, page: reply.paging.page + 1 }, BUTTON_VALUE_MAX)
        : null;
    if (more) buttons.push(button(ACTION_MORE, Messages.buttons.more, more));
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
  if (dropped) tail.push(context(Messages.notShown(dropped)));
  if (footerText) tail.push(context(footerText));
  if (buttons.length) tail.push({ type: "actions", elements: buttons });

  const message: SlackMessage = {
    response_type: visibility,
    text: fallbackText(reply),
    blocks: [head, ...body, ...tail],
    unfurl_links: false,
    unfurl_media: false,
  };
  return { message, left };
}

/** What a notification shows: the headline and the first result, in a line or two. */
export function fallbackText(reply: Reply): string {
  const first = reply.blocks.find((b) => b.kind !== "note" && b.kind !== "section" && b.kind !== "suggestions");
  const gist = !first
    ? ""
    : first.kind === "quote"
      ? // A quotation cut for the notification keeps no closing mark, so it never reads as complete.
        `“${first.text.length <= FALLBACK_GIST_MAX ? `${first.text}”` : fitText(first.text, FALLBACK_GIST_MAX)}${first.speaker ? ` — ${first.speaker}` : ""}`
      : first.kind === "figure"
        ? `${first.text} — ${first.measure}`
        : first.kind === "article"
          ? first.source.title
          : first.kind === "person"
            ? first.name
            : first.kind === "text"
              ? first.text
              : "";
  const short = first?.kind === "quote" ? gist : fitText(gist, FALLBACK_GIST_MAX);
  return fitEscaped(gist ? `${reply.title}: ${short}` : reply.title, FALLBACK_TEXT_MAX);
}

/** A one-line message (placeholder, failure, expiry) in the same shape. */
export function renderNotice(text: string, visibility: "ephemeral" | "in_channel" = "ephemeral"): SlackMessage {
  const safe = fitEscaped(text, SECTION_TEXT_MAX);
  return { response_type: visibility, text: safe, blocks: [section(safe)], unfurl_links: false, unfurl_media: false };
}

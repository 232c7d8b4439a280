// Renders a Reply as a Discord message: one embed (results as fields, text in the description, paging in
// the footer) and one row of buttons (Previous / Next / Share). Everything is measured against Discord's
// limits here, because discord.js does not check the 6000-character total and raw objects not at all: an
// over-long answer is cut at a word boundary, a quotation is never reworded but visibly cut, and results
// that do not fit are counted in the footer. Article text goes through the text kit (src/reply/text.ts).
import { Messages } from "./messages.ts";
import type { Block, QuoteBlock, Reply, SourceRef } from "./model.ts";
import { ELLIPSIS, discordLinkText, discordText, fitText, formatValue, plainText } from "./text.ts";

// Discord's limits (developers/resources/message.mdx "Embed Limits", components/reference.mdx).
export const CONTENT_MAX = 2000;
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const FIELD_NAME_MAX = 256;
export const FIELD_VALUE_MAX = 1024;
export const FOOTER_MAX = 2048;
export const EMBED_TOTAL_MAX = 6000;
export const CUSTOM_ID_MAX = 100;
export const BUTTON_LABEL_MAX = 80;
export const CHOICES_MAX = 25;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;

/** Kept free of the total for the "N more not shown" footer. */
const FOOTER_RESERVE = 120;
/** Sources listed under a figure before "and N more". */
const FIGURE_SOURCES_SHOWN = 3;

export const QUOTE_CONTINUES = Messages.continues;

export const Colors = { ok: 0x2b6cb0, empty: 0x718096, usage: 0x718096, error: 0xc53030 } as const;

export const ButtonStyle = { Primary: 1, Secondary: 2 } as const;

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

export interface DiscordButton {
  type: 2;
  style: number;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  components: { type: 1; components: DiscordButton[] }[];
}

export interface RenderOptions {
  /** custom_ids for the buttons; a button is left out when its id is null. */
  ids?: { previous: string | null; next: string | null; share: string | null };
  /** Text above the embed (the "shared by" line). */
  content?: string;
}

export function renderDiscord(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  const embed: DiscordEmbed = { title: fit(clean(reply.title), EMBED_TITLE_MAX), color: Colors[reply.status] };
  if (!embed.title) delete embed.title;

  const paging = reply.paging ? `${Messages.page(reply.paging)} · ${Messages.resultCount(reply.paging)}` : "";
  let used = (embed.title?.length ?? 0) + paging.length + FOOTER_RESERVE;

  const described: string[] = [];
  // Kept as a running count (not joined per block): a reply can carry hundreds of long blocks.
  let describedLength = 0;
  const fields: NonNullable<DiscordEmbed["fields"]> = [];
  let dropped = 0;
  for (const block of reply.blocks) {
    if (block.kind === "text" || block.kind === "note" || block.kind === "section" || block.kind === "suggestions") {
      if (describedLength > EMBED_DESCRIPTION_MAX) continue; // already more than can be shown
      const text = describe(block);
      if (text) {
        describedLength += (described.length ? 2 : 0) + text.length;
        described.push(text);
      }
      continue;
    }
    const field = renderField(block);
    // A safety net: renderField already fits each part.
    if (field.value.length > FIELD_VALUE_MAX) field.value = fit(field.value, FIELD_VALUE_MAX);
    if (!field.value.trim()) field.value = "—";
    const size = field.name.length + field.value.length;
    // The description is given its share below; fields may not eat into what it needs.
    const descriptionNeed = Math.min(EMBED_DESCRIPTION_MAX, describedLength + 200);
    if (fields.length >= EMBED_FIELDS_MAX || used + size + descriptionNeed > EMBED_TOTAL_MAX) {
      dropped++;
      continue;
    }
    fields.push(field);
    used += size;
  }

  const description = fit(described.join("\n\n"), Math.min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - used));
  if (description) embed.description = description;
  if (fields.length) embed.fields = fields;
  if (!embed.description && !embed.fields) embed.description = Messages.nothingFor(clean(reply.query) || `/${reply.command}`).slice(0, EMBED_DESCRIPTION_MAX);
  const footer = [paging, dropped ? Messages.notShownShort(dropped, !!reply.paging) : ""].filter(Boolean).join(" · ");
  if (footer) embed.footer = { text: fit(footer, FOOTER_MAX) };

  const message: DiscordMessage = { embeds: [embed], components: [] };
  if (options.content) message.content = fit(options.content, CONTENT_MAX);
  const ids = options.ids;
  if (ids) {
    const buttons: DiscordButton[] = [];
    if (reply.paging && reply.paging.pages > 1) {
      if (ids.previous) buttons.push(button(Messages.buttons.previous, ids.previous, ButtonStyle.Secondary, reply.paging.page <= 1));
      if (ids.next) buttons.push(button(Messages.buttons.next, ids.next, ButtonStyle.Secondary, reply.paging.page >= reply.paging.pages));
    }
    // Only an answer is worth sharing: not "nothing found", usage help or an error.
    if (ids.share && reply.status === "ok") buttons.push(button(Messages.buttons.share, ids.share, ButtonStyle.Primary, false));
    if (buttons.length) message.components.push({ type: 1, components: buttons });
  }
  return message;
}

/** Embeds in one message. */
export const EMBEDS_MAX = 10;

/**
 * A reply posted to a channel (the digest): one embed per section, each titled with its heading, where a
 * section's items are fields; and whether all of it fitted (nothing counted in a footer, and all embeds
 * together within Discord's 6,000 characters).
 */
export function renderDiscordPost(reply: Reply): { message: DiscordMessage; complete: boolean } {
  const parts = sections(reply);
  const embeds = (parts.length <= EMBEDS_MAX ? parts : [reply]).map((part) => renderDiscord(part).embeds[0]);
  return { message: { embeds, components: [] }, complete: embeds.every((e) => !e.footer) && embedsLength(embeds) <= EMBED_TOTAL_MAX };
}

/** The reply cut at its section blocks: the first part under the reply's title, each other under its section's. */
function sections(reply: Reply): Reply[] {
  const parts: Reply[] = [{ ...reply, blocks: [] }];
  for (const b of reply.blocks) {
    if (b.kind === "section") parts.push({ ...reply, title: b.title, blocks: [] });
    else parts.at(-1)!.blocks.push(b);
  }
  return parts.filter((p, i) => i === 0 || p.blocks.length > 0);
}

/** Characters Discord counts towards its 6,000 for all of a message's embeds. */
function embedsLength(embeds: DiscordEmbed[]): number {
  const count = (e: DiscordEmbed) =>
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((k, f) => k + f.name.length + f.value.length, 0);
  return embeds.reduce((n, e) => n + count(e), 0);
}

/** A plain message (errors, "expired"): one embed with a line of text. */
export function renderNotice(text: string): DiscordMessage {
  return { embeds: [{ description: fit(clean(text), EMBED_DESCRIPTION_MAX), color: Colors.usage }], components: [] };
}

function button(label: string, customId: string, style: number, disabled: boolean): DiscordButton {
  if (customId.length < 1 || customId.length > CUSTOM_ID_MAX) throw new Error(`custom_id of ${customId.length} characters`);
  const b: DiscordButton = { type: 2, style, label: label.slice(0, BUTTON_LABEL_MAX), custom_id: customId };
  if (disabled) b.disabled = true;
  return b;
}

function describe(block: Block): string {
  switch (block.kind) {
    case "text":
      return escape(clean(block.text.slice(0, EMBED_DESCRIPTION_MAX + 1)));
    case "note":
      return `*${escape(clean(block.text.slice(0, EMBED_DESCRIPTION_MAX + 1)))}*`;
    case "section":
      return block.title ? `*${escape(clean(block.title.slice(0, EMBED_DESCRIPTION_MAX + 1)))}*` : "";
    case "suggestions":
      return block.commands
        .slice(0, EMBED_DESCRIPTION_MAX)
        .map((c) => `• \`${clean(c.slice(0, EMBED_DESCRIPTION_MAX)).replace(/`/g, "'")}\``)
        .join("\n");
    default:
      return "";
  }
}

type Field = { name: string; value: string };

function renderField(block: Block): Field {
  switch (block.kind) {
    case "quote": {
      const who = block.speaker ? clean(block.speaker) : Messages.speakerUnsure;
      const name = fit(`${block.label ? `${clean(block.label)} — ` : ""}${who}${block.match === "mentions" ? " · mentions" : ""}`, FIELD_NAME_MAX);
      const base = `${block.partial ? " (partial quote)" : ""}\n${sourceLine(block.source)}`;
      // The quotation keeps at least 40% of the field; where else it is comes second (a long URL can crowd it out).
      const extra = quotedLines(block);
      const tail = base.length + extra.length <= FIELD_VALUE_MAX * 0.6 ? base + extra : base;
      return { name, value: quotation(block.text, FIELD_VALUE_MAX - tail.length) + tail };
    }
    case "figure": {
      const head = `**${escape(clean(block.text))}**${block.per ? ` a ${escape(clean(block.per))}` : ""} = ${formatValue(block.value, block.unit)}${block.approx ? ` (${escape(clean(block.approx))})` : ""}`;
      const n = block.sources.length;
      const shown = block.sources
        .slice(0, FIGURE_SOURCES_SHOWN)
        .map((r) => sourceLine(r))
        .join("\n");
      const sources = `${n > 1 ? `In ${n} articles:\n` : ""}${shown}${n > FIGURE_SOURCES_SHOWN ? `\nand ${n - FIGURE_SOURCES_SHOWN} more` : ""}`;
      const claim = block.claimedBy ? `According to ${escape(clean(block.claimedBy))}` : "";
      const differ = block.disagree ? `⚠️ ${escape(clean(Messages.sourcesDisagree(block.disagree)))}` : "";
      const fixed = [head, claim, differ].filter(Boolean).join("\n");
      const sentenceRoom = FIELD_VALUE_MAX - fixed.length - sources.length - 6;
      // The sentence is left out when the field's name already shows all of it.
      const same = (a: string) =>
        clean(a)
          .replace(/[\s.!?…]+$/, "")
          .toLowerCase();
      const named = clean(block.measure).length <= FIELD_NAME_MAX && same(block.measure) === same(block.sentence);
      const sentence = sentenceRoom > 20 && !named ? `> ${fitEscaped(clean(block.sentence), sentenceRoom)}` : "";
      const value = [fixed, sentence, sources].filter(Boolean).join("\n");
      return { name: fit(clean(block.measure) || "Figure", FIELD_NAME_MAX), value: fit(value, FIELD_VALUE_MAX) };
    }
    case "article": {
      const tail = `\n${sourceLine(block.source)}`;
      return {
        name: fit(clean(block.source.title) || block.source.path, FIELD_NAME_MAX),
        value: fitEscaped(clean(block.snippet), FIELD_VALUE_MAX - tail.length) + tail,
      };
    }
    case "person": {
      const lines = [`${block.type} · in ${block.articles} article${block.articles === 1 ? "" : "s"} · ${block.quotes} quote${block.quotes === 1 ? "" : "s"}`];
      if (block.aliases.length) lines.push(`also: ${escape(block.aliases.map(clean).join(", "))}`);
      if (block.roles.length) lines.push(`roles: ${escape(block.roles.map(clean).join(", "))}`);
      return { name: fit(clean(block.name), FIELD_NAME_MAX), value: fit(lines.join("\n"), FIELD_VALUE_MAX) };
    }
    default:
      return { name: "—", value: "—" };
  }
}

/**
 * Where else the quotation is, kept short (a field holds 1,024 characters and the quotation comes first): the
 * first article to report it, linked, and how many others; the longer quotation a partial one belongs to.
 */
function quotedLines(b: QuoteBlock): string {
  const lines: string[] = [];
  const short = (r: SourceRef) => sourceLine(r, 60);
  if (b.reported) {
    const others = b.reported.others.length;
    lines.push(`${escape(Messages.firstReported(b.reported.articles, b.reported.first.date))} ${short(b.reported.first)}`);
    if (others) lines.push(`${Messages.alsoIn} ${others} other article${others === 1 ? "" : "s"}`);
  }
  if (b.partOf) lines.push(`${Messages.partOf}: “${fitEscaped(clean(b.partOf.text), 80)}” ${short(b.partOf.source)}`);
  const parts = b.parts ?? [];
  if (parts.length)
    lines.push(
      `${Messages.quotedInPart}: “${fitEscaped(clean(parts[0].text), 80)}” ${short(parts[0].source)}${parts.length > 1 ? ` and ${parts.length - 1} more` : ""}`,
    );
  return lines.map((l) => `\n${l}`).join("");
}

/** The article, linked when it has a URL, with its date and paragraph. Never longer than a third of a field. */
export function sourceLine(r: SourceRef, titleMax = FIELD_VALUE_MAX): string {
  const max = Math.floor(FIELD_VALUE_MAX / 3);
  const date = r.date ? ` · ${r.date}` : "";
  const para = ` · ¶${r.paragraph}`;
  const url = r.url && /^https?:\/\/[^\s<>()]+$/.test(r.url) && r.url.length < max - 40 ? r.url : null;
  const room = max - date.length - para.length - (url ? url.length + 4 : 0);
  const title = fitEscaped(clean(r.title) || r.path, Math.min(room, titleMax), true);
  return `${url ? `[${title}](${url})` : title}${date}${para}`;
}

/**
 * A quotation in curly quotes, word for word. When it does not fit in `max`, it is cut after the last
 * whole word that fits and marked as continuing in the article: never reworded, never silently shortened.
 */
export function quotation(text: string, max: number): string {
  const words = clean(text);
  const whole = `“${escape(words)}”`;
  if (whole.length <= max) return whole;
  return `“${fitEscaped(words, max - QUOTE_CONTINUES.length - 2, false, "")}”${QUOTE_CONTINUES}`;
}

/** Plain text cut to `max` at a word boundary, with an ellipsis when cut. */
export const fit = (text: string, max: number): string => fitText(text, max);

/** Raw text as Discord markdown (link text, inside [ ], when `link`), cut so that it fits `max`. */
export const fitEscaped = (raw: string, max: number, link = false, marker = ELLIPSIS): string =>
  fitText(raw, max, link ? discordLinkText : discordText, marker);

/** Discord markdown escaped (control characters already gone), so article text shows as written. */
const escape = (s: string): string => discordText(s);

/** Control characters stripped and the ends trimmed; other text left as written. */
export const clean = (s: string): string => plainText(s).trim();

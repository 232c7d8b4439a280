// One text kit for every renderer: what article text may never carry (control characters), how each
// platform's markup is escaped so that nothing copied from an article becomes a mention, a link or
// formatting, and how text is cut to a length — at a word boundary, visibly, never inside an escape, an
// entity or an emoji. The renderers keep only their platform's limits and layout.

// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole purpose
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Longest a quotation quoted only to point at it (a partial quote's longer one) is shown before it is cut. */
export const POINTER_MAX = 160;

/** What marks text that was cut. */
export const ELLIPSIS = "…";

/** How text is made safe for one kind of output. Every escape removes control characters first. */
export type Escape = (text: string) => string;

/**
 * Control characters removed (an article cannot move a terminal's cursor, change its colours or ring its
 * bell); newlines and tabs kept. Plain text: a terminal, a button label, an embed title.
 */
export const plainText: Escape = (s) => s.replace(CONTROL, "");

/**
 * Slack mrkdwn: `&`, `<` and `>` are Slack's control characters, so escaped, article text can be neither a
 * mention (`<!channel>`, `<@U…>`) nor a link. Plain "@here" is left to `verbatim: true` on every text object.
 */
export const slackText: Escape = (s) => plainText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Discord markdown escaped, so article text shows as written; the escaped `>` also keeps `<@123>` from
 * reading as a mention (and allowed_mentions, set by the adapter, lets nothing ping).
 */
export const discordText: Escape = (s) => plainText(s).replace(/([\\*_~`|>])/g, "\\$1");

/** Discord markdown inside a link's [text]: brackets escaped too. */
export const discordLinkText: Escape = (s) => discordText(s).replace(/([[\]])/g, "\\$1");

/**
 * `raw` escaped, and when that is longer than `max`, cut so that it fits with `marker` at the end: after
 * the last whole word that fits (inside a word only when that keeps less than half the room). The cut is
 * made on the raw text and then escaped, so an escape or entity is never split; nor is an emoji.
 */
export function fitText(raw: string, max: number, escape: Escape = plainText, marker = ELLIPSIS): string {
  if (max <= 0) return "";
  // Control characters go first; what remains only lengthens when escaped, so nothing past max + 1 raw
  // characters can show, and a huge text costs no more than a short one.
  const text = plainText(raw);
  const bounded = text.length <= max + 1 ? text : text.slice(0, max + 1);
  if (bounded.length === text.length) {
    const whole = escape(text);
    if (whole.length <= max) return whole;
  }
  const room = max - marker.length;
  if (room <= 0) return marker.slice(0, max);
  // The longest raw prefix whose escaped form fits.
  let lo = 0;
  let hi = bounded.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (escape(bounded.slice(0, mid)).length <= room) lo = mid;
    else hi = mid - 1;
  }
  let cut = bounded.slice(0, lo);
  if (!/\s/.test(text[lo] ?? " ")) {
    const space = cut.search(/\s\S*$/);
    if (space > lo / 2) cut = cut.slice(0, space);
  }
  cut = cut.trimEnd();
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return escape(cut) + marker;
}

/** A normalised value a reader can check at a glance: 4.4e9 GBP → "4,400,000,000 GBP". */
export function formatValue(value: number, unit: string): string {
  return `${value.toLocaleString("en-GB", { maximumFractionDigits: 4 })} ${unit}`;
}

// Slack's Block Kit as this renderer uses it: the limits it holds every message to, and the few block types
// it produces.

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

export const ACTION_MORE = "newsbot_more";
export const ACTION_SHARE = "newsbot_share";

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

export const section = (text: string): SectionBlock => ({ type: "section", text: { type: "mrkdwn", text, verbatim: true } });
export const context = (text: string): ContextBlock => ({ type: "context", elements: [{ type: "mrkdwn", text, verbatim: true }] });

export const blockTextLength = (b: SlackBlock): number =>
  b.type === "section" ? b.text.text.length : b.type === "context" ? b.elements.reduce((n, e) => n + e.text.length, 0) : 0;

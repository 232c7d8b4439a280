// What Slack checks of a message the bot posts (Block Kit's limits, which neither Bolt nor the Web API
// client checks) and whom it would notify.
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  text: 40_000,
  blocksText: 13_000,
};

/** Slack's complaint about a message, or null when it is fine. */
export function checkMessage(body: Record<string, unknown>): string | null {
  const text = typeof body.text === "string" ? body.text : "";
  if (text.length > LIMITS.text) return "msg_too_long";
  const blocks = body.blocks as unknown[] | undefined;
  if (blocks === undefined) return text ? null : "no_text";
  if (!Array.isArray(blocks) || blocks.length > LIMITS.blocks) return "invalid_blocks";
  let total = 0;
  for (const b of blocks as Record<string, any>[]) {
    if (b.type === "section") {
      if (typeof b.text?.text !== "string" || b.text.text.length > LIMITS.sectionText || b.text.text.length === 0) return "invalid_blocks";
      total += b.text.text.length;
    } else if (b.type === "context") {
      if (!Array.isArray(b.elements) || b.elements.length > LIMITS.contextElements || b.elements.length === 0) return "invalid_blocks";
      for (const e of b.elements) {
        if (typeof e.text !== "string" || e.text.length > LIMITS.sectionText) return "invalid_blocks";
        total += e.text.length;
      }
    } else if (b.type === "actions") {
      if (!Array.isArray(b.elements) || b.elements.length > 25 || b.elements.length === 0) return "invalid_blocks";
      for (const e of b.elements) {
        if (e.type !== "button" || !e.text?.text || e.text.text.length > LIMITS.buttonText) return "invalid_blocks";
        if (typeof e.value === "string" && e.value.length > LIMITS.buttonValue) return "invalid_blocks";
        if (!e.action_id || e.action_id.length > LIMITS.actionId) return "invalid_blocks";
      }
    } else if (b.type !== "divider") return "invalid_blocks";
  }
  if (total > LIMITS.blocksText) return "msg_blocks_too_long";
  return null;
}

/**
 * Who a posted message would notify, as Slack reads it: the control sequences `<!channel>`, `<!here>`,
 * `<!everyone>`, `<!subteam^…>` and `<@U…>` anywhere; and the plain words `@channel`, `@here`, `@everyone`
 * where Slack parses them itself — the top-level text with `link_names` or `parse: full`, and mrkdwn text
 * objects that are not `verbatim` (Slack: "certain mentions will be automatically parsed").
 */
export function liveMentions(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  const control = /<(!channel|!here|!everyone|!subteam\^[^>]*|@[UW][A-Z0-9]+)(\|[^>]*)?>/g;
  const words = /(^|[^\w@])@(channel|here|everyone)\b/g;
  const scan = (text: string, parsed: boolean) => {
    for (const m of text.matchAll(control)) out.push(m[0]);
    if (parsed) for (const m of text.matchAll(words)) out.push(`@${m[2]}`);
  };
  const flag = (v: unknown) => v === true || v === "true" || v === 1 || v === "1";
  if (typeof body.text === "string") scan(body.text, flag(body.link_names) || body.parse === "full");
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.text === "string" && (o.type === "mrkdwn" || o.type === "plain_text")) scan(o.text, o.type === "mrkdwn" && o.verbatim !== true);
      for (const x of Object.values(o)) if (typeof x === "object") walk(x);
    }
  };
  walk(body.blocks);
  return out;
}

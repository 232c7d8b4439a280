// Shared by the Slack tests: signed requests as Slack sends them, and an articles folder with a hostile article.
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { writeArticles } from "../helpers/process.ts";

export const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-1111-2222-abcdefghijklmnop";
export const APP_TOKEN = "xapp-1-A1-3333-qrstuvwxyz0123456789";

/** An article whose title and quotation try to ping everyone and a user, and to smuggle a link. */
export const HOSTILE_ARTICLE = `---
title: "Council row <!channel> over <@U123> budget & <https://evil.test|cuts>"
date: 2024-05-01
url: https://news.example/council-row?a=1&b=2
---
The council row rumbled on this week.

"Tell <!channel> and <!here> and @here that <@U123> & co will pay for this <https://evil.test|now>," said Jane Doe, the council leader.
`;

/** A copy of data/articles plus the hostile article, in `root`/articles. */
export function articlesWithHostile(root: string): string {
  return writeArticles(join(root, "articles"), { "zz-hostile.md": HOSTILE_ARTICLE });
}

export function sign(body: string, ts: number, secret = SECRET): string {
  return "v0=" + createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
}

export interface PostOptions {
  secret?: string;
  /** Seconds since the epoch (default now). */
  ts?: number;
}

/** POSTs a form to /slack/events, signed as Slack signs it. */
export async function postSigned(port: number, form: Record<string, string>, options: PostOptions = {}) {
  const ts = options.ts ?? Math.floor(Date.now() / 1000);
  const body = new URLSearchParams(form).toString();
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": sign(body, ts, options.secret),
    },
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, text, json };
}

export function slashForm(command: string, text: string, responseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    token: "verification-token-unused",
    team_id: "T1",
    team_domain: "newsroom",
    channel_id: "C1",
    channel_name: "newsdesk",
    user_id: "U1",
    user_name: "reporter",
    command,
    text,
    api_app_id: "A1",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "1.2.3",
    ...extra,
  };
}

export function buttonForm(actionId: string, value: string, responseUrl: string): Record<string, string> {
  const payload = {
    type: "block_actions",
    user: { id: "U1", username: "reporter", name: "reporter", team_id: "T1" },
    api_app_id: "A1",
    token: "verification-token-unused",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: "C1", is_ephemeral: true },
    trigger_id: "1.2.4",
    team: { id: "T1", domain: "newsroom" },
    channel: { id: "C1", name: "newsdesk" },
    response_url: responseUrl,
    actions: [{ action_id: actionId, block_id: "b1", text: { type: "plain_text", text: "x" }, value, type: "button", action_ts: "1700000001.000200" }],
  };
  return { payload: JSON.stringify(payload) };
}

/** Live Slack mentions and links that must never come from article text. */
export const LIVE_MENTION = /<!channel>|<!here>|<!everyone>|<@U123>|<https:\/\/evil\.test/;

/** Every text Slack shows from a message (button values are not shown, so they are left out). */
export function visibleText(message: any): string {
  const out: string[] = [];
  const walk = (v: any, key = ""): void => {
    if (typeof v === "string") {
      if (key === "text") out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (k !== "value") walk(x, k);
  };
  walk(message);
  return out.join("\n");
}

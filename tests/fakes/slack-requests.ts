// What Slack sends the bot: signed slash-command and button forms, POSTed as Slack POSTs them.
import { createHmac } from "node:crypto";

/** Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>` under the signing secret. */
export function sign(secret: string, timestamp: number, body: string): string {
  return "v0=" + createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
}

export interface SlashOptions {
  user?: string;
  channel?: string;
  responseUrl?: string;
  /** Seconds since the epoch (default: now). */
  timestamp?: number;
  /** Sign with this secret instead (a forgery). */
  secret?: string;
  /** Send exactly this signature. */
  signature?: string;
}

/** The form Slack POSTs for a slash command. */
export function slashForm(command: string, text: string, o: SlashOptions = {}): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: "T1",
    team_domain: "newsroom",
    channel_id: o.channel ?? "C1",
    channel_name: "newsdesk",
    user_id: o.user ?? "U1",
    user_name: "reporter",
    command,
    text,
    api_app_id: "A1",
    is_enterprise_install: "false",
    ...(o.responseUrl ? { response_url: o.responseUrl } : {}),
    trigger_id: "1.2.3",
  }).toString();
}

export interface Posted {
  status: number;
  body: string;
  json: any;
  ms: number;
}

/** POSTs a form to the bot's /slack/events as Slack would, signed with `secret` (unless told otherwise). */
export async function postSigned(eventsUrl: string, secret: string, form: string, o: SlashOptions = {}): Promise<Posted> {
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = o.signature ?? sign(o.secret ?? secret, ts, form);
  const started = Date.now();
  const res = await fetch(eventsUrl, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(ts), "x-slack-signature": signature },
  });
  const body = await res.text();
  let json: any = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, json, ms: Date.now() - started };
}

/** Interactivity: a block_actions payload for a button press, as a signed form `payload=…`. */
export function buttonForm(actionId: string, value: string, o: { user?: string; channel?: string; responseUrl?: string } = {}): string {
  const payload = {
    type: "block_actions",
    team: { id: "T1", domain: "newsroom" },
    user: { id: o.user ?? "U1", username: "reporter", team_id: "T1" },
    api_app_id: "A1",
    token: "deprecated-verification-token",
    container: { type: "message", message_ts: "1.000001", channel_id: o.channel ?? "C1", is_ephemeral: true },
    trigger_id: "1.2.3",
    channel: { id: o.channel ?? "C1", name: "newsdesk" },
    ...(o.responseUrl ? { response_url: o.responseUrl } : {}),
    actions: [{ type: "button", action_id: actionId, block_id: "b1", text: { type: "plain_text", text: "x" }, value, action_ts: "1.2" }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

// A fake Slack on 127.0.0.1: the Web API (`/api/<method>`), response URLs (`/respond/<id>`, 5 uses within
// 30 minutes, as Slack) and a Socket Mode WebSocket (`/link`). It records every call, enforces Block Kit's
// limits (neither Bolt nor the Web API client checks them) and can be told to fail: 429 + Retry-After,
// 500, `{ok:false}` or a slow answer.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface Call {
  method: string;
  /** Form fields / JSON body, with `blocks` parsed. */
  body: Record<string, unknown>;
  headers: IncomingMessage["headers"];
  status: number;
  response: unknown;
}

/** `until`: the call is held, unanswered, until the promise settles (a platform that hangs), then answered as usual. */
export type Fault = { status: 429; retryAfter: number } | { status: 500 } | { error: string } | { delayMs: number } | { until: Promise<unknown> };

export const LIMITS = { blocks: 50, sectionText: 3000, contextElements: 10, buttonText: 75, buttonValue: 2000, actionId: 255, text: 40_000, blocksText: 13_000 };
export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

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

export interface FakeSlack {
  url: string;
  apiUrl: string;
  port: number;
  calls: Call[];
  /** Calls of one Web API method, or `respond` for response URLs. */
  of(method: string): Call[];
  /** The next calls of `method` fail this way, in order. */
  fail(method: string, ...faults: Fault[]): void;
  /** A fresh response URL; `uses`/`ageMs` start it part-used or old. */
  responseUrl(options?: { uses?: number; ageMs?: number }): string;
  /** Resolves with the first call (past or future) matching. */
  waitFor(method: string, match?: (c: Call) => boolean, timeoutMs?: number): Promise<Call>;
  /**
   * Socket Mode: sends an envelope and resolves with the client's acknowledgement payload. Slack spreads an
   * app's events across its open connections; `socket` picks one (0 = the oldest; default the newest).
   */
  sendEnvelope(type: string, payload: Record<string, unknown>, timeoutMs?: number, socket?: number): Promise<Record<string, unknown> | undefined>;
  socketConnected(): Promise<void>;
  /** Socket Mode connections open now. */
  socketCount(): number;
  /** Calls held by an `until` fault whose client is still waiting for the answer. */
  held(method: string): number;
  /** Resolves once a call of `method` is being held. */
  waitHeld(method: string): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: Call[] = [];
  const faults = new Map<string, Fault[]>();
  const urls = new Map<string, { uses: number; created: number }>();
  const waiters: { method: string; match: (c: Call) => boolean; resolve: (c: Call) => void }[] = [];
  const held: { method: string; open: boolean }[] = [];
  let heldWaiters: (() => void)[] = [];
  let nextId = 1;
  let sockets: WebSocket[] = [];
  const acks = new Map<string, (payload: Record<string, unknown> | undefined) => void>();
  let onSocket: (() => void)[] = [];

  const record = (c: Call) => {
    calls.push(c);
    for (const w of [...waiters]) {
      if (w.method === c.method && w.match(c)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(c);
      }
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: Record<string, unknown> = {};
    if ((req.headers["content-type"] ?? "").startsWith("application/json")) {
      try {
        body = JSON.parse(raw || "{}");
      } catch {
        body = { raw };
      }
    } else {
      body = Object.fromEntries(new URLSearchParams(raw));
      for (const k of ["blocks", "attachments"]) if (typeof body[k] === "string") try { body[k] = JSON.parse(body[k] as string); } catch { /* left as is */ }
    }
    const path = (req.url ?? "").split("?")[0];
    const respondMatch = /^\/respond\/([\w-]+)$/.exec(path);
    const method = respondMatch ? "respond" : path.replace(/^\/api\//, "");

    const fault = faults.get(method)?.shift();
    if (fault && "delayMs" in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && "until" in fault) {
      const entry = { method, open: true };
      held.push(entry);
      res.once("close", () => (entry.open = false));
      for (const w of heldWaiters.splice(0)) w();
      await fault.until.catch(() => {});
      held.splice(held.indexOf(entry), 1);
      if (!entry.open) return; // the client gave up waiting: nobody to answer
    }
    const answer = (status: number, response: unknown, headers?: Record<string, string>) => {
      record({ method, body, headers: req.headers, status, response });
      send(res, status, response, headers);
    };
    if (fault && "status" in fault) {
      if (fault.status === 429) return answer(429, { ok: false, error: "ratelimited" }, { "retry-after": String(fault.retryAfter) });
      return answer(500, { ok: false, error: "internal_error" });
    }
    if (fault && "error" in fault) return answer(200, { ok: false, error: fault.error });

    if (respondMatch) {
      const u = urls.get(respondMatch[1]);
      if (!u || Date.now() - u.created > RESPONSE_URL_TTL_MS) return answer(404, { ok: false, error: "expired_url" });
      if (u.uses >= RESPONSE_URL_USES) return answer(404, { ok: false, error: "used_url" });
      const problem = checkMessage(body);
      if (problem) return answer(400, { ok: false, error: problem });
      u.uses++;
      return answer(200, { ok: true });
    }
    if (!path.startsWith("/api/")) return answer(404, { ok: false, error: "unknown_method" });
    const auth = req.headers.authorization ?? (body.token ? `Bearer ${body.token}` : "");
    if (!/^Bearer x(oxb|app)-/.test(auth)) return answer(200, { ok: false, error: "not_authed" });
    switch (method) {
      case "auth.test":
        return answer(200, { ok: true, url: "https://newsroom.slack.test/", team: "Newsroom", user: "newsbot", team_id: "T1", user_id: "U0BOT", bot_id: "B0BOT" });
      case "apps.connections.open":
        if (!auth.startsWith("Bearer xapp-")) return answer(200, { ok: false, error: "invalid_auth" });
        return answer(200, { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=t${nextId++}&app_id=A1` });
      case "chat.postMessage":
      case "chat.postEphemeral": {
        if (!body.channel) return answer(200, { ok: false, error: "channel_not_found" });
        if (method === "chat.postEphemeral" && !body.user) return answer(200, { ok: false, error: "user_not_found" });
        const problem = checkMessage(body);
        if (problem) return answer(200, { ok: false, error: problem });
        const ts = `${Math.floor(Date.now() / 1000)}.${String(nextId++).padStart(6, "0")}`;
        return answer(200, method === "chat.postMessage" ? { ok: true, channel: body.channel, ts } : { ok: true, message_ts: ts });
      }
      default:
        return answer(200, { ok: false, error: "unknown_method" });
    }
  });

  const wss = new WebSocketServer({ server, path: "/link/" });
  wss.on("connection", (ws) => {
    sockets.push(ws);
    ws.on("close", () => (sockets = sockets.filter((s) => s !== ws)));
    ws.on("message", (data) => {
      try {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (msg.envelope_id) acks.get(msg.envelope_id)?.(msg.payload);
      } catch {
        /* not JSON: ignored */
      }
    });
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" }, debug_info: { host: "fake" } }));
    for (const f of onSocket) f();
    onSocket = [];
  });

  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    port,
    calls,
    of: (method) => calls.filter((c) => c.method === method),
    fail(method, ...f) {
      faults.set(method, [...(faults.get(method) ?? []), ...f]);
    },
    responseUrl(options = {}) {
      const id = `r${nextId++}`;
      urls.set(id, { uses: options.uses ?? 0, created: Date.now() - (options.ageMs ?? 0) });
      return `${url}/respond/${id}`;
    },
    waitFor(method, match = () => true, timeoutMs = 10_000) {
      const done = calls.find((c) => c.method === method && match(c));
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const w = { method, match, resolve };
        waiters.push(w);
        setTimeout(() => {
          if (waiters.includes(w)) {
            waiters.splice(waiters.indexOf(w), 1);
            reject(new Error(`no ${method} call within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(", ")}`));
          }
        }, timeoutMs).unref();
      });
    },
    held: (method) => held.filter((h) => h.method === method && h.open).length,
    async waitHeld(method) {
      while (!held.some((h) => h.method === method)) await new Promise<void>((r) => heldWaiters.push(r));
    },
    socketConnected() {
      if (sockets.length) return Promise.resolve();
      return new Promise((r) => onSocket.push(r));
    },
    socketCount: () => sockets.length,
    sendEnvelope(type, payload, timeoutMs = 10_000, socket = sockets.length - 1) {
      const id = `e${nextId++}`;
      const ws = sockets[socket];
      if (!ws) return Promise.reject(new Error("no Socket Mode client connected"));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`envelope ${id} not acknowledged`)), timeoutMs);
        acks.set(id, (p) => {
          clearTimeout(timer);
          resolve(p);
        });
        ws.send(JSON.stringify({ envelope_id: id, type, accepts_response_payload: true, payload }));
      });
    },
    async close() {
      for (const s of sockets) s.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

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

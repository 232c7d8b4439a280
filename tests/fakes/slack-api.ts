// A fake Slack on 127.0.0.1: the Web API (`/api/<method>`), response URLs (`/respond/<id>`, 5 uses within
// 30 minutes, as Slack) and a Socket Mode WebSocket (`/link`). It records every call, enforces Block Kit's
// limits (neither Bolt nor the Web API client checks them) and can be told to fail: 429 + Retry-After,
// 500, `{ok:false}` or a slow answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { checkMessage } from "./slack-limits.ts";

export { checkMessage, liveMentions, LIMITS } from "./slack-limits.ts";
export { buttonForm, postSigned, sign, slashForm, type Posted, type SlashOptions } from "./slack-requests.ts";

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

export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

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
  const heldWaiters: (() => void)[] = [];
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

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
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
      for (const k of ["blocks", "attachments"])
        if (typeof body[k] === "string")
          try {
            body[k] = JSON.parse(body[k]);
          } catch {
            /* left as is */
          }
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
        return answer(200, {
          ok: true,
          url: "https://newsroom.slack.test/",
          team: "Newsroom",
          user: "newsbot",
          team_id: "T1",
          user_id: "U0BOT",
          bot_id: "B0BOT",
        });
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
  };
  const server: Server = createServer((req, res) => void handle(req, res));

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

// A local fake of Discord: the REST API (gateway/bot, interaction callbacks, webhooks, channel messages,
// bulk command registration) and the gateway (HELLO → IDENTIFY → READY, heartbeat ACKs, RESUME), on
// 127.0.0.1 with ports picked by the system. It records every REST call, enforces Discord's message limits
// the way Discord does (400, code 50035), and can inject 429s, 500s and dropped gateway connections.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { APP_ID, CHANNEL_ID, guildPayload, interactionPayload, messagePayload, readyPayload } from "./discord-payloads.ts";
import { answerRest, type Fault, type RestCall } from "./discord-rest.ts";

export { messageProblems, pings } from "./discord-limits.ts";
export type { Fault, RestCall } from "./discord-rest.ts";
export { APP_ID, BOT_USER_ID, CHANNEL_ID, GUILD_ID, USER_ID } from "./discord-payloads.ts";

export interface FakeOptions {
  /** The HELLO heartbeat interval: Discord's 41250 ms, or a few hundred to exercise heartbeats in a test. */
  heartbeatInterval?: number;
  /** As Discord does for a bot in a server: READY lists the guild as unavailable, then GUILD_CREATE follows. */
  inGuild?: boolean;
}

/** Discord's epoch (2015-01-01): snowflakes carry their creation time from it. */
const DISCORD_EPOCH = 1420070400000n;

export class FakeDiscord {
  readonly calls: RestCall[] = [];
  readonly gatewayLog: { dir: "in" | "out"; op: number; t?: string | null }[] = [];
  readonly faults: Fault[] = [];
  identifies = 0;
  resumes = 0;
  heartbeats = 0;
  commands: any[] = [];
  /** When false, heartbeats go unanswered (a zombie connection, which the client must notice and resume). */
  ackHeartbeats = true;
  /** The next this-many gateway connections are cut at once, before HELLO (the gateway unreachable for a while). */
  refuseConnections = 0;
  /** When true, a RESUME is refused with INVALID_SESSION (d:false), so the client must identify afresh. */
  refuseResume = false;
  /** When set, REST calls with any other bot token get 401 (a wrong or reset token). */
  validToken: string | null = null;
  /** Every interaction's responses, by interaction id. */
  readonly responses = new Map<string, { type: number; data?: any }[]>();
  messages: any[] = [];
  private http!: Server;
  private wss!: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private counter = 0n;
  private heartbeatInterval = 41250;
  private inGuild = false;
  private waiters: { pred: (c: RestCall) => boolean; resolve: (c: RestCall) => void }[] = [];
  apiUrl = "";
  gatewayUrl = "";

  static async start(options: FakeOptions = {}): Promise<FakeDiscord> {
    const f = new FakeDiscord();
    if (options.heartbeatInterval) f.heartbeatInterval = options.heartbeatInterval;
    f.inGuild = options.inGuild ?? false;
    await f.listen();
    return f;
  }

  private async listen() {
    this.wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((r) => this.wss.once("listening", () => r()));
    this.gatewayUrl = `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
    this.wss.on("connection", (ws) => this.onSocket(ws));
    this.http = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((r) => this.http.listen(0, "127.0.0.1", () => r()));
    this.apiUrl = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}/api`;
  }

  /** A snowflake made now, as Discord's are (so `createdTimestamp` is the time it was made). */
  id(at = Date.now()): string {
    return String(((BigInt(at) - DISCORD_EPOCH) << 22n) | (this.counter++ & 0xfffn));
  }

  // ---- gateway -----------------------------------------------------------------------------------------

  private onSocket(ws: WebSocket) {
    if (this.refuseConnections > 0) {
      this.refuseConnections--;
      this.gatewayLog.push({ dir: "out", op: -1, t: "refused" });
      ws.terminate();
      return;
    }
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    this.send(ws, { op: 10, d: { heartbeat_interval: this.heartbeatInterval } });
    ws.on("message", (raw) => {
      const msg = JSON.parse(String(raw));
      this.gatewayLog.push({ dir: "in", op: msg.op });
      if (msg.op === 1) {
        this.heartbeats++;
        if (this.ackHeartbeats) this.send(ws, { op: 11 });
      } else if (msg.op === 2) {
        this.identifies++;
        this.seq = 0;
        this.send(ws, {
          op: 0,
          t: "READY",
          s: ++this.seq,
          d: readyPayload(this.gatewayUrl, this.inGuild),
        });
        if (this.inGuild) this.send(ws, { op: 0, t: "GUILD_CREATE", s: ++this.seq, d: guildPayload() });
      } else if (msg.op === 6) {
        this.resumes++;
        if (this.refuseResume) this.send(ws, { op: 9, d: false });
        else this.send(ws, { op: 0, t: "RESUMED", s: ++this.seq, d: {} });
      }
    });
  }

  private send(ws: WebSocket, payload: { op: number; t?: string; s?: number; d?: unknown }) {
    this.gatewayLog.push({ dir: "out", op: payload.op, t: payload.t ?? null });
    ws.send(JSON.stringify({ t: null, s: null, d: null, ...payload }));
  }

  get connected(): number {
    return this.sockets.size;
  }

  /** A gateway event to every connected client. */
  dispatch(t: string, d: unknown) {
    for (const ws of this.sockets) this.send(ws, { op: 0, t, s: ++this.seq, d });
  }

  /** Drops every gateway connection (4000: unknown error, which the client answers by resuming). */
  dropGateway(code = 4000) {
    for (const ws of this.sockets) ws.close(code, "fake: dropped");
  }

  /** op 7: Discord asks the client to reconnect and resume. */
  requestReconnect() {
    for (const ws of this.sockets) this.send(ws, { op: 7, d: null });
  }

  /** op 9: the session is invalid; `resumable` false means identify afresh. */
  invalidateSession(resumable: boolean) {
    for (const ws of this.sockets) this.send(ws, { op: 9, d: resumable });
  }

  /** op 1 from the server: the client must heartbeat at once. */
  requestHeartbeat() {
    for (const ws of this.sockets) this.send(ws, { op: 1, d: this.seq });
  }

  // ---- interactions -------------------------------------------------------------------------------------

  private base(type: number, data: any, extra: Record<string, unknown> = {}, ageMs = 0) {
    return interactionPayload(this.id(Date.now() - ageMs), type, data, extra);
  }

  /** A slash command, as Discord would send it; returns the interaction id. `ageMs`: created that long ago (delayed on the way). */
  command(name: string, query?: string, ageMs = 0): string {
    const d = this.base(2, { id: this.id(), name, type: 1, options: query === undefined ? [] : [{ type: 3, name: "query", value: query }] }, {}, ageMs);
    this.dispatch("INTERACTION_CREATE", d);
    return d.id;
  }

  /** A slash command in a direct message with the bot: `user` instead of `member`, no guild. */
  directCommand(name: string, query?: string): string {
    const d: Record<string, unknown> = this.base(
      2,
      { id: this.id(), name, type: 1, options: query === undefined ? [] : [{ type: 3, name: "query", value: query }] },
      { context: 1 },
    );
    const member = d.member as { user: unknown };
    d.user = member.user;
    delete d.member;
    delete d.guild_id;
    delete d.guild_locale;
    d.channel = { id: CHANNEL_ID, type: 1, recipients: [member.user] };
    this.dispatch("INTERACTION_CREATE", d);
    return d.id as string;
  }

  /** Any other interaction (type and data as Discord sends them); returns its id. */
  interaction(type: number, data: any, extra: Record<string, unknown> = {}): string {
    const d = this.base(type, data, extra);
    this.dispatch("INTERACTION_CREATE", d);
    return d.id;
  }

  autocomplete(name: string, partial: string): string {
    const d = this.base(4, { id: this.id(), name, type: 1, options: [{ type: 3, name: "query", value: partial, focused: true }] });
    this.dispatch("INTERACTION_CREATE", d);
    return d.id;
  }

  /** A click on a button of `message` (a message object the bot sent). */
  click(customId: string, message: any = {}): string {
    const msg = { ...messagePayload(this.id(), {}, CHANNEL_ID, 20), flags: 64, ...message };
    const d = this.base(3, { custom_id: customId, component_type: 2 }, { message: msg });
    this.dispatch("INTERACTION_CREATE", d);
    return d.id;
  }

  /** Resolves with the first REST call (past or future) that matches. */
  waitFor(pred: (c: RestCall) => boolean, timeoutMs = 8000): Promise<RestCall> {
    const found = this.calls.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`fake Discord: no matching call within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(", ")}`),
          ),
        timeoutMs,
      );
      this.waiters.push({
        pred,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  /** The first successful callback for an interaction (the "first response"). */
  firstResponse(interactionId: string, timeoutMs = 8000) {
    return this.waitFor((c) => c.status < 300 && c.path.startsWith(`/api/v10/interactions/${interactionId}/`), timeoutMs);
  }

  /** The message the user finally sees for an interaction: the callback's data, or the edit after a deferral. */
  async finalMessage(interactionId: string, timeoutMs = 8000): Promise<any> {
    const first = await this.firstResponse(interactionId, timeoutMs);
    if (first.body.type === 4 || first.body.type === 7) return first.body.data;
    const token = `interaction-token-${interactionId}`;
    const edit = await this.waitFor((c) => c.status < 300 && c.path.includes(`/webhooks/${APP_ID}/${token}`), timeoutMs);
    return edit.body;
  }

  inject(fault: Fault) {
    this.faults.push({ ...fault });
  }

  // ---- REST ---------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://x");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: any = null;
    if (raw) {
      try {
        body = (req.headers["content-type"] ?? "").includes("json") ? JSON.parse(raw) : raw;
      } catch {
        body = raw;
      }
    }
    const call: RestCall = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.search,
      auth: (req.headers.authorization as string) ?? null,
      body,
      status: 0,
      at: Date.now(),
    };
    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      this.calls.push(call);
      const text = payload === undefined ? "" : JSON.stringify(payload);
      res.writeHead(status, { ...(text ? { "content-type": "application/json" } : {}), ...headers });
      res.end(text);
      for (const w of [...this.waiters]) {
        if (w.pred(call)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(call);
        }
      }
    };

    answerRest(this, call, reply);
  }

  /** Calls refused as invalid (a limit broken, an interaction answered twice): a working bot makes none. */
  rejected(): RestCall[] {
    return this.calls.filter((c) => c.status === 400);
  }

  /** REST calls that send a message (callbacks with data, webhooks, channel posts). */
  sends(): RestCall[] {
    return this.calls.filter(
      (c) =>
        c.status < 300 &&
        ((/\/callback$/.test(c.path) && [4, 7].includes(c.body?.type)) || /\/webhooks\//.test(c.path) || /\/channels\/\d+\/messages$/.test(c.path)),
    );
  }

  async stop() {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.http.closeAllConnections();
    await new Promise<void>((r) => this.http.close(() => r()));
  }
}

// The fake Discord's REST API: what each route answers, with the faults a test injected first and
// Discord's checks of a message's limits (400, code 50035) and of the bot token (401).
import { commandProblems, messageProblems } from "./discord-limits.ts";
import { GUILD_ID, messagePayload } from "./discord-payloads.ts";
import type { FakeDiscord } from "./discord.ts";

export interface RestCall {
  method: string;
  path: string;
  query: string;
  auth: string | null;
  body: any;
  status: number;
  at: number;
}

export interface Fault {
  method?: string;
  path: RegExp;
  status: 403 | 429 | 500 | 502;
  /** How many matching calls fail. */
  times: number;
  retryAfter?: number;
}

export type Reply = (status: number, payload?: unknown, headers?: Record<string, string>) => void;

/** Answers one REST call through `reply`, recording what it changed on `f` (commands, responses, messages). */
export function answerRest(f: FakeDiscord, call: RestCall, reply: Reply): void {
  const body = call.body;
  const fault = f.faults.find((x) => x.times > 0 && x.path.test(call.path) && (!x.method || x.method === call.method));
  if (fault) {
    fault.times--;
    if (fault.status === 429) {
      const after = fault.retryAfter ?? 0.2;
      return reply(
        429,
        { message: "You are being rate limited.", retry_after: after, global: false },
        { "retry-after": String(after), "x-ratelimit-scope": "user" },
      );
    }
    if (fault.status === 403) return reply(403, { message: "Missing Access", code: 50001 });
    return reply(fault.status, { message: "Internal Server Error", code: 0 });
  }

  const invalid = (problems: string[]) =>
    reply(400, { code: 50035, message: "Invalid Form Body", errors: { _errors: problems.map((p) => ({ code: "BASE_TYPE_MAX_LENGTH", message: p })) } });
  const needsAuth = () => !call.auth?.startsWith("Bot ") || (f.validToken !== null && call.auth !== `Bot ${f.validToken}`);
  const p = call.path;
  let m: RegExpExecArray | null;

  if (call.method === "GET" && p === "/api/v10/gateway/bot") {
    if (needsAuth()) return reply(401, { message: "401: Unauthorized", code: 0 });
    return reply(200, { url: f.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
  }
  if ((m = /^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(p)) && call.method === "PUT") {
    if (needsAuth()) return reply(401, { message: "401: Unauthorized", code: 0 });
    const problems = commandProblems(body);
    if (problems.length) return invalid(problems);
    f.commands = body.map((c: any) => ({ ...c, id: f.id(), application_id: m![1], guild_id: m![2], version: f.id() }));
    return reply(200, f.commands);
  }
  if ((m = /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(p)) && call.method === "POST") {
    const list = f.responses.get(m[1]) ?? [];
    if (list.length > 0) return reply(400, { code: 40060, message: "Interaction has already been acknowledged." });
    const problems = messageProblems(body?.data);
    if (problems.length) return invalid(problems);
    list.push(body);
    f.responses.set(m[1], list);
    return reply(204);
  }
  if ((m = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(p))) {
    const problems = messageProblems(body);
    if (problems.length) return invalid(problems);
    const message = messagePayload(f.id(), body);
    f.messages.push(message);
    return reply(200, message);
  }
  if ((m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(p)) && call.method === "POST") {
    if (needsAuth()) return reply(401, { message: "401: Unauthorized", code: 0 });
    const problems = messageProblems(body);
    if (problems.length) return invalid(problems);
    const message = messagePayload(f.id(), body, m[1]);
    f.messages.push(message);
    return reply(200, message);
  }
  if ((m = /^\/api\/v10\/channels\/(\d+)$/.exec(p)) && call.method === "GET") {
    return reply(200, { id: m[1], type: 0, guild_id: GUILD_ID, name: "newsroom", position: 0, permission_overwrites: [] });
  }
  return reply(404, { message: "404: Not Found", code: 0 });
}

// Faults around the Slack adapter, through the real Bolt App against the fake Slack on 127.0.0.1 (the happy
// paths are in slack.test.ts): malformed signatures, a 429 that must not hold up other requests, a Slack
// that stays down, a command that throws, a bad or unreachable Slack at start, and Socket Mode's slow path.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack, type RunningSlack } from "../../src/chat/slack.ts";
import { loadConfig, type SlackConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { Messages } from "../../src/reply/messages.ts";
import { checkMessage, postSigned, slashForm, startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { articlesFolder } from "../helpers/process.ts";

const BOT_TOKEN = "xoxb-1111-2222-neverLoggedBotToken";
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const APP_TOKEN = "xapp-1-A1-3333-neverLoggedAppToken";

const { root, articles } = articlesFolder("newsbot-slack-", {
  "zz_mentions.txt":
    "Councillor pings the whole channel\n\nThe councillor Jane Placeholder said: “<!channel> and <!here> should read this, ask <@U123> & <https://evil.example|click> because @here and @everyone matter.”\n",
});

let fake: FakeSlack;
let bot: Bot;
let hooked: Bot;
let slack: RunningSlack;
let events: string;
const log = memoryLogger();
const ACK_BUDGET = 300;
/** Answers to "slow …" wait here until the test has their acknowledgement: slow without a fixed sleep. */
const held: (() => void)[] = [];
const letSlowAnswersGo = () => {
  for (const go of held.splice(0)) go();
};

const config = (o: Partial<SlackConfig> = {}): SlackConfig => ({
  botToken: BOT_TOKEN,
  signingSecret: SECRET,
  appToken: null,
  apiUrl: fake.apiUrl,
  port: 0,
  digestChannel: null,
  ...o,
});
const slash = (command: string, text: string, o: Parameters<typeof slashForm>[2] = {}) => postSigned(events, SECRET, slashForm(command, text, o), o);
const sectionText = (m: any): string =>
  (m?.blocks ?? []).map((b: any) => b.text?.text ?? (b.elements ?? []).map((e: any) => e.text?.text ?? e.text).join(" ")).join("\n");

beforeAll(async () => {
  fake = await startFakeSlack();
  const cfg = loadConfig({ env: { NEWSBOT_ARTICLES: articles, NEWSBOT_DB: join(root, "archive.db") }, cwd: root });
  bot = await openBot(cfg, { log });
  // The real bot with test hooks: a slow answer (past the ack budget) and a failing one.
  hooked = Object.create(bot, {
    handle: {
      value: async (r: Parameters<Bot["handle"]>[0]) => {
        if (r.query.startsWith("slow ")) {
          await new Promise<void>((go) => held.push(go));
          return bot.handle({ ...r, query: r.query.slice(5) });
        }
        if (r.query === "explode now") throw new Error("boom from the test");
        return bot.handle(r);
      },
    },
  });
  slack = await startSlack(hooked, config(), log, { ackBudgetMs: ACK_BUDGET, retries: 2, timeoutMs: 3000, pageSize: 2 });
  events = `http://127.0.0.1:${slack.port}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await bot?.close();
  await fake?.close();
});

describe("Slack over HTTP: faults", () => {
  it("refuses a forged request (wrong secret, no signature, bad version) with 401 and one log line without secrets", async () => {
    for (const o of [{ secret: "not-the-secret" }, { signature: "" }, { signature: "v1=abc" }]) {
      const before = log.lines.length;
      const r = await slash("/quote", "sturgeon", o);
      expect(r.status).toBe(401);
      expect(r.body).toBe("");
      const added = log.lines.slice(before).filter((l) => /verify|refused/.test(l));
      expect(added).toHaveLength(1);
    }
  });

  it("waits out a 429 with Retry-After, keeps answering others meanwhile, and logs clearly", async () => {
    fake.fail("chat.postEphemeral", { status: 429, retryAfter: 1 });
    const started = Date.now();
    const r = await slash("/quote", "slow osborne", { responseUrl: fake.responseUrl({ uses: 5 }), user: "U_429" });
    expect(r.status).toBe(200);
    letSlowAnswersGo();
    // While the delivery waits out the 429, another request is answered at once.
    await fake.waitFor("chat.postEphemeral", (c) => c.body.user === "U_429" && c.status === 429);
    const other = await slash("/quote", "sturgeon");
    expect(other.status).toBe(200);
    expect(sectionText(other.json)).toContain("cruel cut too far");
    const posted = await fake.waitFor("chat.postEphemeral", (c) => c.body.user === "U_429" && c.status === 200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(
      fake
        .of("chat.postEphemeral")
        .filter((c) => c.body.user === "U_429")
        .map((c) => c.status),
    ).toEqual([429, 200]);
    expect(posted.response).toMatchObject({ ok: true });
    expect(log.lines.some((l) => /rate.?limit/i.test(l))).toBe(true);
  });

  it("retries a 500 and, when Slack stays down, logs one clear line and keeps serving", async () => {
    fake.fail("chat.postEphemeral", { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const r = await slash("/quote", "slow osborne", { responseUrl: fake.responseUrl({ uses: 5 }), user: "U_500" });
    expect(r.status).toBe(200);
    letSlowAnswersGo();
    await expect.poll(() => log.lines.some((l) => /could not deliver \/quote in C1/.test(l)), { timeout: 15_000 }).toBe(true);
    expect(fake.of("chat.postEphemeral").filter((c) => c.body.user === "U_500").length).toBe(3); // first try + 2 retries
    const other = await slash("/figure", "PIP");
    expect(sectionText(other.json)).toContain("£4.4 billion");
  });

  it("gives up on a response_url that hangs and sends the answer through the Web API", async () => {
    fake.fail("respond", { delayMs: 8000 });
    const r = await slash("/quote", "slow sturgeon", { responseUrl: fake.responseUrl(), user: "U_HANG" });
    expect(r.status).toBe(200);
    const started = Date.now();
    letSlowAnswersGo();
    const posted = await fake.waitFor("chat.postEphemeral", (c) => c.body.user === "U_HANG", 7000);
    expect(JSON.stringify(posted.body.blocks)).toContain("cruel cut too far");
    // The response_url's 3 s timeout, not its 8 s hang.
    expect(Date.now() - started).toBeLessThan(3000 + 1500);
    expect(log.lines.some((l) => /response_url failed for \/quote/.test(l))).toBe(true);
  });

  it("acknowledges 25 commands sent at once, each within Slack's 3 seconds", async () => {
    const queries = ["sturgeon", "owen smith", "osborne", "PIP", "disability", "IDS", "", "🙂", "x".repeat(600), "(.*)+$"];
    const started = performance.now();
    const all = await Promise.all(
      Array.from({ length: 25 }, (_, i) => slash(i % 3 ? "/quote" : "/figure", queries[i % queries.length], { user: `U_BURST${i}` })),
    );
    const total = performance.now() - started;
    const times = all.map((r) => r.ms).sort((a, b) => a - b);
    console.log(`25 concurrent slash commands over HTTP: p50 ${times[12]} ms, max ${times[24]} ms, all in ${total.toFixed(0)} ms`);
    for (const r of all) {
      expect(r.status).toBe(200);
      expect(checkMessage(r.json)).toBeNull();
    }
    expect(times[24]).toBeLessThan(3000);
  });

  it("answers a failing command with a clear message", async () => {
    const r = await slash("/quote", "explode now");
    expect(r.status).toBe(200);
    expect(sectionText(r.json)).toContain(Messages.failed);
  });

  it("never writes a token or the signing secret to the log", () => {
    const all = log.lines.join("\n");
    for (const secret of [BOT_TOKEN, SECRET, APP_TOKEN]) expect(all).not.toContain(secret);
  });
});

describe("Slack start-up", () => {
  it("refuses a bad bot token with a clear message that does not show it", async () => {
    fake.fail("auth.test", { error: "invalid_auth" });
    const err = await startSlack(hooked, config({ botToken: "xoxb-bad-token-value" }), log, { retries: 0 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/Slack refused SLACK_BOT_TOKEN/);
    expect((err as Error).message).not.toContain("xoxb-bad-token-value");
  });

  it("starts anyway when Slack is unreachable at start, and warns", async () => {
    const l = memoryLogger();
    const s = await startSlack(hooked, config({ apiUrl: "http://127.0.0.1:9/api/" }), l, { retries: 0, timeoutMs: 1000 });
    try {
      expect(l.lines.some((x) => /could not check the bot token.*starting anyway/.test(x))).toBe(true);
      const r = await postSigned(`http://127.0.0.1:${s.port}/slack/events`, SECRET, slashForm("/quote", "sturgeon"));
      expect(sectionText(r.json)).toContain("cruel cut too far");
    } finally {
      await s.stop();
    }
  });
});

describe("Slack in Socket Mode over a local WebSocket", () => {
  let socket: RunningSlack;
  const slog = memoryLogger();

  beforeAll(async () => {
    socket = await startSlack(hooked, config({ appToken: APP_TOKEN, signingSecret: null }), slog, { ackBudgetMs: ACK_BUDGET, retries: 2, timeoutMs: 3000 });
    await fake.socketConnected();
  });
  afterAll(async () => {
    await socket?.stop();
  });

  const payload = (command: string, text: string, responseUrl?: string) => Object.fromEntries(new URLSearchParams(slashForm(command, text, { responseUrl })));

  it("acknowledges a slow answer with a placeholder and answers through response_url", async () => {
    const url = fake.responseUrl();
    const ack = await fake.sendEnvelope("slash_commands", payload("/figure", "slow PIP", url));
    expect(sectionText(ack)).toContain(Messages.working);
    letSlowAnswersGo();
    const sent = await fake.waitFor("respond", (c) => c.status === 200 && JSON.stringify(c.body).includes("£4.4 billion"));
    expect(sent.body.response_type).toBe("ephemeral");
  });

  it("never writes the app-level token to the log", () => {
    const all = slog.lines.join("\n");
    for (const secret of [BOT_TOKEN, APP_TOKEN]) expect(all).not.toContain(secret);
  });
});

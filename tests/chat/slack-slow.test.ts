// The Slack adapter (real Bolt, signed requests over HTTP) when an answer takes longer than Slack's
// acknowledgement budget: a placeholder first, then the answer through response_url or the Web API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack, type RunningSlack } from "../../src/chat/slack.ts";
import type { Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { Messages } from "../../src/reply/messages.ts";
import { checkMessage, type FakeSlack } from "../fakes/slack-api.ts";
import { eventually } from "../helpers/net.ts";
import { startBotWithFakeSlack, type BotWithFakeSlack } from "./slack-bot.ts";
import { BOT_TOKEN, SECRET, postSigned, slashForm } from "./slack-helpers.ts";

const log = memoryLogger();
let started: BotWithFakeSlack | undefined;
let fake: FakeSlack;
let bot: Bot;
const textOf = (m: unknown) => JSON.stringify(m);

beforeAll(async () => {
  started = await startBotWithFakeSlack("newsbot-slack-slow-", log);
  ({ fake, bot } = started);
}, 30_000);

afterAll(() => started?.close());

describe("Slack answers that take longer than the acknowledgement budget", () => {
  let slow: RunningSlack;
  // Answers wait until the test has the placeholder acknowledgement, then go on: slow without a fixed sleep.
  let holding = true;
  const held: (() => void)[] = [];
  /** Sends a signed request to the slow bot, and lets its answer go once the acknowledgement is back. */
  const askSlow = async (form: Record<string, string>) => {
    const r = await postSigned(slow.port!, form);
    for (const go of held.splice(0)) go();
    return r;
  };
  beforeAll(async () => {
    const slowBot: Bot = Object.create(bot);
    Object.defineProperty(slowBot, "handle", {
      value: async (r: Parameters<Bot["handle"]>[0]) => {
        if (holding) await new Promise<void>((go) => held.push(go));
        return bot.handle(r);
      },
    });
    slow = await startSlack(slowBot, started!.slackConfig(), log, { retries: 1, ackBudgetMs: 50 });
  });
  afterAll(() => slow?.stop());

  it("acknowledges with a placeholder, then answers through response_url", async () => {
    const url = fake.responseUrl();
    const r = await askSlow(slashForm("/quote", "owen smith", url));
    expect(r.status).toBe(200);
    expect(r.text).toContain(Messages.working);
    const call = await fake.waitFor("respond", (c) => textOf(c.body).includes("humiliating climbdown"));
    expect(checkMessage(call.body)).toBeNull();
  });

  it("falls back to chat.postEphemeral when response_url has expired or been used 5 times", async () => {
    await askSlow(slashForm("/quote", "sturgeon", fake.responseUrl({ ageMs: 31 * 60 * 1000 }), { user_id: "U7" }));
    const eph = await fake.waitFor("chat.postEphemeral", (c) => c.body.user === "U7");
    expect(eph.body.channel).toBe("C1");
    expect(textOf(eph.body)).toContain("cruel cut too far");
    await askSlow(slashForm("/figure", "PIP", fake.responseUrl({ uses: 5 }), { user_id: "U8" }));
    const eph2 = await fake.waitFor("chat.postEphemeral", (c) => c.body.user === "U8");
    expect(textOf(eph2.body)).toContain("£4.4 billion");
    expect(log.lines.some((l) => /response_url failed .*sending through the Web API/.test(l))).toBe(true);
  });

  it("logs a clear line when Slack's Web API fails too, and keeps answering other requests", async () => {
    fake.fail("chat.postEphemeral", { status: 500 }, { status: 500 });
    await askSlow(slashForm("/quote", "sturgeon", fake.responseUrl({ uses: 5 }), { user_id: "U9" }));
    await fake.waitFor("chat.postEphemeral", (c) => c.body.user === "U9" && c.status === 500);
    const line = await eventually(async () => log.lines.find((l) => /could not deliver \/quote in C1/.test(l)), "the failure logged");
    expect(line).toMatch(/could not deliver \/quote in C1: HTTP 500/);
    expect(fake.of("chat.postEphemeral").filter((c) => c.body.user === "U9")).toHaveLength(2);
    const next = await askSlow(slashForm("/quote", "owen smith", fake.responseUrl()));
    expect(next.status).toBe(200);
    await fake.waitFor("respond", (c) => textOf(c.body).includes("Everything about these cuts"));
  });

  it("waits out a 429 with Retry-After and delivers (one retry configured)", async () => {
    fake.fail("chat.postEphemeral", { status: 429, retryAfter: 1 });
    await askSlow(slashForm("/quote", "sturgeon", fake.responseUrl({ uses: 5 }), { user_id: "U10" }));
    const ok = await fake.waitFor("chat.postEphemeral", (c) => c.body.user === "U10" && c.status === 200, 15_000);
    expect(textOf(ok.body)).toContain("cruel cut too far");
    expect(fake.of("chat.postEphemeral").some((c) => c.body.user === "U10" && c.status === 429)).toBe(true);
  }, 20_000);

  it("answers in the acknowledgement itself again once the bot is fast", async () => {
    holding = false;
    const r = await postSigned(slow.port!, slashForm("/quote", "owen smith", fake.responseUrl()));
    expect(r.status).toBe(200);
    expect(r.text).not.toContain(Messages.working);
    expect(r.text).toContain("humiliating climbdown");
  });
});

it("logs no token or signing secret while delivering late answers", () => {
  const logged = log.lines.join("\n");
  expect(logged).toMatch(/could not deliver/);
  for (const secret of [BOT_TOKEN, SECRET]) expect(logged).not.toContain(secret);
});

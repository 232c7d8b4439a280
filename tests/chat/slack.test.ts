// The Slack adapter with the real Bolt App: signed requests over HTTP to its HTTPReceiver, and Socket Mode
// over a local WebSocket, against a fake Slack Web API on 127.0.0.1 (slow answers: slack-slow.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack, type RunningSlack } from "../../src/chat/slack.ts";
import type { SlackConfig } from "../../src/config.ts";
import type { Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { Messages } from "../../src/reply/messages.ts";
import { ACTION_MORE, ACTION_SHARE } from "../../src/reply/slack-kit.ts";
import { checkMessage, type FakeSlack } from "../fakes/slack-api.ts";
import { APP_TOKEN, BOT_TOKEN, LIVE_MENTION, SECRET, buttonForm, postSigned, slashForm, visibleText } from "./slack-helpers.ts";
import { startBotWithFakeSlack, type BotWithFakeSlack } from "./slack-bot.ts";

const log = memoryLogger();
let started: BotWithFakeSlack | undefined;
let fake: FakeSlack;
let bot: Bot;
let slack: RunningSlack;
const slackConfig = (over: Partial<SlackConfig> = {}) => started!.slackConfig(over);
const textOf = (m: unknown) => JSON.stringify(m);

beforeAll(async () => {
  started = await startBotWithFakeSlack("newsbot-slack-", log);
  ({ fake, bot } = started);
  slack = await startSlack(bot, slackConfig(), log, { retries: 0, pageSize: 1 });
}, 30_000);

afterAll(async () => {
  await slack?.stop();
  await started?.close();
});

const ask = (command: string, text: string, responseUrl = fake.responseUrl()) => postSigned(slack.port!, slashForm(command, text, responseUrl));

describe("Slack over HTTP, with the real Bolt receiver", () => {
  it("checks the bot token once at start and binds a port", () => {
    expect(slack.port).toBeGreaterThan(0);
    expect(fake.of("auth.test")).toHaveLength(1);
    expect(fake.of("auth.test")[0].headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it("answers a signed /quote sturgeon in the acknowledgement, ephemeral, with Share and More", async () => {
    const r = await ask("/quote", "sturgeon");
    expect(r.status).toBe(200);
    expect(r.json.response_type).toBe("ephemeral");
    expect(r.text).toContain("cruel cut too far");
    expect(r.text).toContain("Nicola Sturgeon");
    expect(checkMessage(r.json)).toBeNull();
    expect(r.json.unfurl_links).toBe(false);
    const actions = r.json.blocks.find((b: any) => b.type === "actions");
    expect(actions.elements.map((e: any) => e.action_id)).toEqual([ACTION_SHARE, ACTION_MORE]);
  });

  it("answers /figure PIP with the value in bold and /quote owen smith", async () => {
    // With one result a page here, £4.4 billion may be on the first or the second page (extraction orders them).
    const figure = await ask("/figure", "PIP");
    expect(figure.text).toMatch(/\*[^*]*\d[^*]*\*/);
    let figures = figure.text;
    const more = figure.json.blocks.find((b: any) => b.type === "actions")?.elements.find((e: any) => e.action_id === ACTION_MORE);
    if (!figures.includes("£4.4 billion") && more) {
      await postSigned(slack.port!, buttonForm(ACTION_MORE, more.value, fake.responseUrl()));
      figures = textOf((await fake.waitFor("respond", (c) => textOf(c.body).includes("Figures on"))).body);
    }
    expect(figures).toContain("*£4.4 billion*");
    const owen = await ask("/quote", "owen smith");
    expect(owen.text).toContain("humiliating climbdown");
  });

  it("registers every command of the bot, /help included", async () => {
    for (const c of bot.commands) {
      const r = await ask(`/${c.name}`, c.name === "help" ? "" : "budget");
      expect(r.status, c.name).toBe(200);
      expect(checkMessage(r.json), c.name).toBeNull();
    }
  });

  it("refuses a forged signature and a replayed (stale) request with 401, logged once, no secrets", async () => {
    const before = log.lines.length;
    const forged = await postSigned(slack.port!, slashForm("/quote", "sturgeon", fake.responseUrl()), { secret: "not-the-secret" });
    expect(forged.status).toBe(401);
    expect(forged.text).toBe("");
    const stale = await postSigned(slack.port!, slashForm("/quote", "sturgeon", fake.responseUrl()), { ts: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    // The same signed request sent again within the 5 minutes is refused too, as is a timestamp from the future.
    const form = slashForm("/quote", "sturgeon", fake.responseUrl());
    const ts = Math.floor(Date.now() / 1000);
    expect((await postSigned(slack.port!, form, { ts })).status).toBe(200);
    expect((await postSigned(slack.port!, form, { ts })).status).toBe(401);
    expect((await postSigned(slack.port!, form, { ts: ts + 10 * 60 })).status).toBe(401);
    const lines = log.lines.slice(before);
    expect(lines.filter((l) => /verify/i.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /refused a request/.test(l))).toHaveLength(2);
    for (const l of lines) {
      expect(l).not.toContain(SECRET);
      expect(l).not.toContain(BOT_TOKEN);
    }
  });

  it("escapes article text: no live mention or link from an article, in any answer", async () => {
    for (const [c, q] of [
      ["/quote", "jane doe"],
      ["/search", "council row"],
      ["/who", "jane doe"],
    ] as const) {
      const r = await ask(c, q);
      expect(r.status).toBe(200);
      expect(r.text, `${c} ${q}`).not.toMatch(LIVE_MENTION);
      expect(visibleText(r.json)).toMatch(/Jane Doe|Council row/);
    }
    const quote = await ask("/quote", "jane doe");
    expect(quote.text).toContain("&lt;!channel&gt;");
    expect(quote.text).toContain("&lt;@U123&gt; &amp; co");
    expect(quote.text).toContain("<https://news.example/council-row?a=1&amp;b=2|Council row");
  });

  it("answers empty, huge and strange queries clearly, within Block Kit's limits", async () => {
    const queries = [
      "",
      " ",
      "x".repeat(5000),
      "budget ".repeat(700),
      "🙂🙂🙂",
      "**bold** `code` _it_",
      '"unclosed',
      "(.*)+$ [a-z",
      "<!channel>",
      "<@U123> &amp;",
      "NOT",
      "'''",
    ];
    for (const q of queries) {
      for (const c of ["/quote", "/figure", "/search", "/who"]) {
        const r = await ask(c, q);
        expect(r.status, `${c} ${q.slice(0, 20)}`).toBe(200);
        expect(checkMessage(r.json), `${c} ${q.slice(0, 20)}`).toBeNull();
        expect(visibleText(r.json)).not.toMatch(LIVE_MENTION);
      }
    }
    const huge = await ask("/figure", "budget ".repeat(700));
    expect(huge.text).toMatch(/too long/);
  });

  it("Share in channel posts the answer for everyone through response_url, saying who shared", async () => {
    const first = await ask("/quote", "sturgeon");
    const share = first.json.blocks.find((b: any) => b.type === "actions").elements.find((e: any) => e.action_id === ACTION_SHARE);
    const url = fake.responseUrl();
    const r = await postSigned(slack.port!, buttonForm(ACTION_SHARE, share.value, url));
    expect(r.status).toBe(200);
    const call = await fake.waitFor("respond", (c) => c.body.response_type === "in_channel");
    expect(textOf(call.body)).toContain("cruel cut too far");
    expect(textOf(call.body)).toContain("Shared by <@U1>");
    expect(call.body.replace_original).toBe(false);
    expect(textOf(call.body)).not.toContain(ACTION_SHARE);
  });

  it("More replaces the answer with the next page; Share falls back to chat.postMessage when response_url is used up", async () => {
    const first = await ask("/quote", "sturgeon");
    expect(first.text).toContain("Page 1 of 2");
    const more = first.json.blocks.find((b: any) => b.type === "actions").elements.find((e: any) => e.action_id === ACTION_MORE);
    await postSigned(slack.port!, buttonForm(ACTION_MORE, more.value, fake.responseUrl()));
    const page2 = await fake.waitFor("respond", (c) => textOf(c.body).includes("Page 2 of 2"));
    expect(page2.body.replace_original).toBe(true);
    expect(textOf(page2.body)).toContain("reverse the #PIP cuts");

    const share = first.json.blocks.find((b: any) => b.type === "actions").elements.find((e: any) => e.action_id === ACTION_SHARE);
    await postSigned(slack.port!, buttonForm(ACTION_SHARE, share.value, fake.responseUrl({ uses: 5 })));
    const posted = await fake.waitFor("chat.postMessage", (c) => textOf(c.body).includes("Shared by"));
    expect(posted.body.channel).toBe("C1");
    expect(textOf(posted.body)).toContain("cruel cut too far");
    expect(posted.body.unfurl_links).toBe("false");
  });

  it("a draft too long for a button's value gets buttons that find it in the archive", async () => {
    const draft = `Owen Smith said “Everything about these cuts is shameful.” ${"The council met again on Tuesday. ".repeat(70)}`;
    expect(draft.length).toBeGreaterThan(2000);
    const first = await ask("/check", draft);
    const share = first.json.blocks.find((b: any) => b.type === "actions").elements.find((e: any) => e.action_id === ACTION_SHARE);
    expect(share.value).toMatch(/^sk:check:1:[\w-]{22}$/);
    await postSigned(slack.port!, buttonForm(ACTION_SHARE, share.value, fake.responseUrl()));
    const shared = await fake.waitFor("respond", (c) => c.body.response_type === "in_channel" && textOf(c.body).includes("Checked"));
    expect(textOf(shared.body)).toContain("Everything about these cuts is shameful");
  });

  it("answers a slash command it does not know with a clear message, not a timeout", async () => {
    const r = await ask("/frobnicate", "x");
    expect(r.status).toBe(200);
    expect(r.text).toContain("There is no /frobnicate command");
  });

  it("says clearly when its port is in use", async () => {
    await expect(startSlack(bot, slackConfig({ port: slack.port! }), log, { retries: 0 })).rejects.toThrow(/Cannot open port \d+ for Slack: it is in use/);
  });

  it("a button with a value that is not ours says the answer has expired", async () => {
    // Only this press's answer counts: a notice left from an earlier test must not pass it.
    const before = fake.of("respond").length;
    const r = await postSigned(slack.port!, buttonForm(ACTION_MORE, "garbage{", fake.responseUrl()));
    expect(r.status).toBe(200);
    await expect
      .poll(
        () =>
          fake
            .of("respond")
            .slice(before)
            .map((c) => textOf(c.body)),
        { timeout: 10_000 },
      )
      .toEqual([expect.stringContaining(Messages.buttonExpired)]);
  });
});

describe("Slack in Socket Mode, over a local WebSocket", () => {
  let socket: RunningSlack;
  beforeAll(async () => {
    socket = await startSlack(bot, slackConfig({ appToken: APP_TOKEN, signingSecret: null }), log, { retries: 0 });
  }, 15_000);
  afterAll(() => socket?.stop());

  it("opens the connection with the app token and answers a slash command in the envelope's acknowledgement", async () => {
    expect(socket.mode).toBe("socket");
    const open = fake.of("apps.connections.open");
    expect(open.length).toBeGreaterThan(0);
    expect(open[0].headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    const ack = await fake.sendEnvelope("slash_commands", slashForm("/quote", "owen smith", fake.responseUrl()));
    expect(textOf(ack)).toContain("humiliating climbdown");
    expect(checkMessage(ack as Record<string, unknown>)).toBeNull();
    const hostile = await fake.sendEnvelope("slash_commands", slashForm("/quote", "jane doe", fake.responseUrl()));
    expect(textOf(hostile)).not.toMatch(LIVE_MENTION);
    expect(textOf(hostile)).toContain("&lt;!here&gt;");
  });

  it("never logs a token or the signing secret", () => {
    for (const l of log.lines) {
      expect(l).not.toContain(BOT_TOKEN);
      expect(l).not.toContain(APP_TOKEN);
      expect(l).not.toContain(SECRET);
    }
  });
});

// End to end, from outside, as Slack drives it: `newsbot start` as a child process with the Slack settings
// in its environment, a fake Slack Web API, and signed slash commands POSTed to /slack/events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMessage, startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { freePort } from "../helpers/net.ts";
import { articlesFolder, startNewsbot, type Running } from "../helpers/process.ts";
import { BOT_TOKEN, HOSTILE_ARTICLE, LIVE_MENTION, SECRET, postSigned, slashForm } from "./slack-helpers.ts";

const folder = articlesFolder("newsbot-slack-e2e-", { "zz-hostile.md": HOSTILE_ARTICLE });
let fake: FakeSlack;
let bot: Running;
let port: number;

beforeAll(async () => {
  fake = await startFakeSlack();
  port = await freePort();
  bot = await startNewsbot(["start"], {
    cwd: folder.root,
    env: { ...folder.env, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, PORT: String(port), SLACK_API_URL: fake.apiUrl },
    ready: (out) => /listening on port/.test(out),
  });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const ask = (command: string, text: string) => postSigned(port, slashForm(command, text, fake.responseUrl()));

describe("newsbot start with Slack settings, driven as Slack drives it", () => {
  it("checked the bot token against SLACK_API_URL and listens on PORT", () => {
    expect(fake.of("auth.test")).toHaveLength(1);
    expect(bot.output()).toMatch(new RegExp(`listening on port ${port} at /slack/events`));
  });

  // These three depend on extraction (the lead's src/extract/): quotes with their speakers and figures.
  it("answers a signed /quote sturgeon", async () => {
    const r = await ask("/quote", "sturgeon");
    expect(r.status).toBe(200);
    expect(r.json.response_type).toBe("ephemeral");
    expect(r.text).toContain("cruel cut too far");
    expect(r.text).toContain("Nicola Sturgeon");
    expect(checkMessage(r.json)).toBeNull();
  });

  it("answers a signed /figure PIP with £4.4 billion", async () => {
    const r = await ask("/figure", "PIP");
    expect(r.status).toBe(200);
    expect(r.text).toContain("£4.4 billion");
    expect(checkMessage(r.json)).toBeNull();
  });

  it("answers a signed /quote owen smith", async () => {
    const r = await ask("/quote", "owen smith");
    expect(r.status).toBe(200);
    expect(r.text).toContain("humiliating climbdown");
    expect(r.text).toContain("Owen Smith");
  });

  it("refuses forged and replayed requests with 401", async () => {
    const form = slashForm("/quote", "sturgeon", fake.responseUrl());
    expect((await postSigned(port, form, { secret: "forged-secret-0000" })).status).toBe(401);
    expect((await postSigned(port, form, { ts: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      body: new URLSearchParams(form).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(unsigned.status).toBe(401);
  });

  it("never passes a live mention through from an article", async () => {
    for (const [c, q] of [
      ["/quote", "jane doe"],
      ["/search", "council row"],
      ["/who", "jane doe"],
      ["/quote", "council"],
    ] as const) {
      const r = await ask(c, q);
      expect(r.status).toBe(200);
      expect(r.text, `${c} ${q}`).not.toMatch(LIVE_MENTION);
    }
    const jane = await ask("/quote", "jane doe");
    expect(jane.text).toContain("&lt;!channel&gt;");
  });

  it("survives empty, huge and strange queries, and keeps answering", async () => {
    for (const q of ["", "x".repeat(4000), "🙂 **bold** `code`", '"unclosed (.*)+$', "a* OR b) NEAR(", "<!here>"]) {
      for (const c of ["/quote", "/figure", "/search", "/who", "/check"]) {
        const r = await ask(c, q);
        expect(r.status, `${c} ${q.slice(0, 20)}`).toBe(200);
        expect(checkMessage(r.json), `${c} ${q.slice(0, 20)}`).toBeNull();
      }
    }
    expect(bot.child.exitCode).toBeNull();
    expect((await ask("/quote", "sturgeon")).status).toBe(200);
  });

  it("keeps tokens and the signing secret out of its logs", () => {
    expect(bot.output()).not.toContain(BOT_TOKEN);
    expect(bot.output()).not.toContain(SECRET);
    expect(bot.output().match(/Failed to verify|verify/gi)?.length ?? 0).toBeGreaterThan(0);
  });
});

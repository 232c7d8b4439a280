// End to end, from outside, as Slack drives it: `newsbot start` as a child process with the Slack settings
// in its environment, a fake Slack Web API, and signed slash commands POSTed to /slack/events.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMessage, startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { tempDir } from "../helpers/tmp.ts";
import { BOT_TOKEN, LIVE_MENTION, SECRET, articlesWithHostile, postSigned, slashForm } from "./slack-helpers.ts";

const root = tempDir("newsbot-slack-e2e-");
const articles = articlesWithHostile(root);
let fake: FakeSlack;
let child: ChildProcess;
let port: number;
let stderr = "";

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

beforeAll(async () => {
  fake = await startFakeSlack();
  port = await freePort();
  child = spawn(process.execPath, [resolve("bin/newsbot.js"), "start"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      PORT: String(port),
      SLACK_API_URL: fake.apiUrl,
      NEWSBOT_ARTICLES: articles,
      NEWSBOT_DB: join(root, "archive.db"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (d) => (stderr += String(d)));
  child.stdout!.on("data", (d) => (stderr += String(d)));
  const started = Date.now();
  while (!/listening on port/.test(stderr)) {
    if (child.exitCode !== null) throw new Error(`newsbot start exited (${child.exitCode}):\n${stderr}`);
    if (Date.now() - started > 45_000) throw new Error(`newsbot start did not listen within 45 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  await fake?.close();
});

const ask = (command: string, text: string) => postSigned(port, slashForm(command, text, fake.responseUrl()));

describe("newsbot start with Slack settings, driven as Slack drives it", () => {
  it("checked the bot token against SLACK_API_URL and listens on PORT", () => {
    expect(fake.of("auth.test")).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`listening on port ${port} at /slack/events`));
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
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", body: new URLSearchParams(form).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(unsigned.status).toBe(401);
  });

  it("never passes a live mention through from an article", async () => {
    for (const [c, q] of [["/quote", "jane doe"], ["/search", "council row"], ["/who", "jane doe"], ["/quote", "council"]] as const) {
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
    expect(child.exitCode).toBeNull();
    expect((await ask("/quote", "sturgeon")).status).toBe(200);
  });

  it("keeps tokens and the signing secret out of its logs", () => {
    expect(stderr).not.toContain(BOT_TOKEN);
    expect(stderr).not.toContain(SECRET);
    expect(stderr.match(/Failed to verify|verify/gi)?.length ?? 0).toBeGreaterThan(0);
  });
});

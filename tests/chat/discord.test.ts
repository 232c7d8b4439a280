// The real discord.js client, started through startDiscord, against the local fake Discord (discord-hooked.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFER_AFTER_MS } from "../../src/chat/discord.ts";
import { memoryLogger } from "../../src/log.ts";
import { Messages } from "../../src/reply/messages.ts";
import { APP_ID, FakeDiscord, GUILD_ID, messageProblems, USER_ID } from "../fakes/discord.ts";
import { messagePayload } from "../fakes/discord-payloads.ts";
import { eventually } from "../helpers/net.ts";
import { articlesFolder } from "../helpers/process.ts";
import { FAILING_QUERY, SLOW_QUERY, startHookedDiscord, type HookedDiscord } from "./discord-hooked.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

const { root, articles } = articlesFolder("newsbot-discord-", {
  "zz_mentions.txt":
    "Councillor pings the whole server\n\nThe councillor Jane Placeholder said: “@everyone should read this, and <@123> too, because @here is where it happens.”\n",
});

const log = memoryLogger();
let fake: FakeDiscord;
let budgets: number[];
let release: (query: string) => void;
let running: HookedDiscord | undefined;

beforeAll(async () => {
  running = await startHookedDiscord({ root, articles, token: TOKEN, log });
  ({ fake, budgets, release } = running);
});

afterAll(() => running?.stop());

describe("Discord adapter with the real discord.js client", () => {
  it("identifies on the gateway and registers every command in the guild with one query option", () => {
    expect(fake.identifies).toBe(1);
    const put = fake.calls.find((c) => c.method === "PUT" && c.path === `/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put?.status).toBe(200);
    expect(put?.auth).toMatch(/^Bot /);
    const names = fake.commands.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["quote", "figure", "search", "who", "help"]));
    for (const c of fake.commands) {
      expect(c.options).toHaveLength(1);
      expect(c.options[0]).toMatchObject({ type: 3, name: "query" });
    }
    const quote = fake.commands.find((c) => c.name === "quote");
    expect(quote.options[0]).toMatchObject({ required: true, autocomplete: true });
    const help = fake.commands.find((c) => c.name === "help");
    expect(help.options[0].required).toBe(false);
  });

  it("answers /quote ephemerally with embeds, a Share button and no mentions allowed", async () => {
    const id = fake.command("quote", "sturgeon");
    const first = await fake.firstResponse(id);
    const message = await fake.finalMessage(id);
    expect(first.body.data?.flags ?? first.body.data?.flags).toBe(64);
    expect(message.embeds.length).toBe(1);
    expect(JSON.stringify(message.embeds)).toMatch(/Sturgeon/);
    expect(JSON.stringify(message.embeds)).toMatch(/cruel cut too far/);
    const buttons = message.components.flatMap((r: any) => r.components);
    expect(buttons.map((b: any) => b.label)).toContain("Share");
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("autocompletes a partial name: sturg → Nicola Sturgeon, at most 25 choices", async () => {
    const id = fake.autocomplete("quote", "sturg");
    const call = await fake.firstResponse(id);
    expect(call.body.type).toBe(8);
    const choices = call.body.data.choices;
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c: any) => c.name)).toContain("Nicola Sturgeon");
  });

  it("autocomplete answers even for an empty or strange partial", async () => {
    for (const partial of ["", "(.*)+$", "🙂".repeat(60)]) {
      const call = await fake.firstResponse(fake.autocomplete("who", partial));
      expect(call.body.type).toBe(8);
      expect(messageProblems(call.body.data)).toEqual([]);
    }
  });

  it("shares an answer publicly, noting who shared it, with no pings", async () => {
    const id = fake.command("quote", "sturgeon");
    const message = await fake.finalMessage(id);
    const share = message.components.flatMap((r: any) => r.components).find((b: any) => b.label === "Share");
    const click = fake.click(share.custom_id, { embeds: message.embeds, components: message.components });
    const shared = await fake.finalMessage(click);
    expect(shared.flags ?? 0).toBe(0);
    expect(shared.content).toBe(`Shared by <@${USER_ID}>`);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
    expect(shared.components ?? []).toEqual([]);
  });

  it("pages long answers with Previous/Next buttons that update the message", async () => {
    const id = fake.command("search", "the");
    const message = await fake.finalMessage(id);
    const buttons = message.components.flatMap((r: any) => r.components);
    const next = buttons.find((b: any) => b.label === "Next");
    expect(next, JSON.stringify(message.embeds)).toBeDefined();
    expect(buttons.find((b: any) => b.label === "Previous").disabled).toBe(true);
    const click = fake.click(next.custom_id, message);
    const call = await fake.firstResponse(click);
    expect([6, 7]).toContain(call.body.type);
    const page2 = await fake.finalMessage(click);
    expect(JSON.stringify(page2.embeds)).toMatch(/Page 2 of/);
  });

  it("an unknown or expired button still gets an ephemeral answer", async () => {
    const call = await fake.firstResponse(fake.click(`pk:quote:2:${"A".repeat(22)}`));
    expect(call.body.data.flags).toBe(64);
    expect(JSON.stringify(call.body.data)).toContain(Messages.answerExpired);
    const other = await fake.firstResponse(fake.click("something-else"));
    expect(JSON.stringify(other.body.data)).toContain(Messages.unknownButton);
  });

  it("answers interactions it never registered (a stale context-menu command, a select menu) rather than leaving them", async () => {
    const user = { id: USER_ID, username: "reporter", discriminator: "0", global_name: null, avatar: null };
    const menu = fake.interaction(2, { id: fake.id(), name: "Look up", type: 2, target_id: USER_ID, resolved: { users: { [USER_ID]: user } } });
    const select = fake.interaction(
      3,
      { custom_id: "old-select", component_type: 3, values: ["a"] },
      // An empty message in another channel, sent by the user (not the bot).
      { message: { ...messagePayload(fake.id(), null, "333333333333333333"), author: user } },
    );
    for (const id of [menu, select]) {
      const first = await fake.firstResponse(id);
      expect(first.body.type).toBe(4);
      expect(first.body.data.flags).toBe(64);
      expect(JSON.stringify(first.body.data)).toContain(Messages.unknownInteraction);
    }
  });

  it("answers empty, 6000-character and strange queries within limits", async () => {
    for (const q of [
      undefined,
      "",
      "x".repeat(6000),
      "word ".repeat(1200),
      '"unclosed',
      "a* OR b) NEAR(",
      "(.*)+$",
      "🙂🙂",
      "**bold** `code` @everyone <@&1>",
      "NOT",
      "'''",
    ]) {
      const id = fake.command("quote", q);
      const message = await fake.finalMessage(id);
      expect(messageProblems(message), String(q).slice(0, 40)).toEqual([]);
      expect(message.embeds[0].description ?? message.embeds[0].fields).toBeTruthy();
    }
  });

  it("never lets a mention through: every message sent carries allowed_mentions parse []", async () => {
    const id = fake.command("search", "everyone");
    await fake.finalMessage(id);
    // The article's own @everyone and <@123> reach the user as text (the > escaped, so Discord shows it as
    // written rather than as a mention pill), and ping no one.
    const quoted = (await fake.finalMessage(fake.command("quote", "Jane Placeholder"))).embeds[0].fields[0].value;
    expect(quoted).toContain("@everyone should read this");
    expect(quoted).toContain("<@123\\>");
    const sends = fake.sends();
    expect(sends.length).toBeGreaterThan(5);
    for (const s of sends) {
      const data = /\/callback$/.test(s.path) ? s.body.data : s.body;
      expect(data.allowed_mentions, s.path).toEqual({ parse: [] });
    }
  });

  it("every command answers with its first response in time", async () => {
    for (const [cmd, q] of [
      ["figure", "PIP"],
      ["who", "IDS"],
      ["help", ""],
      ["search", "disability"],
      ["check", "Owen Smith said “shameful”"],
    ] as const) {
      const id = fake.command(cmd, q);
      const started = Date.now();
      await fake.firstResponse(id);
      expect(Date.now() - started).toBeLessThan(3000);
      const message = await fake.finalMessage(id);
      expect(messageProblems(message)).toEqual([]);
    }
  });

  it("recovers from REST 500 and 429 on the reply", async () => {
    fake.inject({ path: /\/callback$/, status: 500, times: 1 });
    const a = await fake.finalMessage(fake.command("quote", "sturgeon"));
    expect(JSON.stringify(a.embeds)).toMatch(/Sturgeon/);
    fake.inject({ path: /\/callback$/, status: 429, times: 1, retryAfter: 0.3 });
    const b = await fake.finalMessage(fake.command("figure", "PIP"));
    expect(b.embeds.length).toBe(1);
  });

  it("resumes after the gateway drops and keeps answering", async () => {
    fake.dropGateway(4000);
    await eventually(async () => fake.resumes >= 1, "the client resuming its session", 10_000);
    expect(fake.resumes).toBe(1);
    expect(fake.identifies).toBe(1);
    const message = await fake.finalMessage(fake.command("quote", "sturgeon"));
    expect(message.embeds.length).toBe(1);
  });

  it("defers a slow answer within 3 s, then edits in the answer", async () => {
    const sent = Date.now();
    const id = fake.command("search", SLOW_QUERY);
    const first = await fake.firstResponse(id);
    expect(first.at - sent).toBeLessThan(3000);
    expect(first.body).toEqual({ type: 5, data: { flags: 64 } });
    release(SLOW_QUERY);
    const edit = await fake.finalMessage(id);
    expect(edit.embeds.length).toBe(1);
    expect(edit.allowed_mentions).toEqual({ parse: [] });
  });

  it("a slow Share defers publicly and a slow Next defers the update, then both edit in the answer", async () => {
    const share = fake.click(`sh:search:1:${SLOW_QUERY}`);
    const first = await fake.firstResponse(share);
    expect(first.body).toEqual({ type: 5, data: { flags: 0 } });
    release(SLOW_QUERY);
    const shared = await fake.finalMessage(share);
    expect(shared.content).toBe(`Shared by <@${USER_ID}>`);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
    const next = fake.click(`pg:search:2:${SLOW_QUERY}`);
    expect((await fake.firstResponse(next)).body).toEqual({ type: 6 });
    release(SLOW_QUERY);
    const edit = await fake.waitFor((c) => c.method === "PATCH" && c.path.includes(`interaction-token-${next}`) && c.path.endsWith("/messages/%40original"));
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(messageProblems(edit.body)).toEqual([]);
  });

  it("counts the time an interaction took to reach us against the deferral budget", async () => {
    // A fresh interaction gets (nearly) the whole budget before the answer is deferred...
    budgets.length = 0;
    expect((await fake.firstResponse(fake.command("search", "budget"))).body.type).toBe(4);
    expect(budgets[0]).toBeGreaterThan(DEFER_AFTER_MS - 1200);
    // ...one created 1.2 s ago only what is left of it, so the first response still lands inside 3 s.
    budgets.length = 0;
    const late = fake.command("search", SLOW_QUERY, 1200);
    expect((await fake.firstResponse(late)).body).toEqual({ type: 5, data: { flags: 64 } });
    expect(budgets[0]).toBeLessThanOrEqual(DEFER_AFTER_MS - 1200);
    release(SLOW_QUERY);
    await fake.finalMessage(late);
  });

  it("answers a slash command in a direct message (no guild, no member)", async () => {
    const id = fake.directCommand("quote", "owen smith");
    const message = await fake.finalMessage(id);
    expect(JSON.stringify(message.embeds)).toMatch(/humiliating climbdown/);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("a failing command still gets a short ephemeral message, and the cause goes to the log", async () => {
    const id = fake.command("quote", FAILING_QUERY);
    const first = await fake.firstResponse(id);
    expect(first.body.type).toBe(4);
    expect(first.body.data.flags).toBe(64);
    expect(JSON.stringify(first.body.data)).toContain(Messages.failed);
    expect(log.lines.join("\n")).toMatch(/boom from the test/);
  });

  it("a failing send (Discord rejects the reply) is reported to the user and logged", async () => {
    fake.inject({ path: /\/callback$/, status: 500, times: 3 });
    const id = fake.command("help", "");
    const first = await fake.firstResponse(id);
    expect(JSON.stringify(first.body.data)).toContain(Messages.failed);
    expect(log.lines.join("\n")).toMatch(/\/help .* failed/);
  });

  it("never logs the token", () => {
    expect(log.lines.join("\n")).not.toContain(TOKEN);
  });

  it("sent nothing Discord refused: no limit broken, no interaction answered twice", () => {
    expect(fake.rejected().map((c) => `${c.method} ${c.path} ${JSON.stringify(c.body).slice(0, 200)}`)).toEqual([]);
  });
});

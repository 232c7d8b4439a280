// Gateway faults with the real discord.js client: heartbeats answered and missed, Discord asking for a
// reconnect, an invalid session and a refused resume. After each, the bot must keep answering without a restart.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord, type RunningDiscord } from "../../src/chat/discord.ts";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { APP_ID, FakeDiscord, GUILD_ID, messageProblems } from "../fakes/discord.ts";
import { tempDir } from "../helpers/tmp.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.gatewayTestTokenNeverLogged0123456789";
const HEARTBEAT_MS = 250;

const root = tempDir("newsbot-discord-gateway-");
let fake: FakeDiscord;
let bot: Bot;
let discord: RunningDiscord;
const log = memoryLogger();

const until = async (ok: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** The bot still answers a real command, within limits. */
async function stillAnswers() {
  const message = await fake.finalMessage(fake.command("quote", "sturgeon"));
  expect(JSON.stringify(message.embeds)).toMatch(/cruel cut too far/);
  expect(messageProblems(message)).toEqual([]);
}

beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatInterval: HEARTBEAT_MS });
  bot = await openBot(loadConfig({ env: { NEWSBOT_ARTICLES: join(process.cwd(), "data/articles"), NEWSBOT_DB: join(root, "a.db") }, cwd: root }), { log });
  discord = await startDiscord(bot, { token: TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl, digestChannel: null }, log, {
    retries: 1,
    timeout: 3000,
  });
});

afterAll(async () => {
  await discord?.stop();
  await bot?.close();
  await fake?.stop();
});

describe("Discord gateway faults", () => {
  it("heartbeats on HELLO's interval and at once when asked", async () => {
    await until(() => fake.heartbeats >= 2, 3000, "two heartbeats");
    const before = fake.heartbeats;
    fake.requestHeartbeat();
    await until(() => fake.heartbeats > before, 200, "a requested heartbeat");
    expect(fake.identifies).toBe(1);
  });

  it("notices unanswered heartbeats (a zombie connection), resumes and keeps answering", async () => {
    const resumes = fake.resumes;
    fake.ackHeartbeats = false;
    await until(() => fake.resumes > resumes, 5000, "a resume after missed ACKs");
    fake.ackHeartbeats = true;
    expect(fake.identifies).toBe(1);
    await stillAnswers();
  });

  it("resumes when Discord asks for a reconnect (op 7)", async () => {
    const resumes = fake.resumes;
    fake.requestReconnect();
    await until(() => fake.resumes > resumes, 5000, "a resume after op 7");
    await stillAnswers();
  });

  it("identifies afresh when the session is invalid (op 9, not resumable)", async () => {
    const identifies = fake.identifies;
    fake.invalidateSession(false);
    await until(() => fake.identifies > identifies, 10_000, "a new IDENTIFY after op 9");
    await stillAnswers();
  });

  it("identifies afresh when a resume after a dropped connection is refused", async () => {
    const identifies = fake.identifies;
    fake.refuseResume = true;
    fake.dropGateway(4000);
    await until(() => fake.identifies > identifies, 10_000, "a new IDENTIFY after a refused resume");
    fake.refuseResume = false;
    await stillAnswers();
  });

  it("sent nothing Discord refused, and never logged the token", () => {
    expect(fake.rejected()).toEqual([]);
    expect(log.lines.join("\n")).not.toContain(TOKEN);
  });
});

describe("Discord gateway outage", () => {
  it("keeps reconnecting while the gateway refuses connections, then answers again", async () => {
    const refused = () => fake.gatewayLog.filter((l) => l.t === "refused").length;
    fake.refuseConnections = 3;
    fake.dropGateway(4000);
    await until(() => refused() >= 3, 20_000, "three refused reconnections");
    await until(() => fake.connected > 0 && fake.gatewayLog.at(-1)?.t !== "refused", 20_000, "a reconnection");
    await stillAnswers();
  });
});

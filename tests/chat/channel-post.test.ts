// Posting a reply to a channel through the chat adapters (what the digest does), against the local fakes:
// the settings are the adapters' own, so they cannot drift apart from what answers commands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelPosters } from "../../src/chat/post.ts";
import { loadConfig } from "../../src/config.ts";
import type { Reply } from "../../src/reply/model.ts";
import { CHANNEL_ID, FakeDiscord, messageProblems } from "../fakes/discord.ts";
import { checkMessage, startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";

let slack: FakeSlack;
let discord: FakeDiscord;

beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await FakeDiscord.start();
});

afterAll(async () => {
  await slack?.close();
  await discord?.stop();
});

const reply: Reply = {
  command: "digest",
  query: "24h",
  title: "Digest in the last 24 hours",
  paging: null,
  status: "ok",
  blocks: [
    { kind: "text", text: "1 article in the last 24 hours." },
    { kind: "section", title: "Key quotes" },
    { kind: "note", text: "none today" },
  ],
};

function posters(apiUrls: { slack: string; discord: string }) {
  const config = loadConfig({
    env: {
      SLACK_BOT_TOKEN: "xoxb-1111-2222-channelPost",
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
      SLACK_API_URL: apiUrls.slack,
      SLACK_DIGEST_CHANNEL: "C0POST",
      DISCORD_TOKEN: "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.channelPost0123456789",
      DISCORD_APPLICATION_ID: "111111111111111111",
      DISCORD_API_URL: apiUrls.discord,
      DISCORD_DIGEST_CHANNEL: CHANNEL_ID,
    },
  });
  return channelPosters(config, { retries: 0 });
}

describe("a reply posted to a channel through the chat adapters", () => {
  it("reaches both platforms, one embed per section on Discord", async () => {
    const [toSlack, toDiscord] = posters({ slack: slack.apiUrl, discord: discord.apiUrl });
    expect([toSlack.channel, toDiscord.channel]).toEqual(["slack:C0POST", `discord:${CHANNEL_ID}`]);
    await Promise.all([toSlack.post(reply), toDiscord.post(reply)]);
    const s = slack.of("chat.postMessage").at(-1)!;
    expect(s.body.channel).toBe("C0POST");
    expect(checkMessage(s.body)).toBeNull();
    const d = discord.calls.filter((c) => c.method === "POST" && c.path === `/api/v10/channels/${CHANNEL_ID}/messages`).at(-1)!;
    expect(d.status).toBe(200);
    expect(messageProblems(d.body)).toEqual([]);
    expect(d.body.embeds.map((e: { title?: string }) => e.title)).toEqual(["Digest in the last 24 hours", "Key quotes"]);
  });

  it("reads DISCORD_API_URL as the gateway adapter does, with or without its version", async () => {
    const before = discord.calls.length;
    const [, toDiscord] = posters({ slack: slack.apiUrl, discord: `${discord.apiUrl}/v10/` });
    await toDiscord.post(reply);
    expect(discord.calls.slice(before).map((c) => `${c.status} ${c.path}`)).toEqual([`200 /api/v10/channels/${CHANNEL_ID}/messages`]);
  });

  it("says what failed: a refused channel is permanent, an unreachable platform is not", async () => {
    slack.fail("chat.postMessage", { error: "channel_not_found" });
    const [toSlack] = posters({ slack: slack.apiUrl, discord: discord.apiUrl });
    await expect(toSlack.post(reply)).rejects.toMatchObject({ message: "Slack refused the message: channel_not_found", permanent: true });
    const [, nowhere] = posters({ slack: slack.apiUrl, discord: "http://127.0.0.1:9/api" });
    await expect(nowhere.post(reply)).rejects.toMatchObject({ message: expect.stringMatching(/^Discord could not be reached: /), permanent: false });
  });
});

// Posting the digest, from outside: `newsbot digest --post` as a child process, with the real Slack Web API
// client and the real discord.js REST client pointed at the local fakes (SLACK_API_URL, DISCORD_API_URL),
// which refuse what Slack and Discord refuse. What is checked is what each platform received.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_ID as DISCORD_CHANNEL, FakeDiscord, messageProblems, pings, type RestCall } from "../fakes/discord.ts";
import { checkMessage, liveMentions, startFakeSlack, type Call, type FakeSlack } from "../fakes/slack-api.ts";
import { articlesFolder, runNewsbot } from "../helpers/process.ts";

const SLACK_TOKEN = "xoxb-1111-2222-digestTokenNeverLogged";
const DISCORD_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.digestTokenNeverLogged0123456789";
const SLACK_CHANNEL = "C0DIGEST";

const today = new Date().toISOString().slice(0, 10);

/** An article whose title, byline and quotation try to ping everyone and a user on both platforms. */
const HOSTILE = `---
title: "Council row @everyone <!channel> <@U123> <@&987654321> budget"
date: ${today}
byline: "@here <!here>"
url: https://news.example/council-row?a=1&b=2
---
The council row rumbled on this week.

"Tell @everyone and <!channel> and @here that <@U123> and <@123456789012345678> will pay for this," said Jane Doe, the council leader.
`;

/** Many articles, each with a long quotation and a figure: more than any one message holds. */
function manyArticles(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= n; i++) {
    const words = Array.from({ length: 120 }, (_, w) => `word${i}x${w}`).join(" ");
    files[`bulk/article-${String(i).padStart(2, "0")}.md`] = `---
title: "Budget story number ${i} with a rather long headline about the council's spending plans"
date: ${today}
byline: Reporter ${i}
url: https://news.example/story-${i}
---
The council published its plans for year ${i}.

"We will not accept ${words} in this borough," said Councillor Person${String.fromCharCode(65 + (i % 26))} Example${i}, the finance lead.

The council said spending on roads would rise by £${i}.5 million this year.
`;
  }
  return files;
}

const SLACK_CONTROL = /<!channel>|<!here>|<!everyone>|<@U123>/;

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

function platformEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
    SLACK_API_URL: slack.apiUrl,
    SLACK_DIGEST_CHANNEL: SLACK_CHANNEL,
    DISCORD_TOKEN,
    DISCORD_APPLICATION_ID: "111111111111111111",
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_DIGEST_CHANNEL: DISCORD_CHANNEL,
    ...extra,
  };
}

const discordPosts = (): RestCall[] => discord.calls.filter((c) => c.method === "POST" && c.path === `/api/v10/channels/${DISCORD_CHANNEL}/messages`);

/** Every text Slack shows from a message. */
function slackText(body: Record<string, unknown>): string {
  const out: string[] = [String(body.text ?? "")];
  const walk = (v: unknown, key = ""): void => {
    if (typeof v === "string") {
      if (key === "text") out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(body.blocks);
  return out.join("\n");
}

describe("newsbot digest --since 30d --post, through the real clients to the fake Slack and Discord", () => {
  const folder = articlesFolder("newsbot-digest-post-", { "zz-hostile.md": HOSTILE, ...manyArticles(14) });
  let run: Awaited<ReturnType<typeof runNewsbot>>;
  let slackPost: Call;
  let discordPost: RestCall;

  beforeAll(async () => {
    run = await runNewsbot(["digest", "--since", "30d", "--post"], { cwd: folder.root, env: { ...folder.env, ...platformEnv() } });
    slackPost = slack.of("chat.postMessage").at(-1)!;
    discordPost = discordPosts().at(-1)!;
  }, 90_000);

  it("posts once to each digest channel and exits 0", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`posted to slack:${SLACK_CHANNEL}`);
    expect(run.stderr).toContain(`posted to discord:${DISCORD_CHANNEL}`);
    expect(slack.of("chat.postMessage")).toHaveLength(1);
    expect(discordPosts()).toHaveLength(1);
    expect(slackPost.body.channel).toBe(SLACK_CHANNEL);
    expect(slackPost.headers.authorization).toBe(`Bearer ${SLACK_TOKEN}`);
    expect(discordPost.auth).toBe(`Bot ${DISCORD_TOKEN}`);
  });

  it("fits each platform's limits: Slack answered ok, Discord 200, and the fakes' own checks agree", () => {
    expect(slackPost.status).toBe(200);
    expect(slackPost.response).toMatchObject({ ok: true });
    expect(checkMessage(slackPost.body)).toBeNull();
    expect(discordPost.status).toBe(200);
    expect(messageProblems(discordPost.body)).toEqual([]);
    expect(slack.calls.filter((c) => c.status !== 200 || (c.response as { ok?: boolean }).ok === false)).toEqual([]);
    expect(discord.rejected()).toEqual([]);
  });

  it("says how many more there are when the digest is longer than a message", () => {
    // 17 articles: 10 listed, "and 7 more articles" on Slack; Discord's 6,000 characters hold fewer, and
    // says how many more.
    expect(slackText(slackPost.body)).toMatch(/and 7 more articles/);
    const discordMore = /and (\d+) more articles/.exec(JSON.stringify(discordPost.body.embeds));
    expect(Number(discordMore?.[1])).toBeGreaterThanOrEqual(7);
    const listed = (discordPost.body.embeds[0].fields as unknown[]).length;
    expect(listed + Number(discordMore?.[1])).toBe(17);
    for (const text of [slackText(slackPost.body), JSON.stringify(discordPost.body.embeds)]) expect(text).not.toMatch(/not shown|press More|narrow the query/);
  });

  it("keeps the digest's sections: articles, key quotes, key figures and who was in the news", () => {
    const s = slackText(slackPost.body);
    const d = JSON.stringify(discordPost.body.embeds);
    for (const text of [s, d]) {
      expect(text).toMatch(/Key quotes/);
      expect(text).toMatch(/Key figures/);
      expect(text).toMatch(/In the news:/);
    }
  });

  it("on Discord, each section is an embed of its own, titled, with its items as fields", () => {
    const embeds = discordPost.body.embeds as { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
    expect(embeds.map((e) => e.title)).toEqual(["Digest in the last 30 days", "Key quotes", "Key figures", undefined]);
    expect(embeds[1].fields!.length).toBeGreaterThan(0);
    expect(embeds[2].fields!.length).toBeGreaterThan(0);
    expect(embeds[1].fields!.every((f) => f.value.startsWith("“"))).toBe(true);
    expect(embeds[2].fields!.every((f) => f.value.startsWith("**"))).toBe(true);
    expect(embeds[3].description).toMatch(/^In the news: /);
  });

  it("links back to the articles", () => {
    expect(slackText(slackPost.body)).toMatch(/<https:\/\/news\.example\/story-\d+\|/);
    expect(JSON.stringify(discordPost.body.embeds)).toMatch(/\]\(https:\/\/news\.example\/story-\d+\)/);
  });

  it("never carries a live mention from article text; Discord is told to ping no one", () => {
    // Slack: no control sequence, and the plain words "@here"/"@everyone" are not left for Slack to parse.
    expect(liveMentions(slackPost.body)).toEqual([]);
    expect(slackText(slackPost.body)).not.toMatch(SLACK_CONTROL);
    // Discord: embeds never ping, and allowed_mentions says content may not either.
    expect(discordPost.body.allowed_mentions).toEqual({ parse: [] });
    expect(pings({ ...discordPost.body, content: "@everyone <@123456789012345678> <@&987654321>" })).toEqual([]);
    // The hostile article is in the digest, neutralised (not dropped).
    expect(slackText(slackPost.body)).toMatch(/Council row/);
    expect(JSON.stringify(discordPost.body.embeds)).toMatch(/Council row/);
  });

  it("logs neither token", () => {
    expect(run.stdout + run.stderr).not.toContain(SLACK_TOKEN);
    expect(run.stdout + run.stderr).not.toContain(DISCORD_TOKEN);
  });
});

describe("newsbot digest --post on a quiet day, and with a platform down", () => {
  const old = `---\ntitle: Old news\ndate: 2020-01-01\nurl: https://news.example/old\n---\nNothing happened. “It was quiet,” said Jane Doe.\n`;
  const quiet = articlesFolder("newsbot-digest-quiet-", { "old.md": old }, false);
  const channels = () => ({ slack: slack.of("chat.postMessage").length, discord: discordPosts().length });

  it("posts one line to each platform", async () => {
    const before = channels();
    const r = await runNewsbot(["digest", "--since", "24h", "--post"], { cwd: quiet.root, env: { ...quiet.env, ...platformEnv() } });
    expect(r.code, r.stderr).toBe(0);
    expect(channels()).toEqual({ slack: before.slack + 1, discord: before.discord + 1 });
    const s = slack.of("chat.postMessage").at(-1)!;
    expect(checkMessage(s.body)).toBeNull();
    const lines = (s.body.blocks as { text?: { text: string } }[]).map((b) => b.text?.text).filter(Boolean);
    expect(lines).toEqual(["*Digest in the last 24 hours*", "Nothing new in the archive in the last 24 hours."]);
    const embed = discordPosts().at(-1)!.body.embeds[0];
    expect(embed).toMatchObject({ title: "Digest in the last 24 hours", description: "Nothing new in the archive in the last 24 hours." });
    expect(embed.fields).toBeUndefined();
  }, 60_000);

  it("posts nothing with DIGEST_SKIP_EMPTY=true, and says so", async () => {
    const before = channels();
    const r = await runNewsbot(["digest", "--since", "24h", "--post"], {
      cwd: quiet.root,
      env: { ...quiet.env, ...platformEnv({ DIGEST_SKIP_EMPTY: "true" }) },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/nothing new: not posted \(DIGEST_SKIP_EMPTY\)/);
    expect(channels()).toEqual(before);
  }, 60_000);

  it("Slack down: Discord still gets the digest; the exit code and message say what failed", async () => {
    const before = channels();
    // Every try Slack's client makes (the first and its 3 retries) answers 500.
    slack.fail("chat.postMessage", { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const r = await runNewsbot(["digest", "--since", "30d", "--post"], { cwd: quiet.root, env: { ...quiet.env, ...platformEnv() } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`newsbot digest: could not post to slack:${SLACK_CHANNEL}: Slack answered HTTP 500`);
    expect(r.stderr).toContain(`posted to discord:${DISCORD_CHANNEL}`);
    expect(slack.of("chat.postMessage").length - before.slack).toBe(4);
    expect(discordPosts().length - before.discord).toBe(1);
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/); // a message, not a stack trace
  }, 60_000);
});

describe("newsbot digest --post with quotations too long for one message", () => {
  // Five speakers, each with a 2,500-character quotation, and figures after them: more text than a Slack
  // message's blocks or a Discord embed hold. Every section must still be there, each with "and N more".
  const speakers = ["Alice Longwind", "Bertram Verbose", "Cecilia Prolix", "Desmond Wordy", "Eleanor Garrulous"];
  const files: Record<string, string> = {};
  speakers.forEach((name, i) => {
    const words = Array.from({ length: 330 }, (_, w) => `point${w}`).join(" ");
    for (let copy = 0; copy < 2; copy++) {
      files[`long/${i}-${copy}.md`] =
        `---\ntitle: "Long speech ${i}-${copy} by ${name}"\ndate: ${today}\nurl: https://news.example/long-${i}-${copy}\n---\n${name} spoke at length to the council on Tuesday.\n\n“I will say this about ${words} and that is all,” said ${name}, the council leader.\n\nThe plan costs £${i + 1}${copy}.5 million, ${name} said.\n`;
    }
  });
  const folder = articlesFolder("newsbot-digest-long-", files, false);

  it("keeps every section on both platforms, trimming items rather than dropping what follows", async () => {
    const before = { slack: slack.of("chat.postMessage").length, discord: discordPosts().length };
    const r = await runNewsbot(["digest", "--since", "1d", "--post"], { cwd: folder.root, env: { ...folder.env, ...platformEnv() } });
    expect(r.code, r.stderr).toBe(0);
    expect(slack.of("chat.postMessage").length).toBe(before.slack + 1);
    expect(discordPosts().length).toBe(before.discord + 1);
    const s = slack.of("chat.postMessage").at(-1)!;
    const d = discordPosts().at(-1)!;
    expect(checkMessage(s.body)).toBeNull();
    expect(messageProblems(d.body)).toEqual([]);
    const slackShown = slackText(s.body);
    const discordShown = JSON.stringify(d.body.embeds);
    for (const [platform, text] of [
      ["slack", slackShown],
      ["discord", discordShown],
    ]) {
      expect(text, platform).toMatch(/Key quotes/);
      expect(text, platform).toMatch(/Key figures/);
      expect(text, platform).toMatch(/In the news:/);
      expect(text, platform).toMatch(/and \d+ more quotes/);
      // Nothing that only makes sense for an answer with buttons.
      expect(text, platform).not.toMatch(/not shown|press More|narrow the query/);
    }
  }, 60_000);
});

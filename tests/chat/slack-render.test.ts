// The Block Kit renderer: exact output for a quote, Block Kit's limits held for long answers, article text
// escaped, and the app manifest in step with the bot's commands.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import type { Block, QuoteBlock, Reply, SourceRef } from "../../src/reply/model.ts";
import { parseButton } from "../../src/reply/buttons.ts";
import { Messages } from "../../src/reply/messages.ts";
import { BUTTON_TEXT_MAX, BUTTON_VALUE_MAX, MAX_BLOCKS, SECTION_TEXT_MAX } from "../../src/reply/slack-kit.ts";
import { renderSlack } from "../../src/reply/slack.ts";
import { slackText } from "../../src/reply/text.ts";
import { checkMessage } from "../fakes/slack-api.ts";
import { manifest } from "../../slack/manifest.ts";
import { figureBlock } from "../helpers/replies.ts";
import { LIVE_MENTION, visibleText } from "./slack-helpers.ts";

const source = (over: Partial<SourceRef> = {}): SourceRef => ({
  articleId: "a1",
  title: "IDS resigns",
  date: "2016-03-19",
  url: "https://news.example/ids",
  path: "000.txt",
  paragraph: 12,
  ...over,
});

const quote = (over: Partial<QuoteBlock> = {}): QuoteBlock => ({
  kind: "quote",
  text: "When even IDS thinks it’s a cruel cut too far, it is definitely time for a fundamental rethink",
  speaker: "Nicola Sturgeon",
  partial: false,
  match: "by",
  source: source(),
  ...over,
});

const reply = (blocks: Block[], over: Partial<Reply> = {}): Reply => ({
  command: "quote",
  query: "sturgeon",
  title: "Quotes by Nicola Sturgeon",
  blocks,
  paging: { page: 1, pages: 2, total: 2 },
  status: "ok",
  ...over,
});

const sections = (m: ReturnType<typeof renderSlack>) =>
  m.blocks.flatMap((b) => (b.type === "section" ? [b.text.text] : b.type === "context" ? b.elements.map((e) => e.text) : []));

describe("the Slack renderer", () => {
  it("renders a quote reply exactly", () => {
    expect(renderSlack(reply([quote()]))).toEqual({
      response_type: "ephemeral",
      text: "Quotes by Nicola Sturgeon: “When even IDS thinks it’s a cruel cut too far, it is definitely time for a fundamental rethink” — Nicola Sturgeon",
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "*Quotes by Nicola Sturgeon*", verbatim: true } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: ">“When even IDS thinks it’s a cruel cut too far, it is definitely time for a fundamental rethink”\n— *Nicola Sturgeon* · <https://news.example/ids|IDS resigns> · 2016-03-19 · ¶12",
            verbatim: true,
          },
        },
        { type: "context", elements: [{ type: "mrkdwn", text: "Page 1 of 2 (2 results)", verbatim: true }] },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "newsbot_share",
              text: { type: "plain_text", text: "Share in channel" },
              value: "sh:quote:1:sturgeon",
              style: "primary",
            },
            { type: "button", action_id: "newsbot_more", text: { type: "plain_text", text: "More" }, value: "pg:quote:2:sturgeon" },
          ],
        },
      ],
      unfurl_links: false,
      unfurl_media: false,
    });
  });

  it("says when the speaker is unsure, and links nothing when the article has no URL", () => {
    const m = renderSlack(reply([quote({ speaker: null, source: source({ url: null }) })]));
    expect(sections(m)[1]).toContain("— _speaker unsure_ · IDS resigns · 2016-03-19 · ¶12");
    expect(sections(m)[1]).not.toContain("<");
  });

  it("renders a figure with its value in bold, what it measures, the source and its articles", () => {
    const m = renderSlack(
      reply([figureBlock({ claimedBy: "the IFS", sources: [source(), source({ title: "Second", url: null, paragraph: 2 })] })], {
        command: "figure",
        title: "Figures on “PIP”",
      }),
    );
    const text = sections(m)[1];
    expect(text).toMatch(/^\*£4\.4 billion\* — cuts to PIP, according to the IFS\n= 4,400,000,000 GBP\n“The demand/);
    expect(text).toContain("In 2 articles:\n<https://news.example/ids|IDS resigns> · 2016-03-19 · ¶12\nSecond · 2016-03-19 · ¶2");
  });

  it("keeps within Block Kit's limits for a 200-result reply, saying how many are not shown", () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      quote({ text: `Quote number ${i} ${"words ".repeat(60)}`, source: source({ title: `Article ${i} ${"long title ".repeat(40)}` }) }),
    );
    const m = renderSlack(reply(many, { paging: { page: 1, pages: 40, total: 200 } }));
    expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(checkMessage(m as unknown as Record<string, unknown>)).toBeNull();
    for (const t of sections(m)) expect(t.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    expect(visibleText(m)).toMatch(/\d+ more results not shown here/);
    const buttons = m.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    for (const b of buttons) {
      expect(b.text.text.length).toBeLessThanOrEqual(BUTTON_TEXT_MAX);
      expect(b.value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
    }
  });

  it("cuts a 10,000-character quote visibly at a word boundary, never changing its words, and links the rest", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(" ");
    const long = `${words} & <tail>`.padEnd(10_000, " x");
    const m = renderSlack(reply([quote({ text: long })]));
    expect(checkMessage(m as unknown as Record<string, unknown>)).toBeNull();
    const text = sections(m)[1];
    expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    expect(text).toContain("(quote continues in <https://news.example/ids|the article>)");
    const shown = text.slice(2, text.indexOf(" … (quote continues"));
    expect(long.startsWith(shown)).toBe(true);
    expect(long[shown.length]).toBe(" ");
    expect(shown.length).toBeGreaterThan(2000);
  });

  it("escapes &, < and > in all article text, so no mention or link can come from an article", () => {
    const evil = "<!channel> <!here> <@U123> & <https://evil.test|click>";
    const m = renderSlack(
      reply(
        [
          quote({ text: evil, speaker: evil, source: source({ title: evil, url: "https://news.example/a?x=1&y=<2>" }) }),
          { kind: "article", snippet: evil, source: source({ title: evil }) },
          { kind: "person", name: evil, type: "person", aliases: [evil], roles: [evil], articles: 1, quotes: 1 },
          {
            kind: "figure",
            text: evil,
            value: 1,
            unit: "GBP",
            per: evil,
            approx: null,
            measure: evil,
            claimedBy: evil,
            sentence: evil,
            sources: [source({ title: evil })],
          },
          { kind: "text", text: evil },
          { kind: "note", text: evil },
          { kind: "suggestions", commands: [`/quote ${evil}`] },
        ],
        { title: evil, query: evil },
      ),
    );
    const shown = visibleText(m);
    expect(shown).not.toMatch(LIVE_MENTION);
    expect(shown).toContain("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp; &lt;https://evil.test|click&gt;");
    expect(shown).toContain("<https://news.example/a?x=1&amp;y=%3C2%3E|");
    expect(slackText("a & b <c>")).toBe("a &amp; b &lt;c&gt;");
  });

  it("shares in channel without buttons, saying who shared", () => {
    const m = renderSlack(reply([quote()]), { visibility: "in_channel", buttons: false, sharedBy: "U42" });
    expect(m.response_type).toBe("in_channel");
    expect(m.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(visibleText(m)).toContain(Messages.sharedBy("U42"));
  });

  it("keeps the button state within 2000 characters, in the format Discord's buttons use", () => {
    const m = renderSlack(reply([quote()], { query: "\u0001".repeat(2500) }));
    const values = m.blocks.flatMap((b) => (b.type === "actions" ? b.elements.map((e) => e.value) : []));
    expect(values).toHaveLength(2);
    for (const v of values) expect(v.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
    const hostile = renderSlack(reply([quote()], { query: "<!channel> & <@U123>" }));
    const [share, more] = hostile.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(share.value).not.toMatch(/[<>&]/);
    expect(parseButton(share.value)).toEqual({ action: "share", command: "quote", query: "<!channel> & <@U123>", page: 1 });
    expect(parseButton(more.value)).toEqual({ action: "page", command: "quote", query: "<!channel> & <@U123>", page: 2 });
  });
});

describe("the Slack renderer on random replies", () => {
  // A small seeded generator, so a failure can be reproduced.
  let seed = 20240501;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const pieces = ["word", "🙂", "*bold*", "_it_", "`code`", "<!channel>", "<@U123>", "&amp;", "<https://x.test|y>", ">", "\n", "  ", "é", "—", "“q”", "|", "~"];
  const text = (max: number) => Array.from({ length: Math.floor(rand() * max) }, () => pick(pieces)).join(pick([" ", "", " "]));
  const src = (): SourceRef =>
    source({ title: text(80), url: rand() < 0.5 ? null : `https://news.example/${text(5).replace(/\s/g, "")}`, date: rand() < 0.5 ? null : "2020-01-01" });
  const block = (): Block => {
    switch (pick(["quote", "figure", "article", "person", "text", "note", "suggestions"] as const)) {
      case "quote":
        return quote({ text: text(rand() < 0.2 ? 3000 : 60), speaker: rand() < 0.3 ? null : text(10), source: src() });
      case "figure":
        return {
          kind: "figure",
          text: text(5),
          value: rand() * 1e9,
          unit: "GBP",
          per: rand() < 0.5 ? null : text(3),
          approx: null,
          measure: text(50),
          claimedBy: rand() < 0.5 ? null : text(8),
          sentence: text(400),
          sources: Array.from({ length: 1 + Math.floor(rand() * 12) }, src),
        };
      case "article":
        return { kind: "article", snippet: text(600), source: src() };
      case "person":
        return {
          kind: "person",
          name: text(6),
          type: "person",
          aliases: Array.from({ length: Math.floor(rand() * 30) }, () => text(6)),
          roles: [text(10)],
          articles: 3,
          quotes: 2,
        };
      case "text":
        return { kind: "text", text: text(800) };
      case "note":
        return { kind: "note", text: text(300) };
      case "suggestions":
        return { kind: "suggestions", commands: Array.from({ length: Math.floor(rand() * 30) }, () => `/quote ${text(8)}`) };
    }
  };

  it("holds every limit and lets no mention through, for 300 random replies", () => {
    for (let i = 0; i < 300; i++) {
      const r = reply(Array.from({ length: Math.floor(rand() * 80) }, block), {
        title: text(40),
        query: text(30),
        paging: rand() < 0.5 ? null : { page: 1, pages: 3, total: 12 },
      });
      for (const options of [{}, { visibility: "in_channel" as const, buttons: false, sharedBy: "U9" }]) {
        const m = renderSlack(r, options);
        expect(checkMessage(m as unknown as Record<string, unknown>), `reply ${i}`).toBeNull();
        expect(visibleText(m)).not.toMatch(LIVE_MENTION);
        expect(JSON.stringify(m.blocks.flatMap((b) => (b.type === "actions" ? b.elements.map((e) => e.value) : [])))).not.toMatch(/[<>&]/);
      }
    }
  });
});

describe("the Slack app manifests", () => {
  for (const file of ["slack/manifest.json", "slack/manifest.http.json"]) {
    it(`${file} declares every command of the bot, the scopes and interactivity`, () => {
      const m = JSON.parse(readFileSync(file, "utf8"));
      // Regenerate with `node bin/run-ts.js slack/manifest.ts` when the commands change.
      expect(m).toEqual(manifest(file.includes("http") ? "http" : "socket"));
      expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
      for (const c of m.features.slash_commands) expect(c.description).toBe(commands.find((x) => `/${x.name}` === c.command)!.description);
      expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["commands", "chat:write", "chat:write.public"]));
      expect(m.settings.interactivity.is_enabled).toBe(true);
      expect(m.settings.socket_mode_enabled).toBe(file === "slack/manifest.json");
      if (file.includes("http")) for (const c of m.features.slash_commands) expect(c.url).toMatch(/\/slack\/events$/);
    });
  }
});

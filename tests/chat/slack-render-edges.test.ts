// Edge cases of the Slack renderer beyond slack-render.test.ts: the exact figure message, no Share on an
// empty answer, state too long for a button, oversized titles/people/notes/suggestions, escaping in every
// field (a hostile article URL included), entities never split when cutting.
import { describe, expect, it } from "vitest";
import type { Block, Reply, SourceRef } from "../../src/reply/model.ts";
import { parseButton } from "../../src/reply/buttons.ts";
import { ACTION_SHARE, BUTTON_TEXT_MAX, BUTTON_VALUE_MAX, MAX_BLOCKS, SECTION_TEXT_MAX, type SlackMessage } from "../../src/reply/slack-kit.ts";
import { renderNotice, renderSlack } from "../../src/reply/slack.ts";
import { fitText, slackText } from "../../src/reply/text.ts";
import { checkMessage, LIMITS, liveMentions } from "../fakes/slack-api.ts";
import { figureBlock } from "../helpers/replies.ts";

const src: SourceRef = {
  articleId: "a1",
  title: "Duncan Smith quits",
  date: "2016-03-19",
  url: "https://news.example/ids?a=1&b=2",
  path: "a1.md",
  paragraph: 12,
};
const plainSrc: SourceRef = { articleId: "b", title: "All in this together?", date: null, url: null, path: "b.txt", paragraph: 2 };
const reply = (r: Partial<Reply> & Pick<Reply, "blocks">): Reply => ({
  command: "quote",
  query: "sturgeon",
  title: "Quotes by Nicola Sturgeon",
  paging: null,
  status: "ok",
  ...r,
});
const quote = (text: string, more: Partial<Extract<Block, { kind: "quote" }>> = {}): Block => ({
  kind: "quote",
  text,
  speaker: "Nicola Sturgeon",
  partial: false,
  match: "by",
  source: src,
  ...more,
});
const allText = (m: SlackMessage) => [
  m.text,
  ...m.blocks.flatMap((b) => (b.type === "section" ? [b.text.text] : b.type === "context" ? b.elements.map((e) => e.text) : [])),
];

const within = (m: SlackMessage) => {
  expect(checkMessage(m as unknown as Record<string, unknown>)).toBeNull();
  expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  for (const b of m.blocks) {
    if (b.type === "section") expect(b.text.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    if (b.type === "actions")
      for (const e of b.elements) {
        expect(e.text.text.length).toBeLessThanOrEqual(BUTTON_TEXT_MAX);
        expect(e.value.length).toBeLessThanOrEqual(BUTTON_VALUE_MAX);
      }
  }
  expect(m.text.length).toBeLessThanOrEqual(LIMITS.text);
};

describe("Slack renderer edge cases", () => {
  it("pings no one from article text, in a private answer or one shared in the channel: plain @here stays words", () => {
    const r = reply({
      title: "Quotes by @channel",
      blocks: [quote("Tell @here and @everyone, and <!channel> and <@U123>, that we will not back down"), { kind: "note", text: "@everyone read this" }],
    });
    for (const visibility of ["ephemeral", "in_channel"] as const) {
      const m = renderSlack(r, { visibility });
      expect(liveMentions(m as unknown as Record<string, unknown>)).toEqual([]);
      expect(JSON.stringify(m.blocks)).toContain("Tell @here and @everyone");
    }
  });

  it("renders a figure exactly: value in bold, measure, claimant, sentence and every article", () => {
    const figure = figureBlock({
      measure: "cuts in Personal Independence Payments",
      claimedBy: "Institute for Fiscal Studies",
      sentence: "The demand for £4.4 billion cuts in PIP was the last straw.",
      sources: [src, plainSrc],
    });
    const m = renderSlack(reply({ command: "figure", query: "PIP", title: "Figures on “PIP”", blocks: [figure] }));
    expect(m).toEqual({
      response_type: "ephemeral",
      text: "Figures on “PIP”: £4.4 billion — cuts in Personal Independence Payments",
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "*Figures on “PIP”*", verbatim: true } },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "*£4.4 billion* — cuts in Personal Independence Payments, according to Institute for Fiscal Studies\n= 4,400,000,000 GBP\n“The demand for £4.4 billion cuts in PIP was the last straw.”\nIn 2 articles:\n<https://news.example/ids?a=1&amp;b=2|Duncan Smith quits> · 2016-03-19 · ¶12\nAll in this together? · ¶2",
            verbatim: true,
          },
        },
        {
          type: "actions",
          elements: [
            { type: "button", action_id: ACTION_SHARE, text: { type: "plain_text", text: "Share in channel" }, value: "sh:figure:1:PIP", style: "primary" },
          ],
        },
      ],
      unfurl_links: false,
      unfurl_media: false,
    });
  });

  it("offers no Share button on an empty answer, usage help or an error", () => {
    for (const status of ["empty", "usage", "error"] as const) {
      const m = renderSlack(reply({ status, blocks: [{ kind: "text", text: "Nothing found." }] }));
      expect(m.blocks.some((b) => b.type === "actions")).toBe(false);
    }
  });

  it("gives a query too long for a button's value buttons that carry a key to it instead", () => {
    const q = "x".repeat(3000);
    const m = renderSlack(reply({ query: q, paging: { page: 1, pages: 3, total: 12 }, blocks: [quote("Hi.")] }));
    within(m);
    const values = m.blocks.flatMap((b) => (b.type === "actions" ? b.elements.map((e) => e.value) : []));
    expect(values.map((v) => parseButton(v))).toEqual([
      { action: "share", command: "quote", page: 1, key: expect.stringMatching(/^[\w-]{22}$/) },
      { action: "page", command: "quote", page: 2, key: expect.stringMatching(/^[\w-]{22}$/) },
    ]);
  });

  it("fits a huge title, person, text, note and suggestion list", () => {
    const m = renderSlack(
      reply({
        title: "T".repeat(5000),
        blocks: [
          { kind: "person", name: "N".repeat(4000), type: "person", aliases: Array(300).fill("alias"), roles: Array(300).fill("role"), articles: 3, quotes: 1 },
          { kind: "text", text: "y ".repeat(5000) },
          { kind: "note", text: "n ".repeat(5000) },
          { kind: "suggestions", commands: Array(500).fill("/quote something long") },
        ],
      }),
    );
    within(m);
  });

  it("fits 60 long figures, each with 40 sources", () => {
    const sources = Array.from({ length: 40 }, (_, i) => ({ ...src, articleId: `a${i}`, title: `Title ${i} ${"long ".repeat(60)}` }));
    const blocks: Block[] = Array.from({ length: 60 }, (_, i) => ({
      kind: "figure",
      text: `£${i} billion`,
      value: i * 1e9,
      unit: "GBP",
      per: "year",
      approx: "about",
      measure: "m ".repeat(800),
      claimedBy: "c ".repeat(400),
      sentence: "s ".repeat(2000),
      sources,
    }));
    within(renderSlack(reply({ command: "figure", paging: { page: 1, pages: 12, total: 60 }, blocks })));
  });

  it("keeps a notice within the limits", () => {
    within(renderNotice("z".repeat(10_000)));
  });

  it("escapes every field, and never links a non-http URL", () => {
    const nasty = "<!channel> <!here> <!everyone> <@U123> <#C999> <https://evil.example|click me> @here & done";
    const evil: SourceRef = { ...src, title: nasty, url: "javascript:alert(1)" };
    const m = renderSlack(
      reply({
        title: nasty,
        blocks: [
          quote(nasty, { speaker: nasty, source: evil }),
          { kind: "figure", text: nasty, value: 1, unit: "GBP", per: nasty, approx: nasty, measure: nasty, claimedBy: nasty, sentence: nasty, sources: [evil] },
          { kind: "article", snippet: nasty, source: evil },
          { kind: "person", name: nasty, type: "person", aliases: [nasty], roles: [nasty], articles: 1, quotes: 1 },
          { kind: "text", text: nasty },
          { kind: "note", text: nasty },
          { kind: "suggestions", commands: [nasty] },
        ],
      }),
    );
    for (const t of allText(m)) {
      expect(t).not.toMatch(/<[!@#]/);
      expect(t).not.toContain("<https://evil");
      expect(t).not.toContain("javascript:");
    }
  });

  it("never leaves half an entity when cutting escaped text", () => {
    for (let max = 5; max < 60; max++) {
      const cut = fitText("a & b < c > d ".repeat(5), max, slackText);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });
});

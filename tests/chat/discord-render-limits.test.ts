// The Discord renderer holds Discord's limits however long the answer: one huge reply, and 200 random ones.
import { describe, expect, it } from "vitest";
import { encodeButton, type ButtonState } from "../../src/reply/buttons.ts";
import { CUSTOM_ID_MAX, renderDiscord } from "../../src/reply/discord.ts";
import type { Block, Reply, SourceRef } from "../../src/reply/model.ts";
import { messageProblems } from "../fakes/discord.ts";

const source: SourceRef = {
  articleId: "003.txt",
  title: "Sturgeon: PIP cuts",
  date: "2016-03-19",
  url: "https://example.org/news/pip-cuts",
  path: "003.txt",
  paragraph: 4,
};

describe("Discord renderer within limits", () => {
  it("holds every limit for a 200-result reply with long text everywhere", () => {
    const long = "Lorem ipsum dolor sit amet ".repeat(400);
    const blocks: Block[] = [{ kind: "text", text: long }];
    for (let i = 0; i < 200; i++) {
      blocks.push(
        i % 3 === 0
          ? {
              kind: "quote",
              text: long,
              speaker: long,
              partial: true,
              match: "mentions",
              source: { ...source, title: long, url: `https://example.org/${"a".repeat(2000)}` },
            }
          : i % 3 === 1
            ? {
                kind: "figure",
                text: long,
                value: 1e12,
                unit: "GBP",
                per: long,
                approx: long,
                measure: long,
                claimedBy: long,
                sentence: long,
                sources: Array(40).fill({ ...source, title: long }),
              }
            : { kind: "person", name: long, type: "person", aliases: [long, long], roles: [long], articles: 3, quotes: 9 },
      );
    }
    blocks.push({ kind: "note", text: long }, { kind: "suggestions", commands: Array(100).fill(`/quote ${long}`) });
    const reply: Reply = { command: "search", query: long, title: long, blocks, paging: { page: 3, pages: 40, total: 200 }, status: "ok" };
    const id = (s: ButtonState) => encodeButton(s, CUSTOM_ID_MAX);
    const out = renderDiscord(reply, {
      ids: {
        previous: id({ action: "page", command: "search", page: 2, query: long }),
        next: id({ action: "page", command: "search", page: 4, query: long }),
        share: id({ action: "share", command: "search", page: 3, query: long }),
      },
      content: long,
    });
    expect(messageProblems(out)).toEqual([]);
    expect(out.embeds[0].footer?.text).toMatch(/Page 3 of 40/);
    expect(out.embeds[0].footer?.text).toMatch(/more not shown/);
    expect(out.components[0].components.map((b) => b.label)).toEqual(["Previous", "Next", "Share"]);
  });

  it("holds every limit for 200 random replies (lengths, emoji, markdown, mentions, blank text)", () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const pieces = ["word", "🙂", "**", "_", "\\", "`", ">", "<@123>", "@everyone", "[x](y)", " ", "\n", "a".repeat(300), "é", "\u0007", "‘’“”"];
    const text = () => Array.from({ length: Math.floor(rand() ** 3 * 2000) }, () => pick(pieces)).join(pick(["", " ", "  "]));
    const src = (): SourceRef => ({
      ...source,
      title: text(),
      url: rand() < 0.5 ? null : `https://example.org/${"p".repeat(Math.floor(rand() * 600))}`,
      date: rand() < 0.5 ? null : "2016-03-19",
    });
    const block = (): Block => {
      switch (Math.floor(rand() * 7)) {
        case 0:
          return {
            kind: "quote",
            text: text(),
            speaker: rand() < 0.3 ? null : text(),
            partial: rand() < 0.5,
            match: pick(["by", "mentions", "topic"] as const),
            source: src(),
          };
        case 1:
          return {
            kind: "figure",
            text: text(),
            value: rand() * 1e12,
            unit: "GBP",
            per: rand() < 0.5 ? null : text(),
            approx: rand() < 0.5 ? null : text(),
            measure: text(),
            claimedBy: rand() < 0.5 ? null : text(),
            sentence: text(),
            sources: Array.from({ length: 1 + Math.floor(rand() * 8) }, src),
          };
        case 2:
          return { kind: "article", snippet: text(), source: src() };
        case 3:
          return { kind: "person", name: text(), type: "person", aliases: [text(), text()], roles: [text()], articles: 2, quotes: 3 };
        case 4:
          return { kind: "text", text: text() };
        case 5:
          return { kind: "note", text: text() };
        default:
          return { kind: "suggestions", commands: [text(), text()] };
      }
    };
    for (let n = 0; n < 200; n++) {
      const reply: Reply = {
        command: "search",
        query: text(),
        title: text(),
        blocks: Array.from({ length: Math.floor(rand() * 40) }, block),
        paging: rand() < 0.5 ? null : { page: 2, pages: 9, total: 44 },
        status: pick(["ok", "empty", "usage", "error"] as const),
      };
      const id = (page: number) => encodeButton({ action: "page", command: "search", page, query: reply.query }, CUSTOM_ID_MAX);
      const out = renderDiscord(reply, {
        ids: { previous: id(1), next: id(3), share: encodeButton({ action: "share", command: "search", page: 2, query: reply.query }, CUSTOM_ID_MAX) },
        content: rand() < 0.3 ? text() : undefined,
      });
      expect(messageProblems(out), `reply ${n}`).toEqual([]);
      expect(out.embeds[0].description ?? out.embeds[0].fields, `reply ${n} says something`).toBeTruthy();
      // No cut leaves half an emoji behind.
      expect(JSON.stringify(out), `reply ${n}`).not.toMatch(/\\ud83d(?!\\ude42)/);
    }
  });
});

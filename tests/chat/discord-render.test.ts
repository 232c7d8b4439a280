// The Discord renderer: exact output for quotes and figures, buttons and paging (its limits: discord-render-limits.test.ts).
import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/chat/discord.ts";
import { commands } from "../../commands/index.ts";
import { encodeButton, parseButton } from "../../src/reply/buttons.ts";
import { CUSTOM_ID_MAX, QUOTE_CONTINUES, renderDiscord } from "../../src/reply/discord.ts";
import type { Reply, SourceRef } from "../../src/reply/model.ts";
import { messageProblems } from "../fakes/discord.ts";
import { figureBlock, figureReply } from "../helpers/replies.ts";

const source: SourceRef = {
  articleId: "003_a45378febf24a42f.txt",
  title: "Sturgeon: PIP cuts a [cruel] step",
  date: "2016-03-19",
  url: "https://example.org/news/pip-cuts",
  path: "003_a45378febf24a42f.txt",
  paragraph: 4,
};

const quoteReply = (text: string, speaker: string | null = "Nicola Sturgeon"): Reply => ({
  command: "quote",
  query: "sturgeon",
  title: "Quotes by Nicola Sturgeon",
  blocks: [{ kind: "quote", text, speaker, partial: false, match: "by", source }],
  paging: null,
  status: "ok",
});

const ids = { previous: "pg:quote:0:sturgeon", next: "pg:quote:2:sturgeon", share: "sh:quote:1:sturgeon" };

describe("Discord renderer", () => {
  it("renders a quote reply exactly: speaker, quotation, linked title, date, paragraph and a Share button", () => {
    const out = renderDiscord(quoteReply("This is a cruel cut too far for *disabled* people."), { ids });
    expect(out).toEqual({
      embeds: [
        {
          title: "Quotes by Nicola Sturgeon",
          color: 0x2b6cb0,
          fields: [
            {
              name: "Nicola Sturgeon",
              value:
                "“This is a cruel cut too far for \\*disabled\\* people.”\n[Sturgeon: PIP cuts a \\[cruel\\] step](https://example.org/news/pip-cuts) · 2016-03-19 · ¶4",
            },
          ],
        },
      ],
      components: [{ type: 1, components: [{ type: 2, style: 1, label: "Share", custom_id: "sh:quote:1:sturgeon" }] }],
    });
  });

  it("says 'speaker unsure' when the speaker is not known, and shows the path when there is no URL", () => {
    const reply = quoteReply("Words.", null);
    (reply.blocks[0] as { source: SourceRef }).source = { ...source, url: null };
    const field = renderDiscord(reply).embeds[0].fields![0];
    expect(field.name).toBe("speaker unsure");
    expect(field.value).toContain("Sturgeon: PIP cuts a \\[cruel\\] step · 2016-03-19 · ¶4");
  });

  it("puts a figure's value in bold with what it measures and its source", () => {
    const reply = figureReply([figureBlock({ claimedBy: "the Treasury", sentence: "The cuts would save £4.4 billion.", sources: [source] })], {
      title: "Figures for PIP",
    });
    const field = renderDiscord(reply).embeds[0].fields![0];
    expect(field.name).toBe("cuts to PIP");
    expect(field.value).toMatch(/^\*\*£4\.4 billion\*\*/);
    expect(field.value).toContain("According to the Treasury");
    expect(field.value).toContain("(https://example.org/news/pip-cuts)");
  });

  it("renders a figure reply exactly: bold value, what it measures, who says so, the sentence and every source", () => {
    const other: SourceRef = {
      ...source,
      articleId: "000_2ea4bb40d2f84377.txt",
      title: "So we aren't all in this together",
      url: null,
      date: null,
      path: "000_2ea4bb40d2f84377.txt",
      paragraph: 2,
    };
    const reply = figureReply([
      figureBlock({
        measure: "cuts to Personal Independence Payments",
        claimedBy: "the Institute for Fiscal Studies",
        sentence: "The changes will see £4.4 billion cut from the bill.",
        sources: [source, other],
      }),
    ]);
    expect(renderDiscord(reply, { ids: { previous: null, next: null, share: "sh:figure:1:PIP" } })).toEqual({
      embeds: [
        {
          title: "Figures on “PIP”",
          color: 0x2b6cb0,
          fields: [
            {
              name: "cuts to Personal Independence Payments",
              value: [
                "**£4.4 billion** = 4,400,000,000 GBP",
                "According to the Institute for Fiscal Studies",
                "> The changes will see £4.4 billion cut from the bill.",
                "In 2 articles:",
                "[Sturgeon: PIP cuts a \\[cruel\\] step](https://example.org/news/pip-cuts) · 2016-03-19 · ¶4",
                "So we aren't all in this together · ¶2",
              ].join("\n"),
            },
          ],
        },
      ],
      components: [{ type: 1, components: [{ type: 2, style: 1, label: "Share", custom_id: "sh:figure:1:PIP" }] }],
    });
  });

  it("does not repeat a figure's sentence when its name (what it measures) is that sentence", () => {
    const sentence = "The demand for £4.4 billion cuts was the last straw.";
    const reply = figureReply([figureBlock({ measure: sentence.slice(0, -1), sentence, sources: [source] })]);
    const field = renderDiscord(reply).embeds[0].fields![0];
    expect(field.name).toBe(sentence.slice(0, -1));
    expect(field.value).not.toContain("> ");
  });

  it("offers Share only on an answer, and Previous/Next only when there are pages", () => {
    const empty: Reply = {
      command: "quote",
      query: "zzz",
      title: "/quote zzz",
      blocks: [{ kind: "text", text: "Nothing for “zzz”." }],
      paging: null,
      status: "empty",
    };
    expect(renderDiscord(empty, { ids }).components).toEqual([]);
    const one = { ...quoteReply("Words."), paging: { page: 1, pages: 1, total: 1 } };
    expect(renderDiscord(one, { ids }).components[0].components.map((b) => b.label)).toEqual(["Share"]);
    const middle = { ...quoteReply("Words."), paging: { page: 2, pages: 3, total: 11 } };
    const buttons = renderDiscord(middle, { ids }).components[0].components;
    expect(buttons.map((b) => [b.label, b.disabled ?? false])).toEqual([
      ["Previous", false],
      ["Next", false],
      ["Share", false],
    ]);
  });

  it("cuts a 10,000-character quote visibly at a word boundary, words unchanged, link kept", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(" ");
    const out = renderDiscord(quoteReply(words), { ids });
    expect(messageProblems(out)).toEqual([]);
    const value = out.embeds[0].fields![0].value;
    expect(value.length).toBeLessThanOrEqual(1024);
    expect(value).toContain(`”${QUOTE_CONTINUES}`);
    expect(value).toContain("(https://example.org/news/pip-cuts)");
    const shown = value.slice(1, value.indexOf("”"));
    expect(words.startsWith(shown + " ")).toBe(true);
  });

  it("keeps button state in the custom_id when it fits, else a key to the query kept in the archive", () => {
    const short = encodeButton({ action: "page", command: "quote", page: 2, query: "owen smith: cuts" }, CUSTOM_ID_MAX);
    expect(short).toBe("pg:quote:2:owen smith: cuts");
    expect(parseButton(short)).toEqual({ action: "page", command: "quote", page: 2, query: "owen smith: cuts" });
    const long = "q".repeat(500);
    const id = encodeButton({ action: "share", command: "search", page: 1, query: long }, CUSTOM_ID_MAX);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(id).toMatch(/^sk:search:1:[\w-]{22}$/);
    // The same query gives the same key on every replica; another query another key.
    expect(parseButton(id)).toEqual({ action: "share", command: "search", page: 1, key: id.slice(-22) });
    expect(encodeButton({ action: "page", command: "search", page: 3, query: long }, CUSTOM_ID_MAX).slice(-22)).toBe(id.slice(-22));
    expect(encodeButton({ action: "page", command: "search", page: 3, query: `${long}!` }, CUSTOM_ID_MAX).slice(-22)).not.toBe(id.slice(-22));
    // Mention-like text never travels in a button, and reads back exactly.
    const hostile = encodeButton({ action: "page", command: "quote", page: 1, query: "<@123> & 100%" }, CUSTOM_ID_MAX);
    expect(hostile).not.toMatch(/[<>&]/);
    expect(parseButton(hostile)).toMatchObject({ query: "<@123> & 100%" });
    for (const bad of ["not-ours", "pg:../x:1:q", "pk:quote:1:short", "", "sh:quote:x:q"]) expect(parseButton(bad)).toBeNull();
  });

  it("registers every command with a valid name, description ≤ 100 and one query option", () => {
    const defs = commandDefinitions(commands);
    for (const d of defs) {
      expect(d.name).toMatch(/^[a-z-]{1,32}$/);
      expect(d.description.length).toBeLessThanOrEqual(100);
      expect(d.options).toEqual([expect.objectContaining({ type: 3, name: "query" })]);
    }
    expect(defs.filter((d) => d.options[0].autocomplete).map((d) => d.name)).toEqual(expect.arrayContaining(["quote", "who", "figure"]));
  });
});

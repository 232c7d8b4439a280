import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openBot } from "../../src/core.ts";
import { buildDigest, trimDigest } from "../../src/digest/build.ts";
import { parseSince } from "../../src/digest/since.ts";
import { logger } from "../../src/log.ts";
import type { Block, Reply } from "../../src/reply/model.ts";
import { newsbot } from "../helpers/cli.ts";
import { tempDir } from "../helpers/tmp.ts";

const quiet = logger("error");

function folder(files: Record<string, string>) {
  const root = tempDir("newsbot-digest-");
  const articles = join(root, "articles");
  mkdirSync(articles);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(articles, name), text);
  return { root, articles, env: { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles } };
}

const md = (title: string, date: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\nurl: https://example.test/${encodeURIComponent(title)}\n---\n${body}\n`;
const ofKind = <K extends Block["kind"]>(r: Reply, kind: K) => r.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);

describe("newsbot digest, end to end on the sample articles", () => {
  const root = tempDir();
  const articles = join(root, "articles");
  cpSync("data/articles", articles, { recursive: true });
  const env = { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles };

  it("--since 30d --json lists both articles, Sturgeon's and Duncan Smith's quotes and the PIP figures", () => {
    const r = newsbot(["digest", "--since", "30d", "--json"], { env });
    expect(r.code, r.stderr).toBe(0);
    const reply = JSON.parse(r.stdout) as Reply;
    expect(reply).toMatchObject({ command: "digest", status: "ok" });
    expect(
      ofKind(reply, "article")
        .map((a) => a.source.path)
        .sort(),
    ).toEqual(["000_2ea4bb40d2f84377.txt", "003_a45378febf24a42f.txt"]);
    const speakers = ofKind(reply, "quote").map((q) => q.speaker);
    expect(speakers).toContain("Nicola Sturgeon");
    expect(speakers).toContain("Iain Duncan Smith");
    // Each prominent speaker gets a quote before anyone gets a second one.
    expect(new Set(speakers.slice(0, 3)).size).toBe(3);
    const figures = ofKind(reply, "figure");
    const pip = figures.find((f) => f.value === 4.4e9);
    expect(pip?.unit).toBe("GBP");
    expect(pip?.sources).toHaveLength(2);
    expect(figures.map((f) => f.value)).toEqual(expect.arrayContaining([640000, 370000]));
    expect(figures.every((f) => f.measure.length > 0)).toBe(true);
    expect(
      ofKind(reply, "text")
        .map((t) => t.text)
        .join(" "),
    ).toMatch(/In the news: Iain Duncan Smith \(2 articles\)/);
  });

  it("prints a readable digest in the terminal, and refuses a period it cannot read", () => {
    const r = newsbot(["digest", "--since", "30d"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Digest in the last 30 days/);
    expect(r.stdout).toMatch(/Key quotes/);
    const bad = newsbot(["digest", "--since", "soon"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since soon is not a period/);
    const post = newsbot(["digest", "--post"], { env });
    expect(post.code).toBe(2);
    expect(post.stderr).toMatch(/no digest channel is set/);
  });
});

describe("buildDigest", () => {
  it("a quiet period is one line, with status empty", async () => {
    const f = folder({ "old.md": md("Old news", "2020-01-01", "Nothing happened. “It was quiet,” said Jane Doe.") });
    const bot = await openBot(loadConfig({ env: f.env }), { log: quiet });
    try {
      const now = new Date();
      const reply = await buildDigest(bot.store, { since: parseSince("24h", now)!, now });
      expect(reply.status).toBe("empty");
      expect(reply.blocks).toEqual([{ kind: "text", text: "Nothing new in the archive in the last 24 hours." }]);
      // The same archive read from further back has it.
      const year2020 = await buildDigest(bot.store, { since: new Date("2019-12-31T00:00:00Z"), now });
      expect(ofKind(year2020, "article").map((a) => a.source.title)).toEqual(["Old news"]);
    } finally {
      await bot.close();
    }
  });

  it("dated articles count by their date, so a week-old story is not in today's digest", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const f = folder({
      "new.md": md("Fresh story", today, "The council met today."),
      "old.md": md("Last week's story", "2024-05-01", "The council met then."),
    });
    const bot = await openBot(loadConfig({ env: f.env }), { log: quiet });
    try {
      const reply = await bot.handle({ command: "digest", query: "", platform: "cli" });
      expect(ofKind(reply, "article").map((a) => a.source.title)).toEqual(["Fresh story"]);
      expect(ofKind(reply, "article")[0].source.url).toMatch(/^https:\/\/example\.test\//);
    } finally {
      await bot.close();
    }
  });

  it("caps long lists with “and N more”", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const files: Record<string, string> = {};
    for (let i = 1; i <= 13; i++) {
      files[`a${i}.md`] = md(
        `Story ${i}`,
        today,
        `“We will fix road ${i},” said Councillor Person${"abcdefghijklm"[i - 1]} Smith${i}. The repair costs £${i} million.`,
      );
    }
    const f = folder(files);
    const bot = await openBot(loadConfig({ env: f.env }), { log: quiet });
    try {
      const reply = await bot.handle({ command: "digest", query: "1d", platform: "cli" });
      expect(reply.status).toBe("ok");
      expect(ofKind(reply, "article")).toHaveLength(10);
      const notes = ofKind(reply, "note").map((n) => n.text);
      expect(notes).toContain("and 3 more articles");
      expect(ofKind(reply, "figure").length).toBeLessThanOrEqual(5);
      expect(notes.some((n) => /^and \d+ more figures$/.test(n))).toBe(true);
    } finally {
      await bot.close();
    }
  });

  it("/digest with a period it cannot read answers with usage help", async () => {
    const f = folder({ "a.md": md("A story", "2024-05-01", "Text.") });
    const bot = await openBot(loadConfig({ env: f.env }), { log: quiet });
    try {
      const reply = await bot.handle({ command: "/digest", query: "yesterday-ish", platform: "slack" });
      expect(reply.status).toBe("usage");
      expect(JSON.stringify(reply.blocks)).toMatch(/not a period/);
    } finally {
      await bot.close();
    }
  });
});

describe("trimDigest", () => {
  const q = (n: number): Block => ({
    kind: "quote",
    text: `quote ${n}`,
    speaker: `Person ${n}`,
    partial: false,
    match: "by",
    source: { articleId: "a", title: "T", date: null, url: null, path: "a.txt", paragraph: n },
  });
  const digest = (blocks: Block[]): Reply => ({ command: "digest", query: "", title: "Digest", blocks, paging: null, status: "ok" });

  it("drops the last item of a kind and counts it in the note after the list, keeping one", () => {
    const d = digest([
      { kind: "note", text: "Key quotes" },
      q(1),
      q(2),
      q(3),
      { kind: "note", text: "and 4 more quotes" },
      { kind: "text", text: "In the news: A." },
    ]);
    const once = trimDigest(d, "quote")!;
    expect(once.blocks.map((b) => (b.kind === "quote" ? b.text : b.kind === "note" || b.kind === "text" ? b.text : b.kind))).toEqual([
      "Key quotes",
      "quote 1",
      "quote 2",
      "and 5 more quotes",
      "In the news: A.",
    ]);
    const twice = trimDigest(once, "quote")!;
    expect(twice.blocks.filter((b) => b.kind === "quote")).toHaveLength(1);
    expect(twice.blocks).toContainEqual({ kind: "note", text: "and 6 more quotes" });
    expect(trimDigest(twice, "quote")).toBeNull();
    expect(d.blocks).toHaveLength(6); // the original is left as it was
  });

  it("adds the note when the list had none", () => {
    const d = trimDigest(digest([q(1), q(2), { kind: "text", text: "In the news: A." }]), "quote")!;
    expect(d.blocks.map((b) => b.kind)).toEqual(["quote", "note", "text"]);
    expect(d.blocks[1]).toEqual({ kind: "note", text: "and 1 more quote" });
    expect(trimDigest(d, "figure")).toBeNull();
  });
});

describe("parseSince", () => {
  const now = new Date("2026-03-10T07:00:00Z");
  it("reads hours, days, weeks, minutes and dates, and nothing else", () => {
    expect(parseSince("24h", now)?.toISOString()).toBe("2026-03-09T07:00:00.000Z");
    expect(parseSince("30d", now)?.toISOString()).toBe("2026-02-08T07:00:00.000Z");
    expect(parseSince("2w", now)?.toISOString()).toBe("2026-02-24T07:00:00.000Z");
    expect(parseSince("90m", now)?.toISOString()).toBe("2026-03-10T05:30:00.000Z");
    expect(parseSince("2026-03-01", now)?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    for (const bad of ["", "0d", "tomorrow", "2027-01-01", "-3d", "3 fortnights"]) expect(parseSince(bad, now), bad).toBeNull();
  });
});

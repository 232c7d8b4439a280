// Polled feed items carry their guid and version (issues 18, 19): a corrected item (same guid, other text)
// replaces its article instead of being dropped or duplicated; the same item in two feeds, or in a feed
// file saved in the folder, is one article; an older copy never replaces a newer one. Through a local
// HTTP feed, the real poller and the real SQLite archive.
import { createServer, type Server } from "node:http";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollFeed } from "../../src/archive/feeds.ts";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { tempDir } from "../helpers/tmp.ts";

const item = (text: string, date: string) =>
  `<item><title>Bridge to reopen</title><link>https://news.test/bridge</link><guid isPermaLink="false">bridge-1</guid><pubDate>${date}</pubDate>` +
  `<description>${text}</description></item>`;
const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>${items}</channel></rss>`;
const FIRST = "“The bridge will reopen in May,” said Gillian Ferris, the county engineer.";
const CORRECTED = "“The bridge will reopen in June,” said Gillian Ferris, the county engineer.";

/** What each path serves now: the test changes it between polls. */
const served: Record<string, string> = {};
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = served[req.url ?? ""];
    if (body === undefined) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/rss+xml" }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("polled feed items have a guid and a version", () => {
  const root = tempDir("newsbot-feed-versions-");
  const articles = join(root, "articles");
  mkdirSync(articles);
  const config = loadConfig({ env: { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles } });
  let bot: Bot;
  beforeAll(async () => {
    bot = await openBot(config, { log: memoryLogger() });
  });
  afterAll(() => bot.close());

  const quotes = async () => {
    const reply = (await bot.handle({ command: "quote", query: "Gillian Ferris", platform: "cli" })) as unknown as { sections?: unknown };
    return JSON.stringify(reply);
  };
  const stats = () => bot.store.stats();

  it("a corrected item replaces its article; the same item in another feed or a feed file is one article", async () => {
    const log = memoryLogger();
    served["/a"] = rss(item(FIRST, "Tue, 10 Mar 2026 06:00:00 GMT"));
    expect(await pollFeed(`${base}/a`, articles, bot.store, log)).toMatchObject({ status: "new", written: 1 });
    await bot.sync();
    expect((await stats()).articles).toBe(1);
    expect(await quotes()).toContain("reopen in May");

    // The agency corrects the item: same guid, new text, a later date. Before, the correction was dropped.
    served["/a"] = rss(item(CORRECTED, "Tue, 10 Mar 2026 09:00:00 GMT"));
    expect(await pollFeed(`${base}/a`, articles, bot.store, log)).toMatchObject({ status: "new", written: 1 });
    expect(log.lines.join("\n")).toMatch(/item bridge-1 changed \(a correction\): its article is replaced/);
    const report = await bot.sync();
    expect(report).toMatchObject({ added: 0, updated: 1 });
    expect((await stats()).articles).toBe(1);
    expect(await quotes()).toContain("reopen in June");
    expect(await quotes()).not.toContain("reopen in May");
    // Polled again unchanged: nothing written.
    expect(await pollFeed(`${base}/a`, articles, bot.store, log)).toMatchObject({ written: 0 });

    // Another feed carries the same item, in its older version: written, but the newer version is kept.
    served["/b"] = rss(item(FIRST, "Tue, 10 Mar 2026 06:00:00 GMT"));
    expect(await pollFeed(`${base}/b`, articles, bot.store, log)).toMatchObject({ written: 1 });
    const second = await bot.sync();
    expect(second.skipped).toEqual([expect.objectContaining({ reason: expect.stringMatching(/replaced by version \d+ of the same item/) })]);
    expect((await stats()).articles).toBe(1);
    expect(await quotes()).toContain("reopen in June");

    // A feed file saved in the folder holding the same item, corrected version: still one article.
    writeFileSync(join(articles, "saved.rss"), rss(item(CORRECTED, "Tue, 10 Mar 2026 09:00:00 GMT")));
    await bot.sync();
    expect((await stats()).articles).toBe(1);
    expect(readdirSync(join(articles, "feeds")).filter((f) => f.endsWith(".json"))).toHaveLength(2);
  });

  it("an older copy of an item never replaces the newer one in its file", async () => {
    served["/a"] = rss(item(FIRST, "Tue, 10 Mar 2026 06:00:00 GMT"));
    expect(await pollFeed(`${base}/a`, articles, bot.store, memoryLogger())).toMatchObject({ written: 0 });
    await bot.sync();
    expect(await quotes()).toContain("reopen in June");
  });
});

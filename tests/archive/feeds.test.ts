import { createServer, type Server } from "node:http";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGE_DEFAULTS, completeFromPage, parseFeed, pollFeed, startFeeds } from "../../src/archive/feeds.ts";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { eventually } from "../helpers/net.ts";
import { tempDir } from "../helpers/tmp.ts";

const RSS = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Local</title>
<item><title>Bridge to reopen</title><link>https://news.test/bridge</link><guid>bridge-1</guid><pubDate>Tue, 10 Mar 2026 06:00:00 GMT</pubDate><dc:creator>Ann Writer</dc:creator>
<content:encoded><![CDATA[<p>The old bridge will reopen in May.</p><p>“We are proud of the repairs &amp; the team,” said Gillian Ferris, the county engineer.</p>]]></content:encoded></item>
</channel></rss>`;
const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>
<entry><title>Library hours</title><id>urn:lib:1</id><link rel="alternate" href="https://news.test/library"/><updated>2026-03-09T10:00:00Z</updated><author><name>Bo Reporter</name></author>
<content type="html">&lt;p&gt;“Libraries will open on Sundays,” said Percival Bookman, the culture lead.&lt;/p&gt;</content></entry></feed>`;

/** Items with only a summary, each linking to a page that behaves differently; one with full content. */
const SUMMARY = (what: string) => `Summary of the ${what} story.`;
const summaryFeed = (
  base: string,
) => `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Summaries</title>
${["ok", "error", "slow", "huge", "pdf", "moved", "loop"].map((p) => `<item><title>The ${p} story</title><link>${base}/page/${p}</link><guid>${p}</guid><description>${SUMMARY(p)}</description></item>`).join("\n")}
<item><title>The ftp story</title><link>ftp://127.0.0.1/page</link><guid>ftp</guid><description>${SUMMARY("ftp")}</description></item>
<item><title>The full story</title><link>${base}/page/never</link><guid>full</guid><description>${SUMMARY("full")}</description><content:encoded><![CDATA[<p>The whole story is in the feed.</p>]]></content:encoded></item>
</channel></rss>`;
const summaryAtom = (base: string) => `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom summaries</title>
<entry><title>The atom story</title><id>urn:atom-ok</id><link rel="alternate" href="${base}/page/atom"/><updated>2026-03-09T10:00:00Z</updated><summary>${SUMMARY("atom")}</summary></entry></feed>`;

const PAGE = (quote: string) => `<!doctype html><html><head><title>Site title</title><meta name="author" content="Page Author"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> Subscribe now</nav>
<article><h1>The library story</h1>
<p>The council confirmed the new central library plans on Monday evening after a long debate.</p>
<p>${quote}</p>
<p>Building work is expected to start in the spring and last about eighteen months.</p></article>
<footer>Copyright Local News</footer></body></html>`;

const pageHits: Record<string, number> = {};

function servePage(path: string, res: import("node:http").ServerResponse) {
  const name = path.slice("/page/".length);
  pageHits[name] = (pageHits[name] ?? 0) + 1;
  const html = { "content-type": "text/html; charset=utf-8" };
  switch (name) {
    case "ok":
      return res.writeHead(200, html).end(PAGE("“The new library will open in June,” said Gwendolyn Ashcroft, the culture lead."));
    case "atom":
      return res.writeHead(200, html).end(PAGE("“Sunday opening is here to stay,” said Percy Pages, the head librarian."));
    case "moved":
      return res.writeHead(301, { location: "/page/moved-here" }).end();
    case "moved-here":
      return res.writeHead(200, html).end(PAGE("“Redirects are followed,” said Rita Route, the web editor."));
    case "loop":
      return res.writeHead(302, { location: "/page/loop" }).end();
    case "error":
      return res.writeHead(500, html).end("<p>oops</p>");
    case "slow":
      setTimeout(() => res.writeHead(200, html).end(PAGE("“Too late,” said Sam Slow.")), 3000).unref();
      return;
    case "huge":
      return res.writeHead(200, html).end(PAGE("x".repeat(1024 * 1024)));
    case "pdf":
      return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4 not a page");
    default:
      return res.writeHead(404).end();
  }
}

let server: Server;
let base = "";
const hits: Record<string, number> = {};
const conditional: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits[path] = (hits[path] ?? 0) + 1;
    if (path === "/rss") {
      if (req.headers["if-none-match"] === '"v1"') {
        conditional.push(path);
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' }).end(RSS);
    } else if (path === "/atom") {
      const lm = "Mon, 09 Mar 2026 10:00:00 GMT";
      if (req.headers["if-modified-since"] === lm) {
        conditional.push(path);
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/atom+xml", "last-modified": lm }).end(ATOM);
    } else if (path === "/down") res.writeHead(500).end("oops");
    else if (path === "/slow") setTimeout(() => res.writeHead(200).end(RSS), 3000).unref();
    else if (path === "/bad") res.writeHead(200, { "content-type": "text/html" }).end("<html><body>Not a feed</body></html>");
    else if (path === "/huge") res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<rss>${"x".repeat(6 * 1024 * 1024)}</rss>`);
    else if (path === "/summaries") res.writeHead(200, { "content-type": "application/rss+xml" }).end(summaryFeed(base));
    else if (path === "/summaries.atom") res.writeHead(200, { "content-type": "application/atom+xml" }).end(summaryAtom(base));
    else if (path.startsWith("/page/")) servePage(path, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("feeds", () => {
  const root = tempDir("newsbot-feeds-");
  const articles = join(root, "articles");
  mkdirSync(articles);
  const config = loadConfig({ env: { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles } });
  let bot: Bot;
  beforeAll(async () => {
    bot = await openBot(config, { log: memoryLogger(), warm: true });
  });
  afterAll(() => bot.close());

  it("parses RSS 2.0 and Atom items: title, link, date, author, text", () => {
    expect(parseFeed(RSS)).toMatchObject([
      {
        id: "bridge-1",
        title: "Bridge to reopen",
        link: "https://news.test/bridge",
        date: "Tue, 10 Mar 2026 06:00:00 GMT",
        author: "Ann Writer",
        text: "The old bridge will reopen in May.\n\n“We are proud of the repairs & the team,” said Gillian Ferris, the county engineer.",
        summaryOnly: false,
      },
    ]);
    expect(parseFeed(ATOM)[0]).toMatchObject({
      id: "urn:lib:1",
      link: "https://news.test/library",
      author: "Bo Reporter",
      text: "“Libraries will open on Sundays,” said Percival Bookman, the culture lead.",
    });
    expect(() => parseFeed("<html></html>")).toThrow(/not an RSS or Atom feed/);
  });

  it("a feed item served locally answers /quote; a second poll is a conditional GET and ingests nothing twice", async () => {
    const log = memoryLogger();
    const feeds = startFeeds([`${base}/rss`, `${base}/atom`, `${base}/down`, `${base}/bad`], 60, articles, bot.store, () => bot.sync(), log);
    try {
      // startFeeds polls at once; wait (bounded, generously: a loaded machine is slow) for that poll's items to be answerable.
      const ask = async () => JSON.stringify(await bot.handle({ command: "quote", query: "Gillian Ferris", platform: "cli" }));
      const reply = await eventually(async () => {
        const r = await ask();
        return r.includes("proud of the repairs") && r;
      }, "the feed's quote answering /quote");
      expect(reply).toContain("proud of the repairs");
      expect(reply).toContain("https://news.test/bridge");
      expect(JSON.stringify(await bot.handle({ command: "quote", query: "Percival Bookman", platform: "cli" }))).toContain("open on Sundays");
      const files = readdirSync(join(articles, "feeds"));
      expect(files.filter((f) => f.endsWith(".json"))).toHaveLength(2);
      // The first poll ends with its sync, a moment after its items can be answered: until then a poll is skipped ([]).
      const again = await eventually(async () => {
        const polled = await feeds.poll();
        return polled.length > 0 && polled;
      }, "a second poll that is not skipped");
      expect(again.find((r) => r.url.endsWith("/rss"))?.status).toBe("unchanged");
      expect(again.find((r) => r.url.endsWith("/atom"))?.status).toBe("unchanged");
      expect(conditional).toEqual(expect.arrayContaining(["/rss", "/atom"]));
      expect(readdirSync(join(articles, "feeds"))).toHaveLength(2);
      expect(log.lines.join("\n")).toMatch(/feed .*\/down: HTTP 500; will try again/);
      expect(log.lines.join("\n")).toMatch(/feed .*\/bad: not an RSS or Atom feed/);
    } finally {
      feeds.stop();
    }
  });

  it("items seen before are not written again even without a conditional GET", async () => {
    await bot.store.setMeta(`feed:${base}/rss`, "{}");
    const r = await pollFeed(`${base}/rss`, articles, bot.store, memoryLogger());
    expect(r).toMatchObject({ status: "new", written: 0 });
  });

  it("a slow, failing, malformed or huge feed is logged and reported, never thrown", async () => {
    const log = memoryLogger();
    const slow = await pollFeed(`${base}/slow`, articles, bot.store, log, 300);
    expect(slow).toMatchObject({ status: "failed", error: "no answer within 0.3 s" });
    expect((await pollFeed(`${base}/down`, articles, bot.store, log)).error).toBe("HTTP 500");
    expect((await pollFeed(`${base}/bad`, articles, bot.store, log)).error).toMatch(/not an RSS or Atom feed/);
    expect((await pollFeed(`${base}/huge`, articles, bot.store, log)).error).toMatch(/too large/);
    expect((await pollFeed("http://127.0.0.1:1/none", articles, bot.store, log)).status).toBe("failed");
    expect(log.lines.filter((l) => /will try again/.test(l))).toHaveLength(5);
  });
});

describe("feed items with only a summary are completed from their page", () => {
  const root = tempDir("newsbot-feed-pages-");
  const articles = join(root, "articles");
  mkdirSync(articles);
  const config = loadConfig({ env: { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles } });
  let bot: Bot;
  const log = memoryLogger();
  const bodies = new Map<string, { body: string; author: string | null }>();
  beforeAll(async () => {
    bot = await openBot(config, { log: memoryLogger() });
    // 2 s: long enough for the other pages on a loaded machine, shorter than the slow page's 3 s.
    const page = { timeoutMs: 2000, maxBytes: 200_000 };
    expect(await pollFeed(`${base}/summaries`, articles, bot.store, log, 5000, page)).toMatchObject({ status: "new", written: 9 });
    expect(await pollFeed(`${base}/summaries.atom`, articles, bot.store, log, 5000, page)).toMatchObject({ status: "new", written: 1 });
    for (const f of readdirSync(join(articles, "feeds"))) {
      const a = JSON.parse(readFileSync(join(articles, "feeds", f), "utf8")) as { url: string; body: string; author: string | null };
      bodies.set(a.url.replace(base, ""), { body: a.body, author: a.author });
    }
  });
  afterAll(() => bot.close());
  const logged = () => log.lines.join("\n");

  it("parses an item with only a description or summary as summary-only", () => {
    expect(parseFeed(summaryFeed(base)).map((i) => [i.id, i.summaryOnly])).toEqual([
      ["ok", true],
      ["error", true],
      ["slow", true],
      ["huge", true],
      ["pdf", true],
      ["moved", true],
      ["loop", true],
      ["ftp", true],
      ["full", false],
    ]);
    expect(parseFeed(summaryAtom(base))[0]).toMatchObject({ summaryOnly: true, text: SUMMARY("atom") });
  });

  it("page OK: the article's text from the page, without its navigation, and the page's byline", () => {
    const ok = bodies.get("/page/ok")!;
    expect(ok.body).toContain("“The new library will open in June,” said Gwendolyn Ashcroft, the culture lead.");
    expect(ok.body).toContain("Building work is expected to start in the spring");
    expect(ok.body).not.toMatch(/Subscribe now|Copyright/);
    expect(ok.author).toBe("Page Author");
    expect(bodies.get("/page/atom")!.body).toContain("Sunday opening is here to stay");
  });

  it("follows a redirect to the page, and gives up on a redirect loop", () => {
    expect(bodies.get("/page/moved")!.body).toContain("Redirects are followed");
    expect(bodies.get("/page/loop")!.body).toBe(SUMMARY("loop"));
    expect(logged()).toMatch(/page\/loop: page not used \(more than 3 redirects\)/);
    expect(pageHits.loop).toBe(4);
  });

  it("page 500, slow, huge, not HTML or not http(s): the summary is kept and the reason logged", () => {
    for (const p of ["error", "slow", "huge", "pdf"]) expect(bodies.get(`/page/${p}`)!.body, p).toBe(SUMMARY(p));
    expect(bodies.get("ftp://127.0.0.1/page")!.body).toBe(SUMMARY("ftp"));
    expect(logged()).toMatch(/page\/error: page not used \(HTTP 500\); keeping the feed's summary/);
    expect(logged()).toMatch(/page\/slow: page not used \(no answer within 2 s\)/);
    expect(logged()).toMatch(/page\/huge: page not used \(too large/);
    expect(logged()).toMatch(/page\/pdf: page not used \(not an HTML page \(application\/pdf\)\)/);
    expect(logged()).toMatch(/ftp:\/\/127\.0\.0\.1\/page: page not used \(not an http\(s\) address \(ftp:\)\)/);
  });

  it("an item with full content is not fetched", () => {
    expect(bodies.get("/page/never")!.body).toBe("The whole story is in the feed.");
    expect(pageHits.never).toBeUndefined();
  });

  it("the completed item answers /quote after a sync", async () => {
    await bot.sync();
    const reply = JSON.stringify(await bot.handle({ command: "quote", query: "Gwendolyn Ashcroft", platform: "cli" }));
    expect(reply).toContain("The new library will open in June");
  });
});

describe("feed item pages on private addresses", () => {
  it("are not fetched for a feed on a public address: the summary is kept and the reason logged", async () => {
    const log = memoryLogger();
    const item = {
      id: "x",
      title: "The ok story",
      link: `${base}/page/ok`,
      date: null,
      author: null,
      text: SUMMARY("ok"),
      summaryOnly: true,
      tags: [],
      updated: 0,
    };
    const kept = await completeFromPage(item, { ...PAGE_DEFAULTS, allowPrivate: false }, log);
    expect(kept.text).toBe(SUMMARY("ok"));
    expect(log.lines.join("\n")).toMatch(/page not used \(the page is on a private address \(127\.0\.0\.1\) and the feed is not\)/);
    // The same page for a feed that is itself on a private address (as every feed in these tests is).
    const completed = await completeFromPage(item, { ...PAGE_DEFAULTS, allowPrivate: true }, log);
    expect(completed.text).not.toBe(SUMMARY("ok"));
  });
});

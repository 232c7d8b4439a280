// Feeds (NEWSBOT_FEEDS): RSS and Atom (parsed by src/archive/formats/feed.ts), polled with conditional
// GET (ETag / Last-Modified). Each new item is written as a .json article into the `feeds/` folder of the articles folder, so the normal sync
// indexes it like any other file, with its guid and version: the same item from another feed, or in a
// feed file in the folder, is indexed once. An item whose file exists is written again only when the feed
// changed it (a correction: same guid, other text, no older date), and then replaces what it had. A
// feed that is down, slow, malformed or huge is logged and tried again at the next poll; it never stops
// the bot or the other feeds.
//
// An item that carries only a summary (RSS <description>, Atom <summary>, no full content) is completed
// from its page: the link is fetched (http/https only, a few redirects, a timeout and a size cap, HTML
// only) and read by the same HTML reader as an .html article file. When the page cannot be had or holds
// less text than the summary, the summary is kept.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Logger } from "../log.ts";
import { isPrivateHost } from "./addresses.ts";
import { readFeed, type FeedItem } from "./formats/feed.ts";
import { fromHtml, MAX_ARTICLE_BYTES } from "./read.ts";
import type { ArchiveStore } from "./store.ts";

export const FEED_TIMEOUT_MS = 15_000;
export const FEED_MAX_BYTES = 5 * 1024 * 1024;

export interface PageOptions {
  /** For the whole page: connecting, redirects and reading (default 10 s). */
  timeoutMs?: number;
  /** Bytes read at most (default 2 MB, an article file's limit). */
  maxBytes?: number;
  /** Redirects followed at most (default 3). */
  maxRedirects?: number;
  /** Pages fetched at once for one feed (default 4). */
  concurrency?: number;
  /** Pages on private addresses may be fetched (src/archive/addresses.ts): only for a feed on one itself. */
  allowPrivate?: boolean;
}

export const PAGE_DEFAULTS: Required<PageOptions> = { timeoutMs: 10_000, maxBytes: MAX_ARTICLE_BYTES, maxRedirects: 3, concurrency: 4, allowPrivate: false };

export type { FeedItem };

/** Items of an RSS (0.9x, 1.0, 2.0) or Atom document (src/archive/formats/feed.ts); throws when it is neither. */
export function parseFeed(xml: string, url?: string): FeedItem[] {
  return readFeed(xml, url).items;
}

export interface PollResult {
  url: string;
  status: "new" | "unchanged" | "failed";
  written: number;
  error?: string;
}

/** Fetches one feed (conditionally) and writes its new items; never throws. */
export async function pollFeed(
  url: string,
  articlesDir: string,
  store: ArchiveStore,
  log: Logger,
  timeoutMs = FEED_TIMEOUT_MS,
  page: PageOptions = {},
): Promise<PollResult> {
  const metaKey = `feed:${url}`;
  try {
    const cache = JSON.parse((await store.getMeta(metaKey)) ?? "{}") as { etag?: string; lastModified?: string };
    const headers: Record<string, string> = { accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5", "user-agent": "newsbot" };
    if (cache.etag) headers["if-none-match"] = cache.etag;
    if (cache.lastModified) headers["if-modified-since"] = cache.lastModified;
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    if (res.status === 304) return { url, status: "unchanged", written: 0 };
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const xml = await readCapped(res, FEED_MAX_BYTES);
    const { items, broken } = readFeed(xml, url);
    if (broken) log.warn(`feed ${url}: ${broken} item${broken > 1 ? "s are" : " is"} not well-formed XML and could not be read; the others are`);
    const dir = join(articlesDir, "feeds");
    mkdirSync(dir, { recursive: true });
    const fresh = items
      .map((item) => ({ item, file: join(dir, `${createHash("sha1").update(`${url}\n${item.id}`).digest("hex").slice(0, 16)}.json`), hash: itemHash(item) }))
      .filter(({ item, file, hash }) => (item.text || (item.summaryOnly && item.link)) && changedSince(file, hash, item.updated));
    const options = { ...PAGE_DEFAULTS, allowPrivate: await isPrivateHost(new URL(url).hostname).catch(() => false), ...page };
    let written = 0;
    await inPool(fresh, options.concurrency, async ({ item, file, hash }) => {
      const done = item.summaryOnly && item.link ? await completeFromPage(item, options, log) : item;
      if (!done.text) return;
      if (existsSync(file)) log.info(`feed ${url}: item ${item.id} changed (a correction): its article is replaced`);
      const article = {
        title: done.title || done.text.slice(0, 80),
        url: done.link,
        date: done.date,
        author: done.author,
        outlet: hostOf(url),
        tags: done.tags,
        body: done.text,
        guid: item.id,
        version: item.updated,
        feed: { url, item: hash },
      };
      // Written whole under a hidden name (passed over by the listing and the watcher), then renamed: the
      // watcher never reads half a file.
      const part = join(dirname(file), `.${basename(file)}.part`);
      writeFileSync(part, JSON.stringify(article, null, 1));
      renameSync(part, file);
      written++;
    });
    await store.setMeta(metaKey, JSON.stringify({ etag: res.headers.get("etag") ?? undefined, lastModified: res.headers.get("last-modified") ?? undefined }));
    return { url, status: "new", written };
  } catch (e) {
    const err = e as Error;
    const error = err.name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : err.message;
    log.warn(`feed ${url}: ${error}; will try again at the next poll`);
    return { url, status: "failed", written: 0, error };
  }
}

/** What the feed said of an item (before its page was fetched): when it changes, the item was corrected. */
function itemHash(item: FeedItem): string {
  return createHash("sha1")
    .update(JSON.stringify([item.title, item.text, item.link, item.date, item.author, item.tags]))
    .digest("hex")
    .slice(0, 16);
}

/** True when the item is new, or the feed changed it since its file was written (and it is not older). */
function changedSince(file: string, hash: string, version: number): boolean {
  if (!existsSync(file)) return true;
  try {
    const before = JSON.parse(readFileSync(file, "utf8")) as { version?: number; feed?: { item?: string } };
    return before.feed?.item !== hash && version >= (before.version ?? 0);
  } catch {
    // Damaged or edited by hand: written again from the feed.
    return true;
  }
}

async function readCapped(res: Response, max: number, charset = "utf-8"): Promise<string> {
  const length = Number(res.headers.get("content-length") ?? 0);
  if (length > max) {
    await res.body?.cancel().catch(() => {});
    throw new Error(`too large (${length} bytes; at most ${max})`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (res.body as ReadableStream<Uint8Array> | null)?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await reader.cancel().catch(() => {});
        throw new Error(`too large (over ${max} bytes)`);
      }
      chunks.push(value);
    }
  }
  // The page's declared charset when the runtime knows it, else UTF-8.
  const decoder = (() => {
    try {
      return new TextDecoder(charset);
    } catch {
      return new TextDecoder();
    }
  })();
  return decoder.decode(Buffer.concat(chunks));
}

/**
 * The item with its page's text (and the page's byline and date where the feed has none), or the item as
 * the feed gave it when the page cannot be had: the reason is logged, the summary is kept.
 */
export async function completeFromPage(item: FeedItem, options: Required<PageOptions>, log: Logger): Promise<FeedItem> {
  try {
    const html = await fetchPage(item.link!, options);
    const read = fromHtml(html, item.link!);
    if (!read.ok) throw new Error(read.reason);
    const page = read.articles[0];
    const text = page.paragraphs.join("\n\n");
    if (text.length < item.text.length) throw new Error("the page holds less text than the feed's summary");
    return { ...item, text, title: item.title || page.title, author: item.author ?? page.byline, date: item.date ?? page.date };
  } catch (e) {
    const err = e as Error;
    const why = err.name === "TimeoutError" || err.name === "AbortError" ? `no answer within ${options.timeoutMs / 1000} s` : err.message;
    log.info(`feed item ${item.link}: page not used (${why}); keeping the feed's summary`);
    return item;
  }
}

/** An HTML page's text: http/https only, redirects followed up to a limit, a timeout over the whole fetch, a size cap. */
export async function fetchPage(url: string, options: Required<PageOptions>): Promise<string> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let at = url;
  for (let hop = 0; ; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(at);
    } catch {
      throw new Error(`not a web address: ${at.slice(0, 200)}`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error(`not an http(s) address (${parsed.protocol})`);
    // Every hop is checked: a public page may redirect inside the network.
    if (!options.allowPrivate && (await isPrivateHost(parsed.hostname)))
      throw new Error(`the page is on a private address (${parsed.hostname}) and the feed is not`);
    const res = await fetch(parsed, { redirect: "manual", signal, headers: { accept: "text/html, application/xhtml+xml;q=0.9", "user-agent": "newsbot" } });
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      await res.body?.cancel().catch(() => {});
      if (hop >= options.maxRedirects) throw new Error(`more than ${options.maxRedirects} redirects`);
      at = new URL(res.headers.get("location")!, parsed).toString();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new Error(`HTTP ${res.status}`);
    }
    const type = (res.headers.get("content-type") ?? "").toLowerCase();
    if (!/^\s*(text\/html|application\/xhtml\+xml)\b/.test(type)) {
      await res.body?.cancel().catch(() => {});
      throw new Error(`not an HTML page (${type.split(";")[0].trim() || "no content type"})`);
    }
    const charset = /charset=["']?([\w-]+)/.exec(type)?.[1] ?? "utf-8";
    return await readCapped(res, options.maxBytes, charset);
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Polls every feed now and every `minutes`; syncs the archive when any wrote something. */
export function startFeeds(
  urls: string[],
  minutes: number,
  articlesDir: string,
  store: ArchiveStore,
  sync: () => Promise<unknown>,
  log: Logger,
): { stop(): void; poll(): Promise<PollResult[]> } {
  let busy = false;
  const poll = async () => {
    if (busy) return [];
    busy = true;
    try {
      const results = await Promise.all(urls.map((u) => pollFeed(u, articlesDir, store, log)));
      if (results.some((r) => r.written > 0)) await sync();
      return results;
    } finally {
      busy = false;
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), minutes * 60_000);
  return { stop: () => clearInterval(timer), poll };
}

// RSS (0.9x, 1.0/RDF, 2.0) and Atom, parsed with fast-xml-parser (xml.ts), for polled feeds
// (src/archive/feeds.ts) and for feed files saved in the articles folder (.rss, .atom, .xml holding a feed),
// which are read as their items. content:encoded, dc:creator, dc:date, CDATA, escaped HTML with named
// entities, xml:base and relative links are all read; an item that fails to parse is skipped alone.
import { attr, first, list, paragraphs, parseXml, text, type XmlNode } from "./xml.ts";
import { blank, collected, dateField, str, type ArticleRecord, type ReadResult, type Warn } from "./fields.ts";

export interface FeedItem {
  id: string;
  title: string;
  link: string | null;
  /** As the feed wrote it (RFC 822 or ISO 8601). */
  date: string | null;
  author: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  /** The feed gave only a summary (description / summary), not the full content. */
  summaryOnly: boolean;
  tags: string[];
  /** When the item was last updated (ms), for a later version replacing an earlier one; 0 when unknown. */
  updated: number;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

const FEED_ROOTS = new Set(["rss", "rdf:RDF", "RDF", "feed", "channel"]);
export const isFeedRoot = (root: string | null) => root !== null && FEED_ROOTS.has(root);

/**
 * A feed document's items; `url` (where it came from) resolves relative links. Throws when it is no feed.
 * A feed that does not parse whole (an unclosed tag in one item, a file cut off) is read item by item:
 * the items that parse are kept, and `broken` counts the others.
 */
export function readFeed(xml: string, url?: string): Feed & { broken: number } {
  try {
    return { ...fromDocument(parseXml(xml), url), broken: 0 };
  } catch (e) {
    const parts = xml.match(/<(item|entry)[\s>][\s\S]*?(?=<(?:item|entry)[\s>]|<\/(?:channel|feed|rdf:RDF)>|$)/g);
    const head = /^[\s\S]*?(?=<(?:item|entry)[\s>])/.exec(xml)?.[0] ?? "";
    const atom = /<feed[\s>]/.test(head);
    if (!parts || !/<(rss|rdf:RDF|feed|channel)[\s>]/.test(head)) throw e;
    const title = /<title[^>]*>([\s\S]*?)<\/title>/.exec(head)?.[1];
    const items: FeedItem[] = [];
    for (const part of parts) {
      const wrapped = atom ? `<feed${/<feed([^>]*)>/.exec(head)?.[1] ?? ""}>${part}</feed>` : `<rss><channel>${part}</channel></rss>`;
      try {
        items.push(...fromDocument(parseXml(wrapped), url).items);
      } catch {
        // This item alone is broken: counted below, the others kept.
      }
    }
    return { title: title ? text(title) : null, items, broken: parts.length - items.length };
  }
}

function fromDocument(doc: XmlNode, url?: string): Feed {
  const rss = (doc.rss ?? doc["rdf:RDF"] ?? doc.RDF) as XmlNode | undefined;
  const atom = doc.feed as XmlNode | undefined;
  if (!rss && !atom && !doc.channel) throw new Error("not an RSS or Atom feed");
  if (atom) {
    const base = baseOf(attr(atom, "xml:base"), url ?? null);
    return {
      title: text(atom.title),
      items: list(atom.entry)
        .map((e) => fromAtom(e, base))
        .filter((i): i is FeedItem => i !== null),
    };
  }
  const channel = first(rss?.channel) ?? (doc.channel as XmlNode | undefined) ?? {};
  // RSS 1.0 puts its items beside the channel; 0.9x and 2.0 inside it.
  const items = [...list(channel.item), ...list(rss?.item)];
  const base = baseOf(attr(rss, "xml:base") ?? attr(channel, "xml:base"), url ?? null) ?? resolve(text(first(channel.link)), null);
  return { title: text(channel.title), items: items.map((i) => fromRss(i, base)).filter((i): i is FeedItem => i !== null) };
}

function fromRss(x: XmlNode, base: string | null): FeedItem | null {
  const link = resolve(text(first(x.link)) ?? guidLink(x), baseOf(attr(x, "xml:base"), base));
  const full = x["content:encoded"];
  const body = paragraphs(full ?? x.description ?? "");
  const title = text(x.title) ?? "";
  const id = text(x.guid) ?? link ?? title;
  if (!id || (!title && body.length === 0)) return null;
  const updated = text(x["dc:date"]) ?? text(x.pubDate);
  return {
    id,
    title,
    link,
    date: text(x.pubDate) ?? text(x["dc:date"]) ?? text(x.date),
    author: people(x["dc:creator"]) ?? people(x.author),
    text: body.join("\n\n"),
    summaryOnly: full === undefined || paragraphs(full).length === 0,
    tags: [...list(x.category), ...list(x["dc:subject"])].map(text).filter((t): t is string => t !== null),
    updated: updated ? Date.parse(updated) || 0 : 0,
  };
}

// A <guid> is the item's address when it says so (isPermaLink is true unless "false").
function guidLink(x: XmlNode): string | null {
  const g = first(x.guid);
  return g && attr(g, "isPermaLink") !== "false" && /^https?:/i.test(text(g) ?? "") ? text(g) : null;
}

function fromAtom(e: XmlNode, feedBase: string | null): FeedItem | null {
  const base = baseOf(attr(e, "xml:base"), feedBase);
  const links = list(e.link);
  const alternate = links.find((l) => (attr(l, "rel") ?? "alternate") === "alternate") ?? links[0];
  const link = resolve(attr(alternate, "href"), base);
  const content = first(e.content);
  // Content that is elsewhere (<content src="…">) or not text (a picture) is no body.
  const hasBody = content && !attr(content, "src") && !/^(image|audio|video)\//.test(attr(content, "type") ?? "");
  const body = hasBody ? paragraphs(content) : [];
  const summary = body.length ? [] : paragraphs(e.summary ?? "");
  const title = text(e.title) ?? "";
  const id = text(e.id) ?? link ?? title;
  if (!id || (!title && body.length === 0 && summary.length === 0)) return null;
  const updated = text(e.updated) ?? text(e.published);
  return {
    id,
    title,
    link,
    date: text(e.published) ?? text(e.updated),
    author: people(list(e.author).map((a) => a.name ?? a)),
    text: (body.length ? body : summary).join("\n\n"),
    summaryOnly: body.length === 0,
    tags: list(e.category)
      .map((c) => attr(c, "label") ?? attr(c, "term"))
      .filter((t): t is string => t !== null),
    updated: updated ? Date.parse(updated) || 0 : 0,
  };
}

function people(v: unknown): string | null {
  const all = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((p) => text(p)).filter((p): p is string => p !== null);
  return all.length ? [...new Set(all)].join(", ") : null;
}

/** An element's base address: its xml:base against its parent's, or the parent's. */
const baseOf = (xmlBase: string | null, parent: string | null) => (xmlBase ? resolve(xmlBase, parent) : parent);

/** `href` against `base`; null when there is no href or it cannot be made absolute. */
function resolve(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return base === null && /^[a-z][\w+.-]*:/i.test(href) ? href : null;
  }
}

/** A feed file in the articles folder: each item an article ("file.rss#1", …), as if the feed had been polled. */
export function fromFeedFile(xml: string, key: string, warn: Warn): ReadResult {
  let feed: Feed & { broken: number };
  try {
    feed = readFeed(xml);
  } catch (e) {
    return {
      ok: false,
      reason: `not a readable feed (${String((e as Error).message)
        .split("\n")[0]
        .slice(0, 120)})`,
    };
  }
  if (feed.items.length === 0) return { ok: false, reason: feed.broken ? `none of its ${feed.broken} items is well-formed XML` : "a feed with no items" };
  const results = feed.items.map((item, i) => {
    const where = `${key}#${i + 1}`;
    return { where, article: itemArticle(item, where, feed.title, (m) => warn(`${where}: ${m}`)) };
  });
  if (feed.broken) results.push({ where: key, article: `${feed.broken} item${feed.broken > 1 ? "s are" : " is"} not well-formed XML and could not be read` });
  return collected(results, []);
}

export function itemArticle(item: FeedItem, key: string, outlet: string | null, warn: Warn): ArticleRecord | string {
  const paras = item.text.split(/\n\n+/).filter(Boolean);
  if (paras.length === 0) return "the item has no text (no content, description or summary)";
  return {
    ...blank(key),
    title: item.title || paras[0].slice(0, 80),
    date: dateField(warn, item.date),
    byline: str(item.author),
    outlet,
    url: item.link,
    tags: item.tags,
    paragraphs: paras,
    identity: { id: item.id, version: item.updated },
  };
}

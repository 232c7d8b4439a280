// JSON (.json: one article, a list, or { "articles": [...] }) and JSON lines (.jsonl: one per line). Each
// object is a ninjs item (ninjs.ts) or a plain article: title/headline, body/text/content/paragraphs,
// date, byline/author, outlet, url, section, tags, guid and version. A body that is not text skips that
// article, with why.
import { splitParagraphs } from "../../extract/text.ts";
import { fromNinjs, isNinjs } from "./ninjs.ts";
import { blank, collected, dateField, firstLine, names, str, tagList, titleFrom, versionOf, type ArticleRecord, type ReadResult, type Warn } from "./fields.ts";

type Obj = Record<string, unknown>;

export function fromJson(text: string, key: string, warn: Warn): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${firstLine(e)})` };
  }
  const wrapped = (data as { articles?: unknown; items?: unknown })?.articles ?? (data as { items?: unknown })?.items;
  const list = Array.isArray(data) ? data : Array.isArray(wrapped) ? wrapped : [data];
  const several = list.length > 1 || Array.isArray(data);
  return collected(
    list.map((item, i) => {
      const where = several ? `${key}#${i + 1}` : key;
      return { where, article: fromJsonObject(item, where, (m) => warn(several ? `${where}: ${m}` : m)) };
    }),
    [],
  );
}

export function fromJsonLines(text: string, key: string, warn: Warn): ReadResult {
  const items: { where: string; article: ArticleRecord | string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const where = `${key}#${i + 1}`;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (e) {
      items.push({ where: `${key} line ${i + 1}`, article: `not valid JSON (${firstLine(e)})` });
      return;
    }
    items.push({ where, article: fromJsonObject(item, where, (m) => warn(`${where}: ${m}`)) });
  });
  return collected(items, []);
}

function fromJsonObject(item: unknown, key: string, warn: Warn): ArticleRecord | string {
  if (!item || typeof item !== "object" || Array.isArray(item)) return "not an article object";
  const o = item as Obj;
  if (isNinjs(o)) return fromNinjs(o, key, warn);
  const field = ["body", "text", "content", "paragraphs"].find((f) => o[f] !== undefined && o[f] !== null);
  if (!field) return "no body text (expected a body, text or content field)";
  const body = o[field];
  let paragraphs: string[];
  if (typeof body === "string") paragraphs = splitParagraphs(body);
  else if (Array.isArray(body) && body.every((p) => typeof p === "string")) paragraphs = body.map((p) => p.trim()).filter(Boolean);
  else return `its ${field} is not text (${Array.isArray(body) ? "a list holding something other than text" : typeof body})`;
  if (paragraphs.length === 0) return `no body text (its ${field} is empty)`;
  const title = str(o.title) ?? str(o.headline);
  // A `guid` (with a `version`) is the item's identity, as in a feed: a polled feed item is written so
  // (feeds.ts), and a later version of it, here or in another file, replaces the earlier one.
  const guid = str(o.guid);
  const identity = guid ? { id: guid, version: versionOf(o.version) } : undefined;
  return withMeta({ ...blank(key), title: title ?? titleFrom(paragraphs[0]), paragraphs, identity }, o, warn);
}

/** The metadata fields of a JSON article or Markdown front matter. */
export function withMeta(a: ArticleRecord, meta: Obj, warn: Warn): ArticleRecord {
  return {
    ...a,
    date: dateField(warn, meta.date ?? meta.published ?? meta.publishedAt ?? meta.published_at ?? meta.pubDate ?? meta.datePublished),
    byline: str(meta.byline) ?? str(meta.author) ?? names(meta.authors) ?? names(meta.author),
    outlet: str(meta.outlet) ?? str(meta.publication) ?? str(meta.source),
    url: str(meta.url) ?? str(meta.link) ?? str(meta.canonical),
    section: str(meta.section) ?? str(meta.category),
    tags: tagList(meta.tags ?? meta.keywords),
  };
}

// IPTC NewsML-G2: a newsItem, or a newsMessage whose itemSet holds several (a package from an agency).
// From each text item: contentMeta's headline, by (else creator) and subjects, itemMeta's versionCreated
// (else firstCreated, contentCreated), the guid and version, and the body from contentSet: inlineXML
// (XHTML, or NITF whose body.content is read) or inlineData (plain text).
import { htmlParagraphs, paragraphsOf, parseHtml } from "./html-text.ts";
import { attr, first, list, rawHtml, text, type XmlNode } from "./xml.ts";
import { blank, byline, collected, dateField, titleFrom, versionOf, type ArticleRecord, type ReadResult, type Warn } from "./fields.ts";
import { splitParagraphs } from "../../extract/text.ts";

export const G2_ROOTS = new Set(["newsItem", "newsMessage", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"]);

export function fromNewsMl(doc: XmlNode, root: string, key: string, warn: Warn): ReadResult {
  if (root === "newsItem") {
    const a = fromNewsItem(first(doc.newsItem) ?? {}, key, warn);
    return typeof a === "string" ? { ok: false, reason: a } : { ok: true, articles: [a], problems: [], warnings: [] };
  }
  if (root !== "newsMessage") return { ok: false, reason: `a NewsML-G2 ${root}, which holds no article text` };
  const itemSet = first(first(doc.newsMessage)?.itemSet) ?? {};
  const items = list(itemSet.newsItem);
  if (items.length === 0) return { ok: false, reason: "a NewsML-G2 newsMessage with no newsItem in it" };
  return collected(
    items.map((item, i) => {
      const where = `${key}#${i + 1}`;
      return { where, article: fromNewsItem(item, where, (m) => warn(`${where}: ${m}`)) };
    }),
    [],
  );
}

function fromNewsItem(item: XmlNode, key: string, warn: Warn): ArticleRecord | string {
  const itemMeta = first(item.itemMeta) ?? {};
  const contentMeta = first(item.contentMeta) ?? {};
  const status = attr(first(itemMeta.pubStatus), "qcode");
  if (status && /canceled|withheld/i.test(status)) return `withdrawn by its sender (pubStatus ${status})`;
  const paragraphs = body(first(item.contentSet) ?? {});
  if (paragraphs.length === 0) {
    const kind = attr(first(itemMeta.itemClass), "qcode")?.replace(/^\w+:/, "");
    return kind && kind !== "text" ? `a NewsML-G2 ${kind} item, not text` : "no body text (no inlineXML or inlineData in its contentSet)";
  }
  const headlines = list(contentMeta.headline);
  const main = headlines.find((h) => !attr(h, "role") || /main/.test(attr(h, "role")!)) ?? headlines[0];
  const creators = list(contentMeta.creator)
    .map((c) => text(c.name) ?? attr(c, "literal"))
    .filter((c): c is string => c !== null);
  const guid = attr(item, "guid");
  const link =
    list(itemMeta.link)
      .map((l) => attr(l, "href"))
      .find((h) => h && /^https?:\/\//i.test(h)) ?? null;
  return {
    ...blank(key),
    title: text(main) ?? titleFrom(paragraphs[0]),
    date: dateField(warn, text(itemMeta.versionCreated), text(itemMeta.firstCreated), text(contentMeta.contentCreated)),
    byline: byline(text(first(contentMeta.by))) ?? (creators.length ? creators.join(", ") : null),
    outlet: text(first(itemMeta.provider)?.name) ?? attr(first(itemMeta.provider), "literal"),
    url: link,
    section: null,
    tags: list(contentMeta.subject)
      .map((s) => text(s.name))
      .filter((s): s is string => s !== null),
    paragraphs,
    identity: guid ? { id: guid, version: versionOf(attr(item, "version")) } : undefined,
  };
}

/** The text of the first rendition that has some: inlineXML (XHTML or NITF), then inlineData. */
function body(contentSet: XmlNode): string[] {
  for (const x of list(contentSet.inlineXML)) {
    const raw = rawHtml(x);
    const nitf = /<body\.content\b[^>]*>([\s\S]*?)<\/body\.content>/.exec(raw);
    if (nitf) return htmlParagraphs(nitf[1]);
    const dom = parseHtml(raw);
    const paragraphs = paragraphsOf(dom.querySelector("body") ?? dom);
    if (paragraphs.length) return paragraphs;
  }
  for (const d of list(contentSet.inlineData)) {
    const type = attr(d, "contenttype") ?? "text/plain";
    const raw = rawHtml(d);
    const paragraphs = /html/.test(type) ? htmlParagraphs(raw) : splitParagraphs(raw);
    if (paragraphs.length) return paragraphs;
  }
  return [];
}

export const isG2Root = (root: string | null) => root !== null && G2_ROOTS.has(root);

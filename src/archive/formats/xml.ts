// XML through fast-xml-parser, set up once for every XML format we read (feeds, NITF, NewsML-G2).
//
// Elements that hold markup (a feed's description, NITF's body.content, G2's inlineXML) are "stop nodes":
// the parser hands their content over raw, so that mixed text and tags keep their order and the HTML reader
// (html-text.ts) makes paragraphs of it. Entities are not decoded by the XML parser: feeds in the wild use
// HTML entities XML does not define (&rsquo; in a title), which `entities` decodes instead (decodeHTML knows
// XML's five too), once for the XML layer and once more for escaped HTML inside it.
import { decodeHTML } from "entities";
import type { XMLParser } from "fast-xml-parser";
import { xmlParser } from "./lazy.ts";
import { htmlParagraphs, htmlText } from "./html-text.ts";

export type XmlNode = Record<string, unknown>;

/**
 * Elements whose content is markup, read raw. Dots in element names (NITF's body.content) read as "_":
 * the parser's paths use the dot as their separator.
 */
const MARKUP = [
  "description",
  "content:encoded",
  "content",
  "summary",
  "title",
  "subtitle",
  "body_content",
  "inlineXML",
  "hl1",
  "hl2",
  "byline",
  "abstract",
  "headline",
  "by",
  "slugline",
  "dc:creator",
];
/** Elements that may repeat, read as lists even when there is one. */
const LISTS = new Set([
  "item",
  "entry",
  "link",
  "newsItem",
  "packageItem",
  "category",
  "dc:subject",
  "headline",
  "by",
  "contentSet",
  "itemRef",
  "group",
  "subject",
  "keyword",
  "creator",
  "author",
  "dc:creator",
  "inlineXML",
  "inlineData",
]);

let parser: XMLParser | undefined;
const newParser = () =>
  new (xmlParser().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    processEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    cdataPropName: "#cdata",
    ignoreDeclaration: true,
    ignorePiTags: true,
    transformTagName: (name) => name.replace(/\./g, "_"),
    stopNodes: MARKUP.map((n) => `..${n}`),
    isArray: (name) => LISTS.has(name),
  });

export function parseXml(xml: string): XmlNode {
  parser ??= newParser();
  return parser.parse(xml) as XmlNode;
}

/** The root element's name ("rss", "nitf", "newsMessage"…), read from the start of the text; null when not XML. */
export function rootElement(text: string): string | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, "");
  if (!/^\s*</.test(head)) return null;
  const m = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, ""));
  return m ? m[1] : null;
}

export function list(v: unknown): XmlNode[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? (v as unknown[]) : [v]).map((x) => (x !== null && typeof x === "object" ? (x as XmlNode) : { "#text": x }));
}

export function first(v: unknown): XmlNode | undefined {
  return list(v)[0];
}

export function attr(node: XmlNode | undefined, name: string): string | null {
  const v = node?.[`@${name}`];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

/** A text node's value (the parser gives strings, numbers and booleans); anything else has no text. */
function leafText(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" ? String(v) : "";
}

/**
 * The raw content of an element as HTML: CDATA sections as they are, the rest with its XML entities
 * decoded (which also turns escaped HTML, &lt;p&gt;, into markup).
 */
export function rawHtml(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (Array.isArray(v)) return v.map(rawHtml).join("\n\n");
  if (typeof v === "object") {
    const o = v as XmlNode;
    return [o["#cdata"], o["#text"]]
      .map((x) => (x === undefined ? "" : Array.isArray(x) ? x.map((y) => leafText(y)).join("") : leafText(x)))
      .join("")
      .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
      .map(unwrap)
      .join("");
  }
  return leafText(v)
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map(unwrap)
    .join("");
}

function unwrap(part: string): string {
  const cdata = /^<!\[CDATA\[([\s\S]*?)\]\]>$/.exec(part);
  return cdata ? cdata[1] : decodeHTML(part);
}

/** An element's text on one line (markup removed, every entity decoded), or null when empty. */
export function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const t = htmlText(rawHtml(Array.isArray(v) ? v[0] : v));
  return t === "" ? null : t;
}

/** An element's content as paragraphs. */
export function paragraphs(v: unknown): string[] {
  return htmlParagraphs(rawHtml(v));
}

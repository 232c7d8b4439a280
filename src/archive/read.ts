// Reads one article file into article records, or says in one line why it cannot. A bad file never throws:
// the caller skips it and indexes the rest. What a file is comes from its content where the extension does
// not settle it: an .xml (or .json, or a file with no known extension) is a feed, NITF, NewsML-G2, ninjs, a
// page or nothing we read — and then it is skipped with that reason, never ignored.
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { extname } from "node:path";
import { firstLine, oneLine, type ReadResult, type Warn } from "./formats/fields.ts";
import { shown } from "./listing.ts";
import { fromFeedFile, isFeedRoot } from "./formats/feed.ts";
import { fromJson, fromJsonLines } from "./formats/json.ts";
import { fromNewsMl, isG2Root } from "./formats/newsml.ts";
import { fromNitf } from "./formats/nitf.ts";
import { fromPage } from "./formats/page.ts";
import { fromMarkdown, fromPlainText } from "./formats/text.ts";
import { keepLatest } from "./formats/versions.ts";
import { parseXml, rootElement } from "./formats/xml.ts";

export type { ArticleRecord, ReadResult } from "./formats/fields.ts";

const TEXT = [".txt", ".text"];
const MARKDOWN = [".md", ".markdown"];
const PAGE = [".html", ".htm", ".xhtml"];
const JSON_FILE = [".json", ".ninjs"];
const JSON_LINES = [".jsonl", ".ndjson"];
const XML = [".xml", ".nitf", ".newsml", ".g2", ".rss", ".atom", ".rdf"];
export const ARTICLE_EXTENSIONS = [...TEXT, ...MARKDOWN, ...PAGE, ...JSON_FILE, ...JSON_LINES, ...XML];
/** Larger files are not articles (a 50 MB "article" is a dump or a mistake); collections get more room. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
export const MAX_COLLECTION_BYTES = 64 * 1024 * 1024;
const COLLECTIONS = [...JSON_FILE, ...JSON_LINES, ...XML];

/** Files read by their extension; any other file is looked into (readArticleFile) and read or skipped with a reason. */
export function isArticleFile(path: string): boolean {
  return ARTICLE_EXTENSIONS.includes(extname(path).toLowerCase());
}

/**
 * Reads the file at `path` (as bytes when its name is not UTF-8); `key` is what the archive calls it (its
 * path relative to the folder).
 */
export function readArticleFile(path: string | Buffer, key: string): ReadResult {
  const name = typeof path === "string" ? path : key;
  const ext = extname(name).toLowerCase();
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (!isArticleFile(name) && !looksLikeText(path))
      return { ok: false, reason: `not an article file (${ext ? `${oneLine(ext, 20)} files are not read` : "no extension, and not XML, HTML or JSON"})` };
    const max = COLLECTIONS.includes(ext) || !isArticleFile(name) ? MAX_COLLECTION_BYTES : MAX_ARTICLE_BYTES;
    if (size > max) return { ok: false, reason: `too large (${mb(size)}; the limit is ${mb(max)})` };
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? firstLine(e)})` };
  }
  const text = decode(bytes);
  if (typeof text !== "string") return { ok: false, reason: text.reason };
  if (text.trim() === "") return { ok: false, reason: "empty" };
  const warnings: string[] = [];
  const warn: Warn = (m) => warnings.push(oneLine(m));
  let result: ReadResult;
  try {
    result = readText(text, ext, key, warn);
  } catch (e) {
    result = { ok: false, reason: `could not be parsed (${firstLine(e)})` };
  }
  if (!result.ok) return { ok: false, reason: oneLine(result.reason) };
  const latest = keepLatest(result.articles);
  // Messages name the file first, quoted when its name holds a newline or a quote, on one line each.
  const named = (m: string) => oneLine(m.startsWith(key) ? shown(key) + m.slice(key.length) : `${shown(key)}: ${m}`, 300);
  return {
    ok: true,
    articles: latest.articles,
    problems: [...result.problems, ...latest.replaced].map(named),
    warnings: [...result.warnings, ...warnings].map(named),
  };
}

function readText(text: string, ext: string, key: string, warn: Warn): ReadResult {
  if (TEXT.includes(ext)) return fromPlainText(text, key);
  if (MARKDOWN.includes(ext)) return fromMarkdown(text, key, warn);
  if (JSON_LINES.includes(ext)) return fromJsonLines(text, key, warn);
  if (PAGE.includes(ext)) return fromPage(text, key, warn);
  const start = text.trimStart()[0];
  if (JSON_FILE.includes(ext) || start === "{" || start === "[") return fromJson(text, key, warn);
  return fromMarkup(text, ext, key, warn);
}

/** XML or HTML, told apart by the root element. */
function fromMarkup(text: string, ext: string, key: string, warn: Warn): ReadResult {
  const root = rootElement(text);
  if (root === null)
    return {
      ok: false,
      reason: XML.includes(ext) ? "not XML (it does not start with an element)" : `not an article file (${ext || "no extension"}: not a format newsbot reads)`,
    };
  if (/^(html|!doctype)$/i.test(root)) return fromPage(text, key, warn);
  if (isFeedRoot(root)) return fromFeedFile(text, key, warn);
  if (root === "nitf") return fromNitf(parseXml(text), key, warn);
  if (isG2Root(root)) return fromNewsMl(parseXml(text), root, key, warn);
  return { ok: false, reason: `XML that is not an article format newsbot reads (root element <${oneLine(root, 40)}>; it reads RSS, Atom, NITF and NewsML-G2)` };
}

// A file whose extension says nothing is read when its first bytes are text that starts like XML, HTML or JSON.
function looksLikeText(path: string | Buffer): boolean {
  const head = Buffer.alloc(512);
  const fd = openSync(path, "r");
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    const s = head
      .subarray(0, n)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trimStart();
    return !head.subarray(0, n).includes(0) && /^[<{[]/.test(s);
  } finally {
    closeSync(fd);
  }
}

function decode(bytes: Buffer): string | { reason: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const body = le ? bytes.subarray(2) : Buffer.from(bytes.subarray(2)).swap16();
    return body.toString("utf16le");
  }
  const sample = bytes.subarray(0, 8192);
  if (utf16WithoutMark(sample)) return { reason: "not UTF-8: it looks like UTF-16 text without a byte-order mark (save it as UTF-8)" };
  let control = 0;
  for (const b of sample) {
    if (b === 0) return { reason: "binary file (it has NUL bytes), not text" };
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > sample.length * 0.05) return { reason: "binary file, not text" };
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { reason: "not valid UTF-8 text (save it as UTF-8)" };
  }
}

/** Text in UTF-16 has a NUL beside nearly every Latin letter, all on the same side (even bytes or odd). */
function utf16WithoutMark(sample: Buffer): boolean {
  if (sample.length < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0 && sample[i + 1] !== 0) even++;
    if (sample[i + 1] === 0 && sample[i] !== 0) odd++;
  }
  const pairs = Math.floor(sample.length / 2);
  return Math.max(even, odd) > pairs * 0.4 && Math.min(even, odd) < pairs * 0.05;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** A date in any common form → YYYY-MM-DD; null when there is none or it is not a real date. */
export { parseDate as isoDate } from "./formats/fields.ts";
/** An HTML page's article (also used for feed items' pages). */
export function fromHtml(text: string, key: string): ReadResult {
  const warnings: string[] = [];
  const r = fromPage(text, key, (m) => warnings.push(m));
  return r.ok ? { ...r, warnings: warnings.map((w) => `${key}: ${w}`) } : r;
}

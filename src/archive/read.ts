// Reads one article file (.txt, .md, .html, .json, .jsonl) into article records, or says in one line why
// it cannot. A bad file never throws: the caller skips it and indexes the rest.
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { parse as parseHtml, type HTMLElement } from "node-html-parser";
import { parse as parseYaml } from "yaml";
import { splitParagraphs } from "../extract/text.ts";

export interface ArticleRecord {
  /** The file's path relative to the articles folder, plus "#n" for the n-th article of a JSON file. */
  key: string;
  title: string;
  /** YYYY-MM-DD, when the file says. */
  date: string | null;
  byline: string | null;
  outlet: string | null;
  url: string | null;
  section: string | null;
  tags: string[];
  paragraphs: string[];
}

export type ReadResult =
  | { ok: true; articles: ArticleRecord[]; /** Articles inside the file that could not be read. */ problems: string[] }
  | { ok: false; reason: string };

export const ARTICLE_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"];
/** Larger files are not articles (a 50 MB "article" is a dump or a mistake); JSON collections get more room. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
export const MAX_COLLECTION_BYTES = 64 * 1024 * 1024;

export function isArticleFile(path: string): boolean {
  return ARTICLE_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** Reads the file at `path`; `key` is what the archive calls it (its path relative to the folder). */
export function readArticleFile(path: string, key: string): ReadResult {
  let bytes: Buffer;
  const ext = extname(path).toLowerCase();
  try {
    const size = statSync(path).size;
    const max = ext === ".json" || ext === ".jsonl" ? MAX_COLLECTION_BYTES : MAX_ARTICLE_BYTES;
    if (size > max) return { ok: false, reason: `too large (${mb(size)}; the limit is ${mb(max)})` };
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const text = decode(bytes);
  if (typeof text !== "string") return { ok: false, reason: text.reason };
  if (text.trim() === "") return { ok: false, reason: "empty" };
  try {
    switch (ext) {
      case ".md":
      case ".markdown":
        return fromMarkdown(text, key);
      case ".html":
      case ".htm":
        return fromHtml(text, key);
      case ".json":
        return fromJson(text, key);
      case ".jsonl":
        return fromJsonLines(text, key);
      default:
        return single(fromPlainText(text, key));
    }
  } catch (e) {
    return { ok: false, reason: `could not be parsed (${firstLine(e)})` };
  }
}

function decode(bytes: Buffer): string | { reason: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const body = le ? bytes.subarray(2) : Buffer.from(bytes.subarray(2)).swap16();
    return body.toString("utf16le");
  }
  const sample = bytes.subarray(0, 8192);
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

function single(a: ArticleRecord | string): ReadResult {
  return typeof a === "string" ? { ok: false, reason: a } : { ok: true, articles: [a], problems: [] };
}

const blank = (key: string): ArticleRecord => ({
  key, title: "", date: null, byline: null, outlet: null, url: null, section: null, tags: [], paragraphs: [],
});

/**
 * Plain text: the first line is the headline when it looks like one (short, no full stop at the end, body
 * after it). Otherwise the article starts straight away, and its first sentence stands in for a title.
 */
function fromPlainText(text: string, key: string): ArticleRecord | string {
  const lines = text.replace(/\r\n?/g, "\n").trim().split("\n");
  const first = lines[0].trim();
  const rest = lines.slice(1).join("\n");
  const headline = first.length <= 150 && !/[.!?:"”]$/.test(first) && rest.trim() !== "";
  const paragraphs = splitParagraphs(headline ? rest : text);
  if (paragraphs.length === 0) return "no body text";
  return { ...blank(key), title: headline ? first : titleFrom(paragraphs[0]), paragraphs };
}

function titleFrom(paragraph: string): string {
  const sentence = /^.{20,}?[.!?](?=\s|$)/.exec(paragraph)?.[0] ?? paragraph;
  return sentence.length <= 120 ? sentence : sentence.slice(0, 117).replace(/\s+\S*$/, "") + "…";
}

function fromMarkdown(text: string, key: string): ReadResult {
  const m = /^---\s*\n([\s\S]*?)\n---\s*(?:\n|$)/.exec(text.replace(/\r\n?/g, "\n"));
  let meta: Record<string, unknown> = {};
  let body = text;
  if (m) {
    try {
      const parsed = parseYaml(m[1]);
      if (parsed !== null && typeof parsed !== "object") return { ok: false, reason: "front matter is not a YAML mapping" };
      meta = (parsed ?? {}) as Record<string, unknown>;
    } catch (e) {
      return { ok: false, reason: `front matter is not valid YAML (${firstLine(e)})` };
    }
    body = text.replace(/\r\n?/g, "\n").slice(m[0].length);
  } else if (/^---\s*\n/.test(text)) {
    return { ok: false, reason: "front matter is not closed (no second ---)" };
  }
  // Markdown headings become plain paragraphs; emphasis marks and link syntax are dropped, words kept.
  const plain = body
    .split("\n")
    .map((l) => l.replace(/^#{1,6}\s+/, "").replace(/^>\s?/, ""))
    .join("\n")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2");
  let paragraphs = splitParagraphs(plain);
  let title = str(meta.title) ?? str(meta.headline);
  if (!title && /^#\s/.test(body.trim())) {
    title = paragraphs[0];
    paragraphs = paragraphs.slice(1);
  }
  if (paragraphs.length === 0) return { ok: false, reason: "no body text" };
  return single(withMeta({ ...blank(key), title: title ?? titleFrom(paragraphs[0]), paragraphs }, meta));
}

function withMeta(a: ArticleRecord, meta: Record<string, unknown>): ArticleRecord {
  const tags = meta.tags ?? meta.keywords;
  return {
    ...a,
    date: isoDate(meta.date ?? meta.published ?? meta.publishedAt ?? meta.published_at ?? meta.pubDate),
    byline: str(meta.byline) ?? str(meta.author) ?? names(meta.authors),
    outlet: str(meta.outlet) ?? str(meta.publication) ?? str(meta.source),
    url: str(meta.url) ?? str(meta.link) ?? str(meta.canonical),
    section: str(meta.section) ?? str(meta.category),
    tags: Array.isArray(tags) ? tags.map(String) : typeof tags === "string" ? tags.split(/\s*,\s*/).filter(Boolean) : [],
  };
}

// Elements that hold navigation, chrome or code rather than the story.
const HTML_BOILERPLATE = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, template, figure, [role=navigation], [aria-hidden=true], .share, .related, .newsletter, .advert, .ad";

/** An HTML page's article: title, meta tags and the story's paragraphs without navigation (also used for feed items' pages). */
export function fromHtml(text: string, key: string): ReadResult {
  const root = parseHtml(text, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const meta = (sel: string) => root.querySelector(sel)?.getAttribute("content")?.trim() || null;
  const title =
    meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]') ??
    (root.querySelector("title")?.text.trim() || null) ?? (root.querySelector("h1")?.text.trim() || null);
  const container = root.querySelector("article") ?? root.querySelector("main") ?? root.querySelector("body") ?? root;
  for (const el of container.querySelectorAll(HTML_BOILERPLATE)) el.remove();
  const h1 = container.querySelector("h1")?.text.trim();
  const blocks = container.querySelectorAll("p, blockquote, h2, h3, li").filter((el) => !hasBlockAncestorIn(el, container));
  let paragraphs = blocks.map((el) => el.text.replace(/\s+/g, " ").trim()).filter((p) => p !== "");
  if (paragraphs.length === 0) paragraphs = splitParagraphs(container.text);
  if (paragraphs.length === 0) return { ok: false, reason: "no body text" };
  const date = isoDate(
    meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]') ??
    root.querySelector("time[datetime]")?.getAttribute("datetime"),
  );
  const url = root.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta('meta[property="og:url"]');
  return single({
    ...blank(key),
    title: title ?? h1 ?? titleFrom(paragraphs[0]),
    date,
    byline: meta('meta[name="author"]') ?? meta('meta[property="article:author"]'),
    outlet: meta('meta[property="og:site_name"]'),
    url: url ?? null,
    section: meta('meta[property="article:section"]'),
    tags: root.querySelectorAll('meta[property="article:tag"]').map((m) => m.getAttribute("content") ?? "").filter(Boolean),
    paragraphs,
  });
}

// A <p> inside an <li> or <blockquote> is read once, through the outer element.
function hasBlockAncestorIn(el: HTMLElement, container: HTMLElement): boolean {
  for (let p = el.parentNode; p && p !== container; p = p.parentNode) {
    if (["P", "BLOCKQUOTE", "LI"].includes(p.tagName)) return true;
  }
  return false;
}

function fromJson(text: string, key: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${firstLine(e)})` };
  }
  const list = Array.isArray(data) ? data : Array.isArray((data as { articles?: unknown })?.articles) ? (data as { articles: unknown[] }).articles : [data];
  return collect(list.map((item, i) => ({ item, where: list.length > 1 || Array.isArray(data) ? `${key}#${i + 1}` : key })));
}

function fromJsonLines(text: string, key: string): ReadResult {
  const items: { item: unknown; where: string }[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      items.push({ item: JSON.parse(line), where: `${key}#${i + 1}` });
    } catch (e) {
      problems.push(`${key} line ${i + 1}: not valid JSON (${firstLine(e)})`);
    }
  });
  const result = collect(items);
  if (result.ok) result.problems.unshift(...problems);
  else if (problems.length) return { ok: false, reason: problems[0] };
  return result;
}

function collect(items: { item: unknown; where: string }[]): ReadResult {
  const articles: ArticleRecord[] = [];
  const problems: string[] = [];
  for (const { item, where } of items) {
    const a = fromJsonObject(item, where);
    if (typeof a === "string") problems.push(`${where}: ${a}`);
    else articles.push(a);
  }
  if (articles.length === 0) return { ok: false, reason: problems[0]?.replace(/^[^:]*: /, "") ?? "no articles in it" };
  return { ok: true, articles, problems };
}

function fromJsonObject(item: unknown, key: string): ArticleRecord | string {
  if (!item || typeof item !== "object" || Array.isArray(item)) return "not an article object";
  const o = item as Record<string, unknown>;
  const body = o.body ?? o.text ?? o.content ?? o.paragraphs;
  const paragraphs = Array.isArray(body)
    ? body.map((p) => String(p).trim()).filter(Boolean)
    : typeof body === "string" ? splitParagraphs(body) : [];
  if (paragraphs.length === 0) return "no body text (expected a body, text or content field)";
  const title = str(o.title) ?? str(o.headline);
  return withMeta({ ...blank(key), title: title ?? titleFrom(paragraphs[0]), paragraphs }, o);
}

function str(v: unknown): string | null {
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object" && "name" in v) return str((v as { name: unknown }).name);
  return null;
}

function names(v: unknown): string | null {
  return Array.isArray(v) ? v.map(str).filter(Boolean).join(", ") || null : null;
}

/** A date in any common form → YYYY-MM-DD; null when there is none or it cannot be read. */
export function isoDate(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v !== "string" && typeof v !== "number") return null;
  const s = String(v).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split("\n")[0].slice(0, 120);

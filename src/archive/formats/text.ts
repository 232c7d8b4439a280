// Plain text (.txt) and Markdown with YAML front matter (.md).
import { yaml } from "./lazy.ts";
import { splitParagraphs } from "../../extract/text.ts";
import { blank, firstLine, single, titleFrom, type ReadResult, type Warn } from "./fields.ts";
import { withMeta } from "./json.ts";

/**
 * Plain text: the first line is the headline when it looks like one (short, no full stop at the end, body
 * after it). Otherwise the article starts straight away, and its first sentence stands in for a title.
 */
export function fromPlainText(text: string, key: string): ReadResult {
  const lines = text.replace(/\r\n?/g, "\n").trim().split("\n");
  const first = lines[0].trim();
  const rest = lines.slice(1).join("\n");
  const headline = first.length <= 150 && !/[.!?:"”]$/.test(first) && rest.trim() !== "";
  const paragraphs = splitParagraphs(headline ? rest : text);
  if (paragraphs.length === 0) return single("no body text");
  return single({ ...blank(key), title: headline ? first : titleFrom(paragraphs[0]), paragraphs });
}

export function fromMarkdown(text: string, key: string, warn: Warn): ReadResult {
  const unix = text.replace(/\r\n?/g, "\n");
  const m = /^---\s*\n([\s\S]*?)\n---\s*(?:\n|$)/.exec(unix);
  let meta: Record<string, unknown> = {};
  let body = unix;
  if (m) {
    try {
      const parsed: unknown = yaml().parse(m[1]);
      if (parsed !== null && typeof parsed !== "object") return single("front matter is not a YAML mapping");
      meta = (parsed ?? {}) as Record<string, unknown>;
    } catch (e) {
      return single(`front matter is not valid YAML (${firstLine(e)})`);
    }
    body = unix.slice(m[0].length);
  } else if (/^---\s*\n/.test(unix)) {
    return single("front matter is not closed (no second ---)");
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
  let title: string | null =
    typeof meta.title === "string" ? meta.title.trim() || null : typeof meta.headline === "string" ? meta.headline.trim() || null : null;
  if (!title && /^#\s/.test(body.trim())) {
    title = paragraphs[0];
    paragraphs = paragraphs.slice(1);
  }
  if (paragraphs.length === 0) return single("no body text");
  return single(withMeta({ ...blank(key), title: title ?? titleFrom(paragraphs[0]), paragraphs }, meta, warn));
}

// HTML → the paragraphs a reader sees. Used for every body that arrives as markup: ninjs body_html, NITF
// body.content, NewsML-G2 inlineXML, feed content:encoded, and the article element of a page. Entities are
// decoded by node-html-parser (through the `entities` package: every HTML5 named entity, &rsquo; &pound; …).
import { decodeHTML } from "entities";
import type { HTMLElement, Node } from "node-html-parser";
import { htmlParser } from "./lazy.ts";
import { splitParagraphs } from "../../extract/text.ts";

/** Elements that start a new paragraph. */
const BLOCK = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "BLOCKQUOTE",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "PRE",
  "TABLE",
  "TR",
  "TD",
  "TH",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "FOOTER",
  "ADDRESS",
  "HR",
  "BODY",
  "BLOCK",
  "HL2",
  "NITF-TABLE",
  "TABLE-REFERENCE",
]);

/** Never article text: code, media and captions (a caption describes a picture; it is not the story). */
const NEVER = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "VIDEO",
  "AUDIO",
  "CANVAS",
  "FIGURE",
  "FIGCAPTION",
  "MEDIA",
  "BUTTON",
  "SELECT",
  "FORM",
  "HEAD",
  "TITLE",
]);

export function parseHtml(html: string): HTMLElement {
  return htmlParser().parse(html, { comment: false, blockTextElements: { script: true, style: false, noscript: false, pre: true } });
}

/**
 * The paragraphs of an HTML fragment (or a whole document's body). A fragment with no markup at all is
 * plain text (a feed summary): its entities are decoded and its blank lines kept as paragraph breaks.
 */
export function htmlParagraphs(html: string): string[] {
  if (!/<[a-zA-Z!/]/.test(html)) return splitParagraphs(decodeHTML(html));
  return paragraphsOf(parseHtml(html));
}

/** The paragraphs under `root`: one per block element, `<br><br>` splits, whitespace collapsed. */
export function paragraphsOf(root: Node, skip: (el: HTMLElement) => boolean = () => false): string[] {
  const out: string[] = [];
  let current = "";
  const end = () => {
    for (const part of current.split(/\n\s*\n/)) {
      const p = part.replace(/\s+/g, " ").trim();
      if (p !== "") out.push(p);
    }
    current = "";
  };
  const { NodeType } = htmlParser();
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      // Whitespace in markup is one space; only <br> breaks a line.
      current += node.text.replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.tagName ?? "";
    if (NEVER.has(tag) || (node !== root && skip(el))) return;
    if (tag === "BR") {
      current += "\n";
      return;
    }
    const block = BLOCK.has(tag);
    if (block) end();
    for (const child of el.childNodes) walk(child);
    if (block) end();
  };
  walk(root);
  end();
  return out;
}

/** Markup that may hold HTML (a title, a byline) → plain text on one line. */
export function htmlText(s: string): string {
  return paragraphsOf(parseHtml(s)).join(" ").trim();
}

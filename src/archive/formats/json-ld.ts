// schema.org metadata in a page's <script type="application/ld+json">: the NewsArticle (or Article,
// BlogPosting, LiveBlogPosting, ReportageNewsArticle…) that the page is, read before any meta tag because
// it is what the CMS itself says about the story.
import type { HTMLElement } from "node-html-parser";
import { decodeHTML } from "entities";
import { splitParagraphs } from "../../extract/text.ts";
import { names, str, tagList } from "./fields.ts";

export interface LdArticle {
  headline: string | null;
  /** As written (checked by the caller). */
  date: string | null;
  authors: string | null;
  publisher: string | null;
  url: string | null;
  section: string | null;
  tags: string[];
  /** articleBody, when the page carries the text there. */
  body: string[];
}

type Obj = Record<string, unknown>;

const ARTICLE_TYPE = /(^|\/)(\w*Article|BlogPosting|LiveBlogPosting|Report)$/;

export function articleLd(root: HTMLElement): LdArticle | null {
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.rawText.trim());
    } catch {
      continue; // A broken block of metadata: the meta tags and the page still say what they can.
    }
    const found = find(data, 0);
    if (found) return toArticle(found);
  }
  return null;
}

// The first object whose @type is an article kind, in a list, an @graph, or one level of nesting.
function find(v: unknown, depth: number): Obj | null {
  if (depth > 4 || !v || typeof v !== "object") return null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const f = find(x, depth + 1);
      if (f) return f;
    }
    return null;
  }
  const o = v as Obj;
  const types = (Array.isArray(o["@type"]) ? o["@type"] : [o["@type"]]).map(String);
  if (types.some((t) => ARTICLE_TYPE.test(t))) return o;
  return find(o["@graph"], depth + 1) ?? find(o.mainEntity, depth + 1);
}

function toArticle(o: Obj): LdArticle {
  const text = (v: unknown) => {
    const s = str(v);
    return s ? decodeHTML(s) : null;
  };
  const page = o.mainEntityOfPage as Obj | string | undefined;
  const url = str(o.url) ?? (typeof page === "string" ? page : str(page?.["@id"]));
  const section = Array.isArray(o.articleSection) ? str(o.articleSection[0]) : str(o.articleSection);
  return {
    headline: text(o.headline) ?? text(o.name),
    date: str(o.datePublished) ?? str(o.dateCreated) ?? str(o.dateModified),
    authors: names(o.author) ?? names(o.creator),
    publisher: str(o.publisher) ?? str((o.sourceOrganization as Obj | undefined)?.name),
    url: url && /^https?:\/\//i.test(url) ? url : null,
    section,
    tags: tagList(o.keywords),
    body: typeof o.articleBody === "string" ? splitParagraphs(decodeHTML(o.articleBody)) : [],
  };
}

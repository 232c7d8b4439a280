// An HTML page (a CMS export, a saved web page, a feed item's page): its metadata from schema.org JSON-LD
// (NewsArticle, Article, BlogPosting, LiveBlogPosting…) first, then Open Graph and article:* meta tags, then
// the page itself; its story from the article element, without the page's furniture — navigation, share
// bars, related-links boxes, captions, pull quotes, newsletter and cookie banners, paywall prompts.
// Measured against @mozilla/readability on page shapes in tests/fixtures/reading/pages (bench/pages.ts).
import type { HTMLElement } from "node-html-parser";
import { paragraphsOf, parseHtml } from "./html-text.ts";
import { articleLd } from "./json-ld.ts";
import { blank, byline, dateField, single, str, tagList, titleFrom, type ReadResult, type Warn } from "./fields.ts";

/** Elements that are never the story. */
const FURNITURE_TAGS = new Set(["NAV", "HEADER", "FOOTER", "ASIDE", "FORM", "DIALOG", "MENU"]);
/** Class or id words that mark furniture ("share-bar", "related_links", "cookie-banner", …). */
const FURNITURE_WORDS = new Set([
  "share",
  "sharing",
  "social",
  "related",
  "recommended",
  "more",
  "promo",
  "newsletter",
  "signup",
  "subscribe",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "advert",
  "advertisement",
  "ad",
  "ads",
  "sponsored",
  "outbrain",
  "taboola",
  "comments",
  "comment",
  "paywall",
  "caption",
  "credit",
  "byline",
  "author",
  "dateline",
  "timestamp",
  "breadcrumb",
  "breadcrumbs",
  "tags",
  "topics",
  "toolbar",
  "sidebar",
  "menu",
  "nav",
  "pullquote",
  "pull",
  "popup",
  "modal",
  "banner",
  "meta",
  "counter",
  "visually",
  "sr",
  "hidden",
]);
const FURNITURE_ROLES = new Set(["navigation", "banner", "complementary", "contentinfo", "dialog", "alert", "search", "menu"]);

function isFurniture(el: HTMLElement): boolean {
  if (FURNITURE_TAGS.has(el.tagName)) return true;
  if (el.getAttribute("aria-hidden") === "true" || el.hasAttribute("hidden")) return true;
  const role = el.getAttribute("role");
  if (role && FURNITURE_ROLES.has(role)) return true;
  const words = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.toLowerCase().split(/[^a-z]+/);
  if (words.some((w) => FURNITURE_WORDS.has(w))) return true;
  // A list that is all links is a box of links to other stories.
  if (el.tagName === "UL" || el.tagName === "OL") return linkShare(el) > 0.8;
  return false;
}

function linkShare(el: HTMLElement): number {
  const all = el.text.replace(/\s+/g, "").length;
  if (all === 0) return 0;
  return el.querySelectorAll("a").reduce((n, a) => n + a.text.replace(/\s+/g, "").length, 0) / all;
}

/** The element holding the story: the article body, the article (or the parent of a live blog's entries), main, body. */
function storyOf(root: HTMLElement): HTMLElement {
  const marked = root.querySelector('[itemprop="articleBody"]') ?? root.querySelector('[itemprop="liveBlogUpdate"]')?.parentNode;
  if (marked) return marked;
  const articles = root.querySelectorAll("article").filter((a) => !a.parentNode?.closest("article"));
  if (articles.length > 1) {
    // Several top-level articles side by side: a live blog's entries (their parent holds them all), or a
    // story beside teasers of others (the one with the most text).
    const parent = articles[0].parentNode;
    if (articles.every((a) => a.parentNode === parent) && parent) return parent;
    return articles.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
  }
  return articles[0] ?? root.querySelector("main") ?? root.querySelector('[role="main"]') ?? root.querySelector("body") ?? root;
}

const textLength = (el: HTMLElement) => el.querySelectorAll("p").reduce((n, p) => n + p.text.length, 0);

// Lines a page prints around the story that are not part of it.
const CHROME_LINE = /^(read more|related|see also|more on this story|advertisement|share this|follow us|sign up|subscribe( now)?|image \d+ of \d+)\b/i;

export function fromPage(html: string, key: string, warn: Warn): ReadResult {
  const root = parseHtml(html);
  const ld = articleLd(root);
  const meta = (sel: string) => root.querySelector(sel)?.getAttribute("content")?.trim() || null;
  const story = storyOf(root);
  const h1 = story.querySelector("h1")?.text.trim() || root.querySelector("h1")?.text.trim() || null;
  let paragraphs = paragraphsOf(story, isFurniture).filter((p) => !CHROME_LINE.test(p) && p !== h1);
  // A teaser page that carries its whole text in JSON-LD's articleBody: the longer one is the story.
  const ldBody = ld?.body ?? [];
  if (ldBody.join(" ").length > paragraphs.join(" ").length * 2) paragraphs = ldBody;
  if (paragraphs.length === 0) return single("no article text (the page has no paragraphs outside scripts and navigation)");
  const title =
    ld?.headline ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]') ?? h1 ?? (root.querySelector("title")?.text.trim() || null);
  const author = meta('meta[name="author"]') ?? meta('meta[name="byl"]') ?? meta('meta[property="article:author"]');
  return single({
    ...blank(key),
    title: title ?? titleFrom(paragraphs[0]),
    date: dateField(
      warn,
      ld?.date,
      meta('meta[property="article:published_time"]') ??
        meta('meta[name="date"]') ??
        meta('meta[itemprop="datePublished"]') ??
        meta('meta[name="dc.date"]') ??
        root.querySelector("time[datetime]")?.getAttribute("datetime"),
    ),
    byline: ld?.authors ?? byline(author && !/^https?:/.test(author) ? author : null) ?? byline(str(story.querySelector('[rel="author"], .byline')?.text)),
    outlet: ld?.publisher ?? meta('meta[property="og:site_name"]'),
    url: ld?.url ?? root.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta('meta[property="og:url"]'),
    section: ld?.section ?? meta('meta[property="article:section"]'),
    tags: ld?.tags.length ? ld.tags : tagList(root.querySelectorAll('meta[property="article:tag"]').map((m) => m.getAttribute("content") ?? "")),
    paragraphs,
  });
}

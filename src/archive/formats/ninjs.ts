// IPTC ninjs (news in JSON), 1.x and 2.x, as agencies and newsroom systems (Superdesk) deliver it:
// 1.x: headline, body_html / body_text, byline, versioncreated / firstcreated, uri, version, subject;
// 2.x: headlines[{role, value}], bodies[{role, contenttype, value}], by, subjects, infosources.
import { htmlParagraphs, htmlText } from "./html-text.ts";
import { blank, byline, dateField, names, str, tagList, titleFrom, versionOf, type ArticleRecord, type Warn } from "./fields.ts";
import { splitParagraphs } from "../../extract/text.ts";

type Obj = Record<string, unknown>;

/** True for an object that is a ninjs item rather than a plain article object. */
export function isNinjs(o: Obj): boolean {
  const standard = o.standard as Obj | undefined;
  if (typeof standard?.name === "string" && /ninjs/i.test(standard.name)) return true;
  if (typeof o.$schema === "string" && /ninjs/i.test(o.$schema)) return true;
  const id = typeof o.uri === "string" || typeof o.guid === "string";
  return id && ["body_html", "body_text", "bodies", "headlines", "versioncreated", "firstcreated"].some((k) => k in o);
}

export function fromNinjs(o: Obj, key: string, warn: Warn): ArticleRecord | string {
  const type = str(o.type);
  if (o.pubstatus === "canceled" || o.pubstatus === "withheld") return `withdrawn by its sender (pubstatus ${String(o.pubstatus)})`;
  const paragraphs = body(o);
  if (typeof paragraphs === "string") return paragraphs;
  if (paragraphs.length === 0) {
    return type && type !== "text" && type !== "composite" ? `a ninjs ${type} item, not text` : "no body text (no body_html, body_text or bodies)";
  }
  const title = headline(o) ?? titleFrom(paragraphs[0]);
  const uri = str(o.uri) ?? str(o.guid);
  const infosource = Array.isArray(o.infosources) ? names(o.infosources.slice(0, 1)) : null;
  return {
    ...blank(key),
    title,
    date: dateField(warn, o.versioncreated ?? o.firstcreated ?? o.contentcreated),
    byline: byline(str(o.by) ?? str(o.byline) ?? names(o.bylines)),
    outlet: infosource ?? str(o.copyrightholder) ?? str(o.source),
    url: uri && /^https?:\/\//i.test(uri) ? uri : null,
    section: names(o.genres ?? o.genre)?.split(", ")[0] ?? null,
    tags: tagList(o.subjects ?? o.subject ?? o.keywords),
    paragraphs,
    identity: uri ? { id: uri, version: versionOf(o.version) } : undefined,
  };
}

function headline(o: Obj): string | null {
  if (Array.isArray(o.headlines)) {
    const all = o.headlines.filter((h): h is Obj => !!h && typeof h === "object");
    const main = all.find((h) => !h.role || h.role === "main") ?? all[0];
    if (main && typeof main.value === "string") return htmlText(main.value) || null;
  }
  return typeof o.headline === "string" ? htmlText(o.headline) || null : null;
}

/** The body's paragraphs; a body field that is there but not text is the article's reason to be skipped. */
function body(o: Obj): string[] | string {
  if (Array.isArray(o.bodies)) {
    const all = (o.bodies as unknown[]).filter((b): b is Obj => !!b && typeof b === "object" && typeof (b as Obj).value === "string");
    const main = all.filter((b) => !b.role || b.role === "main");
    const pick = (main.length ? main : all).sort((a, b) => rank(b) - rank(a))[0];
    if (pick)
      return /html/i.test(typeof pick.contenttype === "string" ? pick.contenttype : "") || /<\w/.test(String(pick.value))
        ? htmlParagraphs(String(pick.value))
        : splitParagraphs(String(pick.value));
  }
  for (const [field, html] of [
    ["body_html", true],
    ["body_xhtml", true],
    ["body_text", false],
  ] as const) {
    const v = o[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") return `its ${field} is not text (${Array.isArray(v) ? "a list" : typeof v})`;
    const paragraphs = html ? htmlParagraphs(v) : splitParagraphs(v);
    if (paragraphs.length) return paragraphs;
  }
  return [];
}
const rank = (b: Obj) => (typeof b.contenttype === "string" && /html/i.test(b.contenttype) ? 2 : 1);

// What every article reader shares: the record it produces, and the checks on each field. A field that
// cannot be trusted (a date like 2024-13-45) is dropped with a warning and the article kept; a body that is
// not text skips the article with its reason.

export interface ArticleRecord {
  /** The file's path relative to the articles folder, plus "#n" for the n-th article of a file holding several. */
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
  /**
   * Wire items (ninjs, NITF, NewsML-G2, feed items): the item's own id and version, so that a later version
   * of the same item replaces the earlier one (src/archive/versions.ts). Not stored.
   */
  identity?: { id: string; version: number };
}

export type ReadResult =
  | {
      ok: true;
      articles: ArticleRecord[];
      /** Articles inside the file that could not be read, each "key: reason". */
      problems: string[];
      /** Fields dropped from articles that were kept (a date that is not a date), each "key: what". */
      warnings: string[];
    }
  | { ok: false; reason: string };

/** Collects the warnings of one file while its articles are read. */
export type Warn = (message: string) => void;

export const blank = (key: string): ArticleRecord => ({
  key,
  title: "",
  date: null,
  byline: null,
  outlet: null,
  url: null,
  section: null,
  tags: [],
  paragraphs: [],
});

export function single(a: ArticleRecord | string, warnings: string[] = []): ReadResult {
  return typeof a === "string" ? { ok: false, reason: a } : { ok: true, articles: [a], problems: [], warnings };
}

/** Articles read from one file holding several: the unreadable ones become problems, not a failed file. */
export function collected(results: { where: string; article: ArticleRecord | string }[], warnings: string[], empty = "no articles in it"): ReadResult {
  const articles: ArticleRecord[] = [];
  const problems: string[] = [];
  for (const { where, article } of results) {
    if (typeof article === "string") problems.push(`${where}: ${article}`);
    else articles.push(article);
  }
  if (articles.length === 0) {
    const first = results.find((r) => typeof r.article === "string")?.article as string | undefined;
    return { ok: false, reason: results.length > 1 && first ? `none of its ${results.length} articles could be read (${first})` : (first ?? empty) };
  }
  return { ok: true, articles, problems, warnings };
}

/** A non-empty trimmed string from a string, a number or an object with a name ({ name: "…" }). */
export function str(v: unknown): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v.replace(/\s+/g, " ").trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (v && typeof v === "object" && !Array.isArray(v) && "name" in v) return str(v.name);
  return null;
}

/** "A, B" from a list of names (strings or { name }), or one name. */
export function names(v: unknown): string | null {
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join(", ") || null;
  return str(v);
}

/** "By Jane Doe" → "Jane Doe": the word "By" is how a page prints a byline, not part of it. */
export function byline(s: string | null): string | null {
  if (!s) return null;
  const t = s.replace(/^\s*by[:\s]+/i, "").trim();
  return t === "" ? null : t;
}

/** Tags from a list or a comma-separated string. */
export function tagList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str).filter((t): t is string => t !== null);
  if (typeof v === "string")
    return v
      .split(/\s*,\s*/)
      .map((t) => t.trim())
      .filter(Boolean);
  return [];
}

/** A title from the first sentence when the file gives none. */
export function titleFrom(paragraph: string): string {
  const sentence = /^.{20,}?[.!?](?=\s|$)/.exec(paragraph)?.[0] ?? paragraph;
  return sentence.length <= 120 ? sentence : sentence.slice(0, 117).replace(/\s+\S*$/, "") + "…";
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** True when the year, month and day name a real day (no 2024-13-45, no 0000-00-00, no 30 February). */
function realDay(y: number, m: number, d: number): boolean {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(2000, m, 0)).getUTCDate() && !(m === 2 && d === 29 && !leap(y));
}
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/**
 * A date as the file wrote it → YYYY-MM-DD (the day as written, whatever its time zone), strictly:
 * ISO 8601 (2016-03-19, 2016-03-19T10:00:00Z, 20160319T100000Z), RFC 822 ("Sat, 19 Mar 2016 10:00:00 GMT"),
 * "19 March 2016", "March 19, 2016". Anything else — or a day that does not exist — is null.
 */
export function parseDate(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v !== "string") return null;
  const s = v.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])/.exec(s);
  if (m) return realDay(+m[1], +m[2], +m[3]) ? iso(+m[1], +m[2], +m[3]) : null;
  // RFC 822 / 1123 (feeds), and the written forms "19 March 2016" and "March 19, 2016".
  m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  const n = m ? null : /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  const parts = m ? [m[1], m[2], m[3]] : n ? [n[2], n[1], n[3]] : null;
  if (!parts) return null;
  const [day, month, year] = parts;
  const mi = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  return mi > 0 && realDay(+year, mi, +day) ? iso(+year, mi, +day) : null;
}

/** The first of `values` that is given, as a date; a given one that is not a real date is warned about and skipped. */
export function dateField(warn: Warn, ...values: unknown[]): string | null {
  for (const v of values) {
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) continue;
    const d = parseDate(v);
    if (d) return d;
    warn(`date ${oneLine(JSON.stringify(typeof v === "string" ? v.trim() : v) ?? "nothing", 60)} is not a real date; the article is kept without it`);
  }
  return null;
}

// Control characters are what it matches: they must not reach a one-line message.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** One line, at most `max` characters: newlines and control characters never reach a message. */
export function oneLine(s: string, max = 200): string {
  const flat = s.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1) + "…";
}

/** The first line of an error's message, for a reason. */
export const firstLine = (e: unknown) => oneLine(String((e as Error)?.message ?? e).split("\n")[0], 120);

/** A number from a version field ("3", 3, "1.2"), else 0. */
export function versionOf(v: unknown): number {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number.parseFloat(v) : Number.NaN;
  return Number.isFinite(n) ? n : 0;
}

// Periods in the words people type after a query: "since march", "since 2016-03-01", "until 18 March 2016",
// "last 30 days", "in 2005", "between 2015 and 2016". Read from the end of the query, so "/quote sturgeon on
// PIP since march" is the question "sturgeon on PIP" over a period. A pure function of the text and the clock.
import type { Period } from "../archive/store.ts";

export type { Period } from "../archive/store.ts";

/** Why a period could not be read: what the user wrote, and what is wrong with it. */
export type PeriodError = { kind: "unreadable"; phrase: string } | { kind: "future"; phrase: string } | { kind: "backwards"; phrase: string };

export type PeriodRead = { rest: string; period: Period | null } | { error: PeriodError };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = new Map<string, number>(MONTHS.flatMap((m, i) => [[m, i], [m.slice(0, 3), i], ...(m === "september" ? [["sept", i] as [string, number]] : [])]));
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 0, year: 0 };

/** A span of days, both ends inclusive (YYYY-MM-DD). */
interface Span {
  from: string;
  to: string;
}

/**
 * The period at the end of `query`, and the query without it. Clauses may follow one another ("since 2015
 * until 2016"). "since"/"until" always start a period, so what follows them must be a date; "in", "from",
 * "after", "before" and "during" only when a date follows ("/quote blair in iraq" has no period).
 */
export function readPeriod(query: string, now: Date): PeriodRead {
  let rest = query.trim();
  let from: string | null = null;
  let to: string | null = null;
  const phrases: string[] = [];
  for (;;) {
    const clause = lastClause(rest, now);
    if (!clause) break;
    if ("error" in clause) return clause;
    rest = clause.rest;
    phrases.unshift(clause.phrase);
    // The clause nearest the query's end was read first; an earlier one does not override it.
    if (clause.from !== null && from === null) from = clause.from;
    if (clause.to !== null && to === null) to = clause.to;
  }
  if (phrases.length === 0) return { rest: query.trim(), period: null };
  const phrase = phrases.join(" ");
  const today = isoDay(now);
  if (from !== null && from > today) return { error: { kind: "future", phrase } };
  if (from !== null && to !== null && from > to) return { error: { kind: "backwards", phrase } };
  return { rest, period: { from, to } };
}

type Clause = { rest: string; phrase: string; from: string | null; to: string | null } | { error: PeriodError };

/** The last period clause of `text`, if it ends with one. */
function lastClause(text: string, now: Date): Clause | null {
  const words = text.split(/\s+/).filter(Boolean);
  // The longest clause that reads, from the earliest keyword that starts one: "between 2015 and 2016" over "and 2016".
  for (let i = 0; i < words.length; i++) {
    const keyword = words[i].toLowerCase();
    const after = words.slice(i + 1).join(" ");
    const rest = words.slice(0, i).join(" ");
    const phrase = words.slice(i).join(" ");
    const rolling = i + 1 < words.length ? lastN(`${keyword} ${after}`, now) : lastN(keyword, now);
    if (rolling) return { rest, phrase, from: rolling.from, to: rolling.to };
    if (!KEYWORDS.has(keyword) || after === "") continue;
    if (keyword === "between") {
      const m = /^(.+?)\s+and\s+(.+)$/i.exec(after);
      const a = m && readDate(m[1], now);
      const b = m && readDate(m[2], now);
      if (a && b) return { rest, phrase, from: a.from, to: b.to };
      continue;
    }
    if (keyword === "from") {
      const m = /^(.+?)\s+(?:to|until|till)\s+(.+)$/i.exec(after);
      const a = m && readDate(m[1], now);
      const b = m && readDate(m[2], now);
      if (a && b) return { rest, phrase, from: a.from, to: b.to };
    }
    const span = readDate(after, now);
    if (!span) {
      // "since blorp": the user asked for a period we cannot read; any other keyword is just a word.
      if (keyword === "since" || keyword === "until" || keyword === "till") return { error: { kind: "unreadable", phrase } };
      continue;
    }
    switch (keyword) {
      case "since":
      case "from":
        return { rest, phrase, from: span.from, to: null };
      case "after":
        return { rest, phrase, from: addDays(span.to, 1), to: null };
      case "until":
      case "till":
        return { rest, phrase, from: null, to: span.to };
      case "before":
        return { rest, phrase, from: null, to: addDays(span.from, -1) };
      default:
        return { rest, phrase, from: span.from, to: span.to };
    }
  }
  return null;
}

const KEYWORDS = new Set(["since", "from", "after", "until", "till", "before", "in", "during", "between"]);

/** "last 30 days", "past 2 weeks", "last 6 months", "this year", "last year", "today", "yesterday". */
function lastN(text: string, now: Date): { from: string; to: string | null } | null {
  const t = text.toLowerCase().trim();
  const today = isoDay(now);
  const m = /^(?:the\s+)?(?:last|past)\s+(\d{1,4}|a|one)\s+(day|week|month|year)s?$/.exec(t);
  if (m) {
    const n = /^\d/.test(m[1]) ? Number(m[1]) : 1;
    if (n <= 0) return null;
    const unit = m[2];
    if (UNIT_DAYS[unit]) return { from: addDays(today, -n * UNIT_DAYS[unit] + 1), to: null };
    const d = new Date(`${today}T00:00:00Z`);
    if (unit === "month") d.setUTCMonth(d.getUTCMonth() - n);
    else d.setUTCFullYear(d.getUTCFullYear() - n);
    return { from: addDays(isoDay(d), 1), to: null };
  }
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (t) {
    case "today":
      return { from: today, to: today };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1) };
    // A week is the last seven days: newsrooms rarely mean a calendar week.
    case "this week":
    case "last week":
    case "past week":
    case "the last week":
    case "the past week":
      return { from: addDays(today, -6), to: null };
    case "this month":
      return { from: monthSpan(year, month).from, to: null };
    case "last month": {
      const s = monthSpan(month === 0 ? year - 1 : year, (month + 11) % 12);
      return { from: s.from, to: s.to };
    }
    case "this year":
      return { from: `${year}-01-01`, to: null };
    case "last year":
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
  return null;
}

/** A date or a span as typed: 2016-03-01, 2016-03, 2016, 18 March 2016, March 18 2016, March 2016, march, 18/03/2016, today. */
function readDate(text: string, now: Date): Span | null {
  const t = text
    .toLowerCase()
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .replace(/(\d)(st|nd|rd|th)\b/g, "$1")
    .trim();
  const today = isoDay(now);
  if (t === "today") return { from: today, to: today };
  if (t === "yesterday") return { from: addDays(today, -1), to: addDays(today, -1) };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return day(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return day(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? monthSpan(Number(m[1]), Number(m[2]) - 1) : null;
  m = /^(\d{4})$/.exec(t);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{1,2}) ([a-z]+)(?: (\d{4}))?$/.exec(t) ?? swap(/^([a-z]+) (\d{1,2})(?: (\d{4}))?$/.exec(t));
  if (m && MONTH.has(m[2])) {
    const mo = MONTH.get(m[2])!;
    const y = m[3] ? Number(m[3]) : latestYear(now, mo, Number(m[1]));
    return day(y, mo, Number(m[1]));
  }
  m = /^([a-z]+)(?: (\d{4}))?$/.exec(t);
  if (m && MONTH.has(m[1])) {
    const mo = MONTH.get(m[1])!;
    return monthSpan(m[2] ? Number(m[2]) : latestYear(now, mo, 1), mo);
  }
  return null;
}

/** "march 18 2016" read as "18 march 2016". */
function swap(m: RegExpExecArray | null): RegExpExecArray | null {
  if (!m) return null;
  const out = [m[0], m[2], m[1], m[3]] as unknown as RegExpExecArray;
  return out;
}

/** The latest year in which that month and day are not in the future: "since march" in February means last March. */
function latestYear(now: Date, month: number, dayOfMonth: number): number {
  const y = now.getUTCFullYear();
  return month < now.getUTCMonth() || (month === now.getUTCMonth() && dayOfMonth <= now.getUTCDate()) ? y : y - 1;
}

function day(y: number, m: number, d: number): Span | null {
  const date = new Date(Date.UTC(y, m, d));
  // 2016-02-30 is not a day: Date rolls it over into March, which shows.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m || date.getUTCDate() !== d) return null;
  const iso = isoDay(date);
  return { from: iso, to: iso };
}

function monthSpan(y: number, m: number): Span {
  return { from: isoDay(new Date(Date.UTC(y, m, 1))), to: isoDay(new Date(Date.UTC(y, m + 1, 0))) };
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(iso: string, n: number): string {
  return isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000));
}

/** "18 March 2016". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${d} ${cap(MONTHS[m - 1])} ${y}`;
}

/** "March 2016" for "2016-03". */
export function monthName(yearMonth: string): string {
  const [y, m] = yearMonth.split("-").map(Number);
  return `${cap(MONTHS[m - 1])} ${y}`;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The period in words, for a reply's title: "in 2005", "in March 2016", "since 1 March 2016", "from … to …". */
export function describePeriod(p: Period): string {
  const { from, to } = p;
  if (from && to) {
    if (from === to) return `on ${longDate(from)}`;
    if (from.endsWith("-01-01") && to.endsWith("-12-31") && from.slice(0, 4) === to.slice(0, 4)) return `in ${from.slice(0, 4)}`;
    const month = monthSpan(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1);
    if (month.from === from && month.to === to) return `in ${monthName(from.slice(0, 7))}`;
    return `from ${longDate(from)} to ${longDate(to)}`;
  }
  if (from) return `since ${longDate(from)}`;
  if (to) return `until ${longDate(to)}`;
  return "";
}

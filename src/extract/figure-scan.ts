// The figure grammar: one pass over a paragraph finds every written number, then its surroundings decide
// what it is — money, a percentage, percentage points, pence, a measure in a unit, a count of something, or
// nothing (a year, a date, a time, an age, a duration, a distance, a rank, a score, a number inside a name).
import { countedNoun, partitiveNoun } from "./counted-noun.ts";
import { currencyAfter, CURRENCY_PREFIX, exchangeRate, prefixCurrency } from "./figure-money.ts";
import { unitAfter } from "./figure-units.ts";
import { impliedCount } from "./implied-count.ts";
import { DECIMAL_COMMA, DIGITS, isWordNumber, parseNumber, SCALE, scaleOf, WORD_NUMBER } from "./numbers.ts";

/** A number the paragraph states, classified; `unit` is null while it still needs a neighbour to tell. */
export interface Token {
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string | null;
  /** Where the counted noun (or the unit words) end: "per a year" is read after it. */
  tail: number;
  /** Written with an abbreviated scale and no currency ("550m"): money only if the sentence says so. */
  bareScale: boolean;
  /** "45 of them": a count of what the sentence counted before. */
  refersBack: boolean;
  /** The lower end of a range written with a dash ("20-25%", "£40m-£50m"): only its upper end can tell its unit. */
  rangeOpen: boolean;
  /** What the rate is per, when the number itself says ("8.28 to the US dollar"). */
  per: string | null;
  /** A bare number where a count goes ("a crowd of 40,000", "sales hit 200,000"), with the noun it implies if any. */
  implied: { noun: string | null; borrow: boolean } | null;
}

const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.:#&])(?<cur>${CURRENCY_PREFIX})?` +
    String.raw`(?<num>${DECIMAL_COMMA}|${DIGITS}|(?:a|half a)(?=\s(?:million|billion|thousand|trillion)\b)|${WORD_NUMBER}(?![\p{L}]))` +
    String.raw`(?:(?:\s|-(?=(?:m|b|tr)illion))?(?<scale>${SCALE}))?`,
  "giu",
);

const RACE_DISTANCES = new Set([60, 100, 110, 200, 400, 800, 1000, 1500, 1600, 3000, 5000, 10000]);
const MONTH = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH})\.?\s*$`, "i");
const MONTH_AFTER = new RegExp(String.raw`^\s*(?:${MONTH})\b`, "i");
// A number after these is a position, a label or an age, not an amount.
const LABEL_BEFORE =
  /\b(?:aged|age|ages|no|nos|number|numbers|page|room|flight|chapter|section|article|clause|level|grade|class|division|version|series|season|top|hot|channel|radio|platform|route|junction|gate|row|seat|category|phase|stage|round)\.?\s*$/i;
// Capitalised words that may open a sentence before a number without naming anything.
const OPENERS =
  /^(?:some|around|about|nearly|almost|over|under|more|fewer|less|just|only|up|and|but|with|by|of|at|another|the|a|an|all|about|roughly|approximately|estimated|an|at|in|on|for|than|to)$/i;
// A dash between two amounts is a range ("20-25%", "£40m-£50m", "1.5 million-2 million"), not a score's.
const RANGE_DASH_BEFORE = /(?:\d|%|\d\s?(?:m|bn|k|million|billion))-$/;
const RANGE_DASH_AFTER = new RegExp(String.raw`^-(?:${CURRENCY_PREFIX})?\d`, "iu");

/** Where a paragraph's sentences start, in order, and the same as a set (a long paragraph has thousands). */
interface Starts {
  has: Set<number>;
  /** The sentence around an offset, from its start to the next one's; the same object for the same sentence. */
  around(offset: number): { start: number; end: number };
}

/** Every figure-like number in a paragraph, in order; `sentenceStarts` ascending. */
export function scanParagraph(p: string, sentenceStarts: number[]): Token[] {
  const out: Token[] = [];
  const spans = new Map<number, { start: number; end: number }>();
  const around = (offset: number) => {
    const s = lastAtOrBefore(sentenceStarts, offset);
    let span = spans.get(s);
    if (!span) spans.set(s, (span = { start: sentenceStarts[s] ?? 0, end: sentenceStarts[s + 1] ?? p.length }));
    return span;
  };
  const starts: Starts = { has: new Set(sentenceStarts), around };
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(p); m; m = NUMBER.exec(p)) {
    const t = classify(p, m, starts);
    if (t) out.push(t);
  }
  return out;
}

function classify(p: string, m: RegExpExecArray, sentenceStarts: Starts): Token | null {
  const g = m.groups!;
  let start = m.index;
  const end = start + m[0].length;
  const scale = g.scale;
  let currency: string | null = null;
  if (g.cur) {
    // Signs and codes stand before digits: "dollars a year" and "Sha La La" are no money.
    currency = isWordNumber(g.num) ? null : prefixCurrency(g.cur, !!scale, g.num);
    if (currency === null) {
      if (!/\s$/.test(g.cur)) return null; // "N64", "R800", "abc5": a code
      start += g.cur.length; // "the 50": a word that is no currency code
    }
  }
  const num = parseNumber(g.num);
  if (!Number.isFinite(num)) return null;
  // After a dash, an amount is a range's upper end, above its lower one; "COX-2" is a name and "5-4" a score.
  if (p[start - 1] === "-" && !(RANGE_DASH_BEFORE.test(p.slice(Math.max(0, start - 12), start)) && opensRange(p, start - 1, sentenceStarts))) return null;
  if (scale && /^cr$/i.test(scale) && !currency) return null; // "cr" is a crore only after rupees
  const word = isWordNumber(g.num);
  const value = Number((num * scaleOf(scale)).toPrecision(12)); // 4.1 × 1e6 is 4,100,000, not 4,099,999.9999999995
  const rest = p.slice(end);
  const before = p.slice(Math.max(0, start - 30), start);
  const token = (unit: string | null, extra = 0, tail = end + extra): Token => ({
    start,
    end: end + extra,
    text: p.slice(start, end + extra).trim(),
    value,
    unit,
    tail,
    bareScale: false,
    refersBack: false,
    rangeOpen: false,
    per: null,
    implied: null,
  });

  if (currency) {
    if (/^[\p{L}\d]/u.test(rest) && !scale) return null; // "$5x", a code
    return token(currency);
  }
  if (word && !scale && /^(?:a|half a)$/i.test(g.num)) return null;
  // Ratios: "one in 10", "nine out of 10".
  if (/\b(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out of)\s+$/i.test(before)) return null;
  // Small spelled-out measures ("one terabyte") are the writer's prose, like small counts; "one euro" is a unit of account.
  const prose = word && !scale && num < 20;
  // A currency named after the amount: "1.55bn euros", "200m euros", "a 4bn-euro hole", "30 billion South Sudanese pounds".
  const named = !(word && !scale && num <= 1) && currencyAfter(rest, !!scale);
  if (named) return token(named.unit, named.length);
  // Race distances are metres, not millions: "800m heats", "the 3,000m title", "10,000m bronze".
  if (scale === "m" && m[0].endsWith(g.num + "m") && RACE_DISTANCES.has(num)) return null;
  // A range's lower end: "20-25%", "1.5 million-2 million people"; the range pass gives it its upper end's unit.
  if (RANGE_DASH_AFTER.test(rest) && isRangeStart(p, start, num, sentenceStarts)) {
    const t = token(null);
    t.rangeOpen = true;
    t.bareScale = !!scale && /^(?:m|k|b|bn|mn|tn)$/i.test(scale);
    return t;
  }

  // Not amounts: ordinals and decades ("10th", "1990s"), ages and scores ("30-year-old", "3-1"), times, fractions.
  if (/^(?:st|nd|rd|th|s)\b|^['’]s\b|^-(?:\p{L}|\d)|^[:.]\d|^\s?(?:am|pm|gmt|bst|cet|est)\b/iu.test(rest) && !/^-(?:plus|odd)\b/i.test(rest)) return null;
  const measured = !scale && !prose && unitAfter(rest);
  if (measured) return token(measured.unit, measured.length);
  // Letters straight after the digits are a unit of measure or a code: "320kg", "4x4".
  if (!scale && /^[\p{L}]/u.test(rest) && !/^(?:p\b|%)/u.test(rest)) return null;

  let suffix: RegExpExecArray | null;
  if ((suffix = /^\s?(?:%|per\s?cent\b|percent\b)/i.exec(rest))) return token("%", suffix[0].length, end);
  if ((suffix = /^\s?(?:percentage points?|pp\b)/i.exec(rest))) return token("pp", suffix[0].length);
  if (!word && !scale && (suffix = /^(?:p\b|\s?pence\b)/.exec(rest))) return token("pence", suffix[0].length);
  return countOf(p, m, start, end, num, word, sentenceStarts, token);
}

/** A number that is neither money nor a percentage: a count of something, a rate, or nothing. */
function countOf(
  p: string,
  m: RegExpExecArray,
  start: number,
  end: number,
  num: number,
  word: boolean,
  sentenceStarts: Starts,
  token: (unit: string | null, extra?: number, tail?: number) => Token,
): Token | null {
  const g = m.groups!;
  const scale = g.scale;
  const before = p.slice(Math.max(0, start - 30), start);
  // "200-plus banks", "300 odd people": the count's noun comes after the approximation.
  const plus = /^(?:-|\s)(?:plus|odd)\b/i.exec(p.slice(end));
  const from = plus ? end + plus[0].length : end;
  const rest = p.slice(from);

  // A count. Years and dates first: "2004", "June 23", "23 June".
  if (/^\d{4}$/.test(g.num) && !scale && num >= 1800 && num <= 2100) return null;
  if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(rest)) return null;
  if (LABEL_BEFORE.test(before)) return null;
  // A number right after a capitalised word inside a sentence belongs to a name: "Windows 95", "Burnout 3", "Billboard 200".
  const prevWord = /([\p{L}][\p{L}'’-]*)\s+$/u.exec(before);
  if (
    prevWord &&
    /^\p{Lu}/u.test(prevWord[1]) &&
    !/['’]s$/.test(prevWord[1]) &&
    !OPENERS.test(prevWord[1]) &&
    !sentenceStarts.has.has(start - prevWord[0].length)
  )
    return null;

  const partitive = partitiveNoun(rest);
  if (partitive) {
    const t = token(partitive === "them" ? null : partitive);
    t.refersBack = partitive === "them";
    return word && num < 20 ? null : t;
  }
  const counted = countedNoun(rest, 3, Number.isInteger(num));
  if (counted && "notCount" in counted) return null;
  if (counted) {
    // Small spelled-out counts ("three executives") are the writer's prose, not statistics.
    if (word && !scale && num < 20) return null;
    // "magnify by up to 10 times" is a multiplier.
    if (counted.noun === "times" && /\bby\s+(?:[a-z]+\s+){0,2}$/i.test(before)) return null;
    const nounEnd = from + lowerIndexOf(rest, counted.noun) + counted.noun.length;
    return token(counted.noun, 0, nounEnd);
  }
  if (word && !scale) return null;
  // An exchange rate: "the yuan is pegged at 8.28 to the US dollar".
  const rate = !scale ? exchangeRate(p.slice(Math.max(0, start - 300), start), rest) : null;
  if (rate) {
    const t = token(rate.unit);
    t.per = rate.per;
    return t;
  }
  // No noun: only a neighbour can say what it is ("another 550m", "up 22,000", "between 200 and 250 million"),
  // or the place it stands in ("a crowd of 40,000").
  const t = token(null);
  t.bareScale = !!scale && /^(?:m|k|b|bn|mn|tn)$/i.test(scale);
  if (!scale && num < 10) return null;
  if (!scale && !word) {
    t.implied = impliedCount(p, sentenceStarts.around(start), start, from, num);
  }
  return t;
}

/** Whether the number just before a dash at `dash` opens a range ("20" in "20-25%", "40" in "£40m-£50m"). */
function opensRange(p: string, dash: number, sentenceStarts: Starts): boolean {
  const m = /(\d[\d,]*(?:\.\d+)?)\s?(?:%|m|bn|k|million|billion)?$/.exec(p.slice(Math.max(0, dash - 20), dash));
  if (!m) return false;
  const start = Math.max(0, dash - 20) + m.index;
  // Past a currency sign or code: "£40m-£50m", "dollars 6.0-dollars 6.5".
  const sign = /(?:[£$€¥₹₦]|dollars\s|euros\s|[A-Z]{2,3}\s?)$/.exec(p.slice(Math.max(0, start - 8), start));
  return isRangeStart(p, sign ? start - sign[0].length : start, Number(m[1].replace(/,/g, "")), sentenceStarts);
}

/**
 * A number followed by a dash and another number opens a range when it is above zero and below the other
 * ("20-25%", "100-120 troops"), and is not a model number ("Boeing 737-800", "10 737-800 planes", "its 737-800
 * planes"); otherwise the pair is a score ("5-4 winners", "0-2") or a code.
 */
function isRangeStart(p: string, start: number, num: number, sentenceStarts: Starts): boolean {
  // From the first dash on (the rest of the paragraph is not copied to find it).
  const dash = p.indexOf("-", start);
  const upper = dash < 0 ? null : /^-(?:\D{0,9}?)(\d[\d,]*(?:\.\d+)?)(\s?(?:%|per\s?cent|percent|[mbk]n?\b|million|billion))?/.exec(p.slice(dash));
  const high = upper ? Number(upper[1].replace(/,/g, "")) : NaN;
  if (!upper || num <= 0 || !(high > num)) return false;
  // "737-800 planes", "72-500 aircraft": a model's number and its variant, a round hundred, not a range.
  if (!upper[2] && high % 100 === 0 && num % 10 !== 0) return false;
  const before = p.slice(Math.max(0, start - 30), start);
  if (/\d\s+$/.test(before)) return false;
  const prevWord = /([\p{L}][\p{L}'’-]*)\s+$/u.exec(before);
  return !(prevWord && /^\p{Lu}/u.test(prevWord[1]) && !OPENERS.test(prevWord[1]) && !sentenceStarts.has.has(start - prevWord[0].length));
}

/** The last of the ascending numbers at most `x`, by bisection; -1 when none is. */
function lastAtOrBefore(list: number[], x: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * `text.toLowerCase().indexOf(word)` without lower-casing the whole rest of a paragraph for a word near its
 * start: the text is lower-cased up to a white space past the first 200 characters (a cut there lower-cases
 * everything before it as the whole text would, a final sigma included), and only a word not found there is
 * looked for in all of it.
 */
function lowerIndexOf(text: string, word: string): number {
  const space = /\s/g;
  space.lastIndex = 200;
  const cut = space.exec(text);
  if (!cut) return text.toLowerCase().indexOf(word);
  const head = text.slice(0, cut.index + 1).toLowerCase();
  const at = head.indexOf(word);
  return at >= 0 && at + word.length <= head.length ? at : text.toLowerCase().indexOf(word);
}

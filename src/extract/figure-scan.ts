// The figure grammar: one pass over a paragraph finds every written number, then its surroundings decide
// what it is — money, a percentage, percentage points, pence, a count of something, or nothing (a year, a
// date, a time, an age, a duration, a distance, a rank, a score, a number inside a name).
import { countedNoun, partitiveNoun } from "./counted-noun.ts";
import { DIGITS, isWordNumber, parseNumber, SCALE, scaleOf, WORD_NUMBER } from "./numbers.ts";

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
}

const SYMBOLS: Record<string, string> = { "£": "GBP", "$": "USD", "us$": "USD", "€": "EUR", "hk$": "HKD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "s$": "SGD" };
const WORD_CURRENCIES: Record<string, string> = {
  dollars: "USD", dollar: "USD", euros: "EUR", euro: "EUR", pounds: "GBP", pound: "GBP", sterling: "GBP", yen: "JPY",
};
// Other currencies keep their own name as the unit ("yuan", "rupees"), like a counted noun.
const OTHER_CURRENCY = /^\s(yuan|rupees|rupee|baht|rupiah|rand|naira|pesos|peso|reais|roubles|rubles|francs|kronor|krona|kroner|dinars|riyals|ringgit|shekels|lira|zloty|cents)\b/i;

const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}/.:#&-])(?<cur>(?:US|HK|NZ|A|C|S)?\$|£|€|(?:dollars|euros|pounds)\s+)?` +
    String.raw`(?<num>${DIGITS}|(?:a|half a)(?=\s(?:million|billion|thousand|trillion)\b)|${WORD_NUMBER}(?![\p{L}]))` +
    String.raw`(?:\s?(?<scale>${SCALE}))?`,
  "giu",
);

const RACE_DISTANCES = new Set([60, 100, 110, 200, 400, 800, 1000, 1500, 1600, 3000, 5000, 10000]);
const MONTH = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH})\.?\s*$`, "i");
const MONTH_AFTER = new RegExp(String.raw`^\s*(?:${MONTH})\b`, "i");
// A number after these is a position, a label or an age, not an amount.
const LABEL_BEFORE = /\b(?:aged|age|ages|no|nos|number|numbers|page|room|flight|chapter|section|article|clause|level|grade|class|division|version|series|season|top|hot|channel|radio|platform|route|junction|gate|row|seat|category|phase|stage|round)\.?\s*$/i;
// Capitalised words that may open a sentence before a number without naming anything.
const OPENERS = /^(?:some|around|about|nearly|almost|over|under|more|fewer|less|just|only|up|and|but|with|by|of|at|another|the|a|an|all|about|roughly|approximately|estimated|an|at|in|on|for|than|to)$/i;

/** Every figure-like number in a paragraph, in order. */
export function scanParagraph(p: string, sentenceStarts: number[]): Token[] {
  const out: Token[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(p); m; m = NUMBER.exec(p)) {
    const t = classify(p, m, sentenceStarts);
    if (t) out.push(t);
  }
  return out;
}

function classify(p: string, m: RegExpExecArray, sentenceStarts: number[]): Token | null {
  const g = m.groups!;
  const start = m.index;
  let end = start + m[0].length;
  const num = parseNumber(g.num);
  if (!Number.isFinite(num)) return null;
  const word = isWordNumber(g.num);
  const scale = g.scale;
  const value = num * scaleOf(scale);
  const rest = p.slice(end);
  const before = p.slice(Math.max(0, start - 30), start);
  const token = (unit: string | null, extra = 0, tail = end + extra): Token => ({
    start, end: end + extra, text: p.slice(start, end + extra).trim(), value, unit, tail, bareScale: false, refersBack: false,
  });

  if (g.cur) {
    const unit = SYMBOLS[g.cur.toLowerCase()] ?? WORD_CURRENCIES[g.cur.trim().toLowerCase()];
    if (/^[\p{L}\d]/u.test(rest) && !scale) return null; // "$5x", a code
    return token(unit);
  }
  if (word && !scale && /^(?:a|half a)$/i.test(g.num)) return null;
  // Race distances are metres, not millions: "800m heats", "the 3,000m title", "10,000m bronze".
  if (scale === "m" && m[0].endsWith(g.num + "m") && RACE_DISTANCES.has(num)) return null;

  // Not amounts: ordinals and decades ("10th", "1990s"), ages and scores ("30-year-old", "3-1"), times, fractions.
  if (/^(?:st|nd|rd|th|s)\b|^['’]s\b|^-(?:\p{L}|\d)|^[:.]\d|^\s?(?:am|pm|gmt|bst|cet|est)\b/iu.test(rest)) return null;

  // Letters straight after the digits are a unit of measure or a code: "320kg", "2GHz", "4x4".
  if (!scale && /^[\p{L}]/u.test(rest) && !/^(?:p\b|%)/u.test(rest)) return null;
  // Ratios: "one in 10", "nine out of 10".
  if (/\b(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out of)\s+$/i.test(before)) return null;

  let suffix: RegExpExecArray | null;
  if ((suffix = /^\s?(?:%|per\s?cent\b|percent\b)/i.exec(rest))) return word && !scale ? null : token("%", suffix[0].length, end);
  if ((suffix = /^\s?(?:percentage points?|pp\b)/i.exec(rest))) return token("pp", suffix[0].length);
  if (!word && !scale && (suffix = /^(?:p\b|\s?pence\b)/.exec(rest))) return token("pence", suffix[0].length);
  if ((suffix = /^\s?-?(dollars?|euros?|pounds|sterling|yen)\b(?!\s?zone)/i.exec(rest))) return token(WORD_CURRENCIES[suffix[1].toLowerCase()], suffix[0].length);
  if ((suffix = OTHER_CURRENCY.exec(rest))) return token(suffix[1].toLowerCase(), suffix[0].length);
  // "won" is a currency only after a scale: "1.2 trillion won", never "Burnout 3 won".
  if (scale && (suffix = /^\s(won)\b/.exec(rest))) return token("won", suffix[0].length);

  // A count. Years and dates first: "2004", "June 23", "23 June".
  if (/^\d{4}$/.test(g.num) && !scale && num >= 1800 && num <= 2100) return null;
  if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(rest)) return null;
  if (LABEL_BEFORE.test(before)) return null;
  // A number right after a capitalised word inside a sentence belongs to a name: "Windows 95", "Burnout 3", "Billboard 200".
  const prevWord = /([\p{L}][\p{L}'’-]*)\s+$/u.exec(before);
  if (prevWord && /^\p{Lu}/u.test(prevWord[1]) && !/['’]s$/.test(prevWord[1]) && !OPENERS.test(prevWord[1]) && !sentenceStarts.includes(start - prevWord[0].length)) return null;

  const partitive = partitiveNoun(rest);
  if (partitive) {
    const t = token(partitive === "them" ? null : partitive);
    t.refersBack = partitive === "them";
    return word && num < 20 ? null : t;
  }
  const counted = countedNoun(rest);
  if (counted && "notCount" in counted) return null;
  if (counted) {
    // Small spelled-out counts ("three executives") are the writer's prose, not statistics.
    if (word && !scale && num < 20) return null;
    const nounEnd = end + rest.toLowerCase().indexOf(counted.noun) + counted.noun.length;
    return token(counted.noun, 0, nounEnd);
  }
  if (word && !scale) return null;
  // No noun: only a neighbour can say what it is ("another 550m", "up 22,000", "between 200 and 250 million").
  const t = token(null);
  t.bareScale = !!scale && !/^[a-z]{4,}/i.test(scale);
  if (!scale && num < 10) return null;
  return t;
}

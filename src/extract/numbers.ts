// Reading numbers as news writes them: "4.4", "640,000", "1,70,000" (Indian grouping), "two million",
// "Ninety one", "five hundred", "two point five", scale words and their abbreviations ("bn", "trn", "crore").

export const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
  bn: 1e9,
  b: 1e9,
  billion: 1e9,
  billions: 1e9,
  tn: 1e12,
  trn: 1e12,
  trillion: 1e12,
  mln: 1e6,
  bln: 1e9,
  trln: 1e12,
  // South Asian scales: a lakh is 100,000, a crore ten million, a "lakh crore" a million million.
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
};

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const DIGIT_WORDS: Record<string, number> = { zero: 0, nought: 0, oh: 0, ...Object.fromEntries(Object.entries(UNITS).slice(0, 9)) };

/** Word numbers a news sentence spells out; "a" and "half a" only count before a scale ("a million"). */
export const NUMBER_WORDS: Record<string, number> = { ...UNITS, ...TENS, hundred: 100, a: 1, half: 0.5, "half a": 0.5 };

const alternatives = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join("|");
// "ninety one", "ninety-one", "seventy", "twelve"
const BELOW_HUNDRED = String.raw`(?:(?:${alternatives(Object.keys(TENS))})(?:[\s-](?:${alternatives(Object.keys(UNITS).slice(0, 9))}))?|${alternatives(Object.keys(UNITS))})`;
// "five hundred", "a hundred", "three hundred and fifty"
const HUNDREDS = String.raw`(?:(?:${BELOW_HUNDRED}|a)\s+hundred(?:\s+(?:and\s+)?${BELOW_HUNDRED}(?![\p{L}]))?)`;
// "two point five"
const POINT = String.raw`(?:\s+point(?:\s+(?:${alternatives(Object.keys(DIGIT_WORDS))})(?![\p{L}]))+)`;

/** A regex source for a spelled-out number: "ninety one", "five hundred", "two point five", "half a", "a". */
export const WORD_NUMBER = String.raw`(?:(?:${HUNDREDS}|${BELOW_HUNDRED})${POINT}?|half a|a)`;

/** A regex source for a written number: "640,000", "4.4", "1500", and the Indian "1,70,000". */
export const DIGITS = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** A regex source for a scale after a number: "bn", " billion", "m", "B", "bln", "lakh crore"; not the "m" of "mph". */
export const SCALE = String.raw`(?:bn|bln|b|billion|mn|mln|m|million|k|thousand|tn|trn|trln|trillion|lakhs?(?:[\s-]cr(?:ores?)?)?|crores?|cr)(?![\p{L}\d])`;

/**
 * A regex source for a number written with a decimal comma, as much of Europe and Southern Africa write a
 * percentage ("9,61%", "20,5 per cent"): only before a percent sign or word, where a thousands comma (three
 * digits after it) cannot be meant.
 */
export const DECIMAL_COMMA = String.raw`\d{1,3},\d{1,2}(?=\s?(?:%|per\s?cent\b|percent\b))`;

/** "640,000" → 640000; "4.4" → 4.4; "9,61" (a decimal comma) → 9.61; "Ninety one" → 91; "two point five" → 2.5; NaN otherwise. */
export function parseNumber(s: string): number {
  const w = s.toLowerCase().trim().replace(/\s+/g, " ");
  if (/^\d+,\d{1,2}$/.test(w)) return Number(w.replace(",", "."));
  if (/^[\d,.]+$/.test(w)) return Number(w.replace(/,/g, ""));
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w];
  const [whole, decimals] = w.split(" point ");
  let value = 0;
  for (const word of whole.split(/[\s-]/)) {
    if (word === "and") continue;
    if (word === "hundred") value = (value || 1) * 100;
    else if (word === "a" && value === 0) value = 1;
    else if (word in UNITS || word in TENS) value += UNITS[word] ?? TENS[word];
    else return NaN;
  }
  if (decimals === undefined) return value;
  const digits = decimals.split(" ").map((d) => DIGIT_WORDS[d]);
  return digits.some((d) => d === undefined) ? NaN : Number(`${value}.${digits.join("")}`);
}

/** True when the number was spelled out in words rather than digits. */
export function isWordNumber(s: string): boolean {
  return !/\d/.test(s);
}

export function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  const w = word.toLowerCase();
  if (/^lakhs?[\s-]cr/.test(w)) return 1e12;
  return SCALES[w] ?? 1;
}

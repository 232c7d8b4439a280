// Reading numbers as news writes them: "4.4", "640,000", "two million", "Ninety one", "£3.5bn", scale
// words and their abbreviations.

export const SCALES: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, millions: 1e6, bn: 1e9, b: 1e9, billion: 1e9, billions: 1e9,
  tn: 1e12, trillion: 1e12,
};

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Word numbers a news sentence spells out; "a" and "half a" only count before a scale ("a million"). */
export const NUMBER_WORDS: Record<string, number> = { ...UNITS, ...TENS, hundred: 100, a: 1, half: 0.5, "half a": 0.5 };

/** A regex source for a spelled-out number: "ninety one", "ninety-one", "seventy", "twelve", "half a", "a". */
export const WORD_NUMBER = String.raw`(?:(?:${Object.keys(TENS).join("|")})(?:[\s-](?:${Object.keys(UNITS).slice(0, 9).join("|")}))?|${Object.keys(UNITS).sort((a, b) => b.length - a.length).join("|")}|a hundred|half a|a)`;

/** A regex source for a written number: "640,000", "4.4", "1500". */
export const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/** A regex source for a scale after a number: "bn", " billion", "m"; not the "m" of "metres"-words like "mph". */
export const SCALE = String.raw`(?:bn|billion|mn|m|million|k|thousand|tn|trillion)(?![\p{L}\d])`;

/** "640,000" → 640000; "4.4" → 4.4; "Ninety one" → 91; NaN when it is not a number. */
export function parseNumber(s: string): number {
  const w = s.toLowerCase().trim().replace(/\s+/g, " ");
  if (/^[\d,.]+$/.test(w)) return Number(w.replace(/,/g, ""));
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w];
  if (w === "a hundred") return 100;
  const [tens, unit] = w.split(/[\s-]/);
  if (tens in TENS && unit in UNITS) return TENS[tens] + UNITS[unit];
  return NaN;
}

/** True when the number was spelled out in words rather than digits. */
export function isWordNumber(s: string): boolean {
  return !/\d/.test(s);
}

export function scaleOf(word: string | undefined): number {
  return word ? (SCALES[word.toLowerCase()] ?? 1) : 1;
}

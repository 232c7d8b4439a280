// Reading numbers as news writes them: "4.4", "640,000", "two million", "£3.5bn", scale words and
// their abbreviations.

export const SCALES: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, millions: 1e6, bn: 1e9, b: 1e9, billion: 1e9, billions: 1e9,
  tn: 1e12, trillion: 1e12,
};

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, "a": 1, half: 0.5,
};

/** "640,000" → 640000; "4.4" → 4.4; a word number → its value; NaN when it is not a number. */
export function parseNumber(s: string): number {
  const w = s.toLowerCase();
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w];
  return Number(s.replace(/,/g, ""));
}

export function scaleOf(word: string | undefined): number {
  return word ? SCALES[word.toLowerCase()] ?? 1 : 1;
}

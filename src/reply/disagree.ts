// Figures that disagree: claims on one topic that measure the same thing (the same unit and rate, most of
// their measure's words in common) but give different values, so a reporter sees that sources differ before
// quoting one. A difference that is only rounding (£4.4bn and £4.38bn, 640,000 and 600,000) is the same
// figure: it is not flagged. (The same value written differently, £4.4bn and £4,400m, is one claim already.)
import { indexWords } from "../search/match.ts";
import type { FigureBlock } from "./model.ts";

/** Words of a measure that do not say what is measured. */
const STOP = new Set(
  (
    "a an the of and or to in on at for by with from as is are was were be been being will would could should may might must has have had " +
    "that this these those it its their there than then which who what said says say according per around about nearly almost some " +
    // When and which way: "down from 17% the previous year" and "up 21.3% on last year" are two years, not one measure.
    "up down rise rose fall fell increase decrease more less just only year month week day previous last next earlier ago since"
  ).split(" "),
);
/** Measures share at least this many words, and this share of the shorter one's, to measure the same thing. */
const MIN_COMMON = 2;
const MIN_SHARE = 0.6;

/** Each claim with, when others measure the same thing with a different value, every value given for it. */
export function flagDisagreements(claims: FigureBlock[]): FigureBlock[] {
  // What each claim measures is worked out once, and each pair compared once (the relation is symmetric):
  // up to 100 claims a page, and /figure at 100k spent half its CPU here when every pair re-derived both.
  const measures = claims.map(measureOf);
  const same = claims.map(() => new Array<boolean>(claims.length).fill(false));
  for (let i = 0; i < claims.length; i++) {
    same[i][i] = true;
    for (let j = i + 1; j < claims.length; j++) same[i][j] = same[j][i] = claims[i] === claims[j] || sameMeasure(measures[i], measures[j]);
  }
  const digits = new Map<number, number>();
  const rounded = (a: number, b: number) => a === b || roundedEqual(a, b, digits);
  // Claims of one cluster have the same group, and so the same values: worked out once per group.
  const valuesOf = new Map<string, FigureBlock[]>();
  return claims.map((c, i) => {
    const group: number[] = [];
    for (let j = 0; j < claims.length; j++) if (same[i][j]) group.push(j);
    const key = group.join(",");
    let values = valuesOf.get(key);
    if (!values) {
      // One value per figure up to rounding, in the claims' order.
      values = [];
      for (const j of group) {
        const o = claims[j];
        if (!values.some((v) => rounded(v.value, o.value))) values.push(o);
      }
      valuesOf.set(key, values);
    }
    if (values.length < 2) return c;
    return { ...c, disagree: values.map((v) => ({ text: v.text, claimedBy: v.claimedBy, source: v.sources[0] })) };
  });
}

/** A claim with what sameMeasure compares, derived once. */
interface Measure {
  claim: FigureBlock;
  unit: string;
  years: string;
  words: Set<string>;
}

const measureOf = (c: FigureBlock): Measure => ({ claim: c, unit: c.unit.toLowerCase(), years: years(c.measure), words: measureWords(c) });

/**
 * Whether two claims measure the same thing in different sources. Two values in one sentence ("losses
 * deepened to £51.6m from £1.2m") or one article are a change or a comparison, not a disagreement, unless
 * the article gives them to two named sources.
 */
function sameMeasure(ma: Measure, mb: Measure): boolean {
  const a = ma.claim;
  const b = mb.claim;
  if (ma.unit !== mb.unit || (a.per ?? "") !== (b.per ?? "")) return false;
  if (a.sentence === b.sentence) return false;
  const twoNamed = a.claimedBy !== null && b.claimedBy !== null && a.claimedBy !== b.claimedBy;
  if (!twoNamed && a.sources.some((x) => b.sources.some((y) => y.articleId === x.articleId))) return false;
  if (ma.years !== mb.years) return false;
  const wa = ma.words;
  const wb = mb.words;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common >= MIN_COMMON && common / Math.min(wa.size, wb.size) >= MIN_SHARE;
}

/** The years a measure names, as one string: "by 2020" and "in 2004" measure different things. */
const years = (measure: string) => [...new Set(measure.match(/\b(1[89]|20)\d\d\b/g) ?? [])].sort().join(",");

/** What a claim measures, as words: its measure without the figure, its unit, numbers and stop words, plurals singular. */
function measureWords(c: FigureBlock): Set<string> {
  const own = new Set([...indexWords(c.text), ...indexWords(c.unit).flatMap((w) => [w, singular(w)])]);
  return new Set(
    indexWords(c.measure)
      .filter((w) => w.length > 1 && !own.has(w) && !/\d/.test(w) && !STOP.has(w))
      .map(singular),
  );
}

const singular = (w: string) => (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w);

/** Whether two values are the same figure once the more precise is rounded as the other is written. */
export function sameUpToRounding(a: number, b: number): boolean {
  return a === b || roundedEqual(a, b, new Map());
}

/** sameUpToRounding for two different values, each value's significant digits worked out once (`digits`). */
function roundedEqual(a: number, b: number, digits: Map<number, number>): boolean {
  let da = digits.get(a);
  if (da === undefined) digits.set(a, (da = significant(a)));
  let db = digits.get(b);
  if (db === undefined) digits.set(b, (db = significant(b)));
  const p = Math.min(da, db);
  return Number(a.toPrecision(p)) === Number(b.toPrecision(p));
}

/** Significant digits of a value: 4.4e9 → 2, 4.38e9 → 3, 640000 → 2. */
function significant(v: number): number {
  const digits = Math.abs(v).toPrecision(15).replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return Math.min(15, Math.max(1, digits.length));
}

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
  const words = new Map(claims.map((c) => [c, measureWords(c)]));
  return claims.map((c) => {
    const group = claims.filter((o) => o === c || sameMeasure(c, o, words));
    // One value per figure up to rounding, in the claims' order.
    const values: FigureBlock[] = [];
    for (const o of group) if (!values.some((v) => sameUpToRounding(v.value, o.value))) values.push(o);
    if (values.length < 2) return c;
    return { ...c, disagree: values.map((v) => ({ text: v.text, claimedBy: v.claimedBy, source: v.sources[0] })) };
  });
}

/**
 * Whether two claims measure the same thing in different sources. Two values in one sentence ("losses
 * deepened to £51.6m from £1.2m") or one article are a change or a comparison, not a disagreement, unless
 * the article gives them to two named sources.
 */
function sameMeasure(a: FigureBlock, b: FigureBlock, words: Map<FigureBlock, Set<string>>): boolean {
  if (a.unit.toLowerCase() !== b.unit.toLowerCase() || (a.per ?? "") !== (b.per ?? "")) return false;
  if (a.sentence === b.sentence) return false;
  const twoNamed = a.claimedBy !== null && b.claimedBy !== null && a.claimedBy !== b.claimedBy;
  if (!twoNamed && a.sources.some((x) => b.sources.some((y) => y.articleId === x.articleId))) return false;
  if (years(a.measure) !== years(b.measure)) return false;
  const wa = words.get(a)!;
  const wb = words.get(b)!;
  const common = [...wa].filter((w) => wb.has(w)).length;
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
  if (a === b) return true;
  const p = Math.min(significant(a), significant(b));
  return Number(a.toPrecision(p)) === Number(b.toPrecision(p));
}

/** Significant digits of a value: 4.4e9 → 2, 4.38e9 → 3, 640000 → 2. */
function significant(v: number): number {
  const digits = Math.abs(v).toPrecision(15).replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return Math.min(15, Math.max(1, digits.length));
}

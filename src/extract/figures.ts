// Statistics: money, percentages and counts of people or things, with the value normalised, what it
// measures, who says so, and the earlier sentences it refers back to (so a topic search finds it).
import { findAcronyms } from "./acronyms.ts";
import { contextOf, type PlacedSentence } from "./figure-context.ts";
import { measureOf } from "./figure-measure.ts";
import { isMoney } from "./figure-money.ts";
import { scanParagraph, type Token } from "./figure-scan.ts";
import { mentionsBySentence, sourceOf } from "./figure-source.ts";
import { DIGITS, SCALE, scaleOf } from "./numbers.ts";
import type { PeopleIndex } from "./people.ts";
import { readParagraphs, type ParagraphReading } from "./paragraphs.ts";
import type { Acronym, ArticleText, Figure } from "./types.ts";

const APPROX =
  /\b(around|about|nearly|almost|more than|over|under|less than|fewer than|up to|some|roughly|approximately|at least|just over|just under|close to|an estimated|estimated|as many as|as much as|as few as|as little as|in excess of|upwards of|at most|no more than|barely|only)\s+$/i;
const PER =
  /^\s*(?:a|an|per|each|every)\s+(year|month|week|day|hour|head|person|household|annum|quarter|share|barrel|tonne|litre|gallon|episode|minute|second)\b|^\s*(annually|yearly|monthly|weekly|daily)\b/i;
const PER_WORD: Record<string, string> = { annually: "year", yearly: "year", annum: "year", monthly: "month", weekly: "week", daily: "day" };
// Words between a number and the figure before it that make it the same kind of thing: "37,000 files - up 22,000".
const SCALE_WRITTEN = new RegExp(String.raw`(?:${DIGITS})\s?-?(${SCALE})`, "iu");
const CONNECTOR =
  /(?:\b(?:up|down|by|another|a further|an extra|extra|further|from|to|and|or|than|against|versus|compared with|of|with|rising to|falling to)|[-–])\s*$/i;

export function findFigures(
  article: ArticleText,
  people: PeopleIndex,
  read: Pick<ParagraphReading, "sentences"> = readParagraphs(article),
  acronyms: Acronym[] = findAcronyms(article),
): Figure[] {
  const sentences: PlacedSentence[] = [];
  const perParagraph = article.paragraphs.map((raw, pi) => {
    // Numbers inside HTML entities ("&#233;") are characters, not figures: blank them, keeping offsets.
    const p = raw.includes("&") ? raw.replace(/&#?\w+;/g, (e) => " ".repeat(e.length)) : raw;
    const ss = read.sentences[pi];
    const first = sentences.length;
    for (const s of ss) sentences.push({ text: s.text, paragraph: pi + 1, start: s.start, end: s.end });
    return {
      p,
      first,
      count: ss.length,
      tokens: resolveNeighbours(
        p,
        scanParagraph(
          p,
          ss.map((s) => s.start),
        ),
        ss,
      ),
    };
  });

  const out: Figure[] = [];
  const seen = new Set<string>();
  const heads = new Map<number, string[]>(); // each sentence's definite descriptions, read once
  // A sentence's context depends on the sentence alone, and a sentence often holds several figures.
  const contexts = new Map<number, string>();
  const contextAt = (si: number) => {
    let context = contexts.get(si);
    if (context === undefined) contexts.set(si, (context = contextOf(sentences, si, acronyms, heads)));
    return context;
  };
  // Who says it depends on the sentence alone too; the mentions of a sentence are looked up, not filtered out
  // of the whole article each time (a paragraph of a megabyte has tens of thousands).
  const mentionsOf = mentionsBySentence(people);
  const sources = new Map<number, string | null>();
  const sourceAt = (si: number) => {
    let source = sources.get(si);
    if (source === undefined) sources.set(si, (source = sourceOf(sentences[si], people, mentionsOf(sentences[si]))));
    return source;
  };
  perParagraph.forEach(({ p, first, count, tokens }, pi) => {
    for (let ti = 0; ti < tokens.length; ti++) {
      const t = tokens[ti];
      if (t.unit === null) continue;
      const key = `${t.unit}:${t.value}`;
      if (seen.has(key)) continue; // the same figure stated again
      seen.add(key);
      const si = sentenceIndex(sentences, first, count, t.start);
      const s = sentences[si];
      const before = p.slice(Math.max(s.start, t.start - 40), t.start).replace(/(?:dollars|euros|pounds)\s*$/i, "");
      const per = PER.exec(p.slice(t.tail, s.end));
      out.push({
        text: t.text,
        value: t.value,
        unit: t.unit,
        per: t.per ?? (per ? (PER_WORD[(per[1] ?? per[2]).toLowerCase()] ?? (per[1] ?? per[2]).toLowerCase()) : null),
        approx: APPROX.exec(before)?.[1].toLowerCase() ?? null,
        upTo: upperBound(p, t, tokens[ti + 1], s.start),
        measure: measureOf(s.text, t.start - s.start, t.end - s.start),
        source: sourceAt(si),
        sentence: s.text,
        context: contextAt(si),
        paragraph: pi + 1,
        start: t.start,
        end: t.end,
      });
    }
  });
  return out;
}

/**
 * Numbers without a unit of their own take their neighbour's: a range's lower end takes the upper's
 * ("between 200 and 250 million"), an elliptical number takes the previous figure's in its sentence
 * ("nearly 37,000 files - up 22,000", "1bn euros now, with another 550m", "60 people - 45 of them in the US").
 * An abbreviated scale with no currency ("800m", "16.50m") stays out unless money precedes it: it is
 * usually metres.
 */
function resolveNeighbours(p: string, tokens: Token[], ss: { start: number; end: number }[]): Token[] {
  const sentence = sentenceOfEach(tokens, ss);
  // How far the tokens up to each one reach: a search back for a neighbour stops where none before can be close
  // enough, so a long paragraph is not searched from the start for every number in it.
  const reach: number[] = [];
  tokens.forEach((t, i) => reach.push(Math.max(i > 0 ? reach[i - 1] : -Infinity, t.end)));
  /** The nearest token before the i-th that ends less than `within` characters before it and fits. */
  const nearestBefore = (i: number, within: number, fits: (x: Token, j: number) => boolean): Token | undefined => {
    const at = tokens[i].start;
    for (let j = i - 1; j >= 0 && at - reach[j] < within; j--) if (at - tokens[j].end < within && fits(tokens[j], j)) return tokens[j];
    return undefined;
  };
  tokens.forEach((t, i) => {
    if (t.unit !== null || t.rangeOpen) return;
    // "a population of 70,000", "the number of civil servants rose to 520,000": the sentence says what is counted.
    if (t.implied?.noun) return void (t.unit = t.implied.noun);
    // Only a figure close by lends its unit: "37,000 files last year - up 22,000", not one a clause away.
    const prev = nearestBefore(i, 60, (x, j) => x.unit !== null && sentence[j] === sentence[i]);
    const lead = p.slice(Math.max(0, t.start - 16), t.start);
    // A dash straight after a digit joins a score or a code ("27-27", "COX-2"), not a change.
    if (prev && prev.unit !== "%" && prev.unit !== "pp" && !/\d-$/.test(lead) && (t.refersBack || CONNECTOR.test(lead))) {
      if (t.bareScale && !isMoney(prev.unit!)) return;
      t.unit = prev.unit;
    } else if (!t.bareScale && /million|billion|trillion|[mbt]r?ln\b/i.test(t.text)) {
      // "mobile phone sales passed 167 million", "sales rose 8% to 4.7 million": a count whose noun the sentence implies
      t.unit = "count";
    } else if (t.implied) {
      // "output of 200,000 cars from 2007. The rise, from 189,000 last year": a change counts what the paragraph last counted.
      const counted = t.implied.borrow ? nearestBefore(i, 300, (x) => x.unit !== null && isCount(x.unit)) : undefined;
      t.unit = t.implied.noun ?? counted?.unit ?? "count";
    }
  });
  // Ranges last, right to left, once their upper ends are known: the lower end takes the upper's unit and
  // scale ("between 200 and 250 million", "20-30bn rupiah", "dollars 2-dollars 3.8 trillion"), and an upper
  // end with no sign of its own takes the lower's currency ("£2-3bn").
  for (let i = tokens.length - 2; i >= 0; i--) {
    const [t, next] = [tokens[i], tokens[i + 1]];
    const gap = p.slice(t.end, next.start);
    const dash = /^[-–]$/.test(gap);
    if (t.unit !== null && next.unit === null && dash && !next.rangeOpen) next.unit = t.unit;
    if (next.unit === null || (t.unit !== null && t.unit !== next.unit)) continue;
    const lead = p.slice(Math.max(0, t.start - 12), t.start);
    if (t.rangeOpen || dash) {
      if (!dash) continue;
    } else if (/^\s*and\s*$/.test(gap)) {
      if (!/\bbetween\s+$/i.test(lead)) continue;
    } else if (/^\s*to\s*$/.test(gap)) {
      // "25 to 30 seats"; a fall needs its "from": "from 5,000 to 3,000 jobs".
      if (t.value > next.value && !/\bfrom\s+$/i.test(lead)) continue;
    } else continue;
    if (scaleFrom(t) === 1 && next.value >= t.value * 1000) t.value = Number((t.value * scaleFrom(next)).toPrecision(12));
    t.unit = next.unit;
  }
  return tokens;
}

function isCount(unit: string): boolean {
  return !isMoney(unit) && !/^(?:%|pp|pence|points|count)$/.test(unit) && !/^[A-Z]/.test(unit);
}

function scaleFrom(t: Token): number {
  const m = SCALE_WRITTEN.exec(t.text);
  return m ? scaleOf(m[1]) : 1;
}

/** "between 3% and 3.5%", "3% to 4%", "£5m-£6m": the upper end of a range the figure opens (`next` is the token after it). */
function upperBound(p: string, t: Token, next: Token | undefined, sentenceStart: number): number | null {
  if (!next || next.unit !== t.unit || next.value <= t.value) return null;
  const gap = p.slice(t.end, next.start);
  const lead = p.slice(Math.max(sentenceStart, t.start - 20), t.start);
  if (/^\s*and\s*$/.test(gap) && /\bbetween\s+(?:£|\$|€|dollars\s)?$/i.test(lead)) return next.value;
  if (/^\s*(?:to|-|–)\s*$/.test(gap) && !/\b(?:from|rose|fell|up|down|increased|decreased|cut|raised)\s+(?:£|\$|€|dollars\s)?$/i.test(lead)) return next.value;
  return null;
}

/** The paragraph's sentence (of the `count` from `first` on) that holds `offset`: the last to start at or before it. */
function sentenceIndex(sentences: PlacedSentence[], first: number, count: number, offset: number): number {
  const found = lastAtOrBefore(count, (k) => sentences[first + k].start, offset);
  return first + Math.max(found, 0);
}

/** For each token, the index of the sentence it starts in, or -1 when it starts between sentences. */
function sentenceOfEach(tokens: Token[], ss: { start: number; end: number }[]): number[] {
  return tokens.map((t) => {
    const k = lastAtOrBefore(ss.length, (i) => ss[i].start, t.start);
    return k >= 0 && t.start < ss[k].end ? k : -1;
  });
}

/** The last of `n` ascending values (read by `at`) that is at most `x`, by bisection; -1 when none is. */
function lastAtOrBefore(n: number, at: (i: number) => number, x: number): number {
  let [lo, hi] = [0, n]; // the answer + 1 lies in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

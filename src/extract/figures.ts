// Statistics: money, percentages and counts of people or things, with the value normalised, what it
// measures (its clause), who says so, and the earlier sentences its "the changes"/"the cuts" point back
// to (so a topic search finds it). Years, dates, ages, durations, scores and numbers inside names are
// not statistics.
import type { PeopleIndex } from "./people.ts";
import { NUMBER_WORDS, parseNumber, scaleOf } from "./numbers.ts";
import { splitSentences, type Sentence } from "./text.ts";
import type { ArticleText, Figure } from "./types.ts";

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:bn|billion|mn|m|million|k|thousand|tn|trillion)(?![\p{L}])`;
const WORDNUM = String.raw`(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half a)`;

interface Pattern {
  re: RegExp;
  unit: (m: RegExpExecArray) => string | null;
}

const CURRENCY: Record<string, string> = { "£": "GBP", "$": "USD", "us$": "USD", "€": "EUR", pounds: "GBP", pound: "GBP", dollars: "USD", dollar: "USD", euros: "EUR", euro: "EUR", yen: "JPY", pence: "pence", p: "pence" };

const PATTERNS: Pattern[] = [
  { re: new RegExp(String.raw`(?<cur>US\$|£|\$|€)\s?(?<num>${NUM})(?:\s?(?<scale>${SCALE}))?`, "gu"), unit: (m) => CURRENCY[m.groups!.cur.toLowerCase()] },
  { re: new RegExp(String.raw`\b(?<cur>dollars|euros|pounds|yen)\s+(?<num>${NUM})(?:\s?(?<scale>${SCALE}))?`, "giu"), unit: (m) => CURRENCY[m.groups!.cur.toLowerCase()] },
  { re: new RegExp(String.raw`(?<num>${NUM})(?:\s?(?<scale>${SCALE}))?\s+(?<cur>dollars|euros|pounds|yen|pence)\b`, "giu"), unit: (m) => CURRENCY[m.groups!.cur.toLowerCase()] },
  { re: new RegExp(String.raw`(?<num>${NUM})(?<cur>p)\b`, "gu"), unit: () => "pence" },
  { re: new RegExp(String.raw`(?<num>${NUM})\s*(?:percentage points?|pp)\b`, "giu"), unit: () => "pp" },
  { re: new RegExp(String.raw`(?<num>${NUM})\s?(?:%|per\s?cent\b|percent\b)`, "giu"), unit: () => "%" },
  { re: new RegExp(String.raw`(?<num>${NUM})(?:\s?(?<scale>${SCALE}))?(?=\s+[\p{L}])`, "gu"), unit: () => null },
  { re: new RegExp(String.raw`\b(?<word>${WORDNUM})\s+(?<scale>million|billion|thousand)\b(?=\s+[\p{L}])`, "giu"), unit: () => null },
];

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const NOT_COUNTED = new Set(
  ("year years month months week weeks day days hour hours minute minutes second seconds decade decades century centuries " +
    "am pm times time miles mile km kilometres kilometers metres meters m feet foot ft yards inches mph goals goal points point " +
    "runs wickets sets games matches round rounds laps seats-old years-old st nd rd th per of").split(" "),
);
const STOP = new Set(
  ("of who that which were was would will are is be been have has had in on at to from and or by for with a an the than as " +
    "into over under after before since while when if but not also more less each per its their his her this these those it " +
    "they we he she up down out off about around against between among").split(" "),
);
const APPROX = /(around|about|nearly|almost|more than|over|under|less than|fewer than|up to|some|roughly|approximately|at least|just over|just under|close to|an estimated|an average of|as many as|as much as)\s+$/i;
const SOURCE_CUES = /\b(said|says|say|estimates?|estimated|forecasts?|predicts?|predicted|calculated|calculates|found|finds|reported|reports|showed|shows|revealed|reveals|claims?|claimed|believes|thinks|warned|warns|expects|expected)\b/gi;

export function findFigures(article: ArticleText, people: PeopleIndex): Figure[] {
  const out: Figure[] = [];
  const seen = new Set<string>();
  const sentences = article.paragraphs.map((p) => splitSentences(p));
  const flat = sentences.flatMap((ss, i) => ss.map((s) => ({ ...s, paragraph: i + 1 })));

  article.paragraphs.forEach((p, pi) => {
    if (p.includes("&#")) p = p.replace(/&#?\w+;/g, (e) => " ".repeat(e.length)); // entities hold no figures
    for (const c of candidates(p)) {
      const sentence = sentences[pi].find((s) => c.start >= s.start && c.start < s.end) ?? { text: p, start: 0, end: p.length };
      const key = `${c.unit}:${c.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const before = p.slice(Math.max(sentence.start, c.start - 40), c.start);
      const after = p.slice(c.end, Math.min(sentence.end, c.end + 40));
      const range = /^\s*(?:to|and|-|–)\s*(?:£|\$|€)?(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|m|million|%|per cent)?/.exec(after);
      const idx = flat.findIndex((s) => s.paragraph === pi + 1 && s.start === sentence.start);
      out.push({
        text: c.text,
        value: c.value,
        unit: c.unit,
        per: /^\s+(?:a|an|per|each)\s+(year|month|week|day|hour|head|person|annum)\b/i.exec(after)?.[1].toLowerCase() ?? null,
        approx: APPROX.exec(before.replace(/(?:£|\$|€|US\$)\s*$/, ""))?.[1].toLowerCase() ?? null,
        upTo: range && /between\s+(?:£|\$|€)?$/i.test(before) ? parseNumber(range[1]) * (c.value / c.num) : null,
        measure: clauseAround(p, sentence, c.start, c.end),
        source: sourceIn(p, sentence, pi + 1, people),
        sentence: sentence.text,
        context: contextOf(flat, idx),
        paragraph: pi + 1,
        start: c.start,
        end: c.end,
      });
    }
  });
  return out;
}

interface Candidate {
  start: number;
  end: number;
  text: string;
  num: number;
  value: number;
  unit: string;
}

function candidates(p: string): Candidate[] {
  const found: Candidate[] = [];
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (let m = pattern.re.exec(p); m; m = pattern.re.exec(p)) {
      const g = m.groups!;
      const start = m.index;
      let end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const num = g.word ? (NUMBER_WORDS[g.word.toLowerCase().replace(/^half a$/, "half")] ?? 1) : parseNumber(g.num);
      if (!Number.isFinite(num)) continue;
      if (!g.cur && /[\p{L}\p{N}#&.\/-]$/u.test(p.slice(0, start)) && !/\s$/.test(p.slice(0, start))) continue; // G7, 3-1, 1.5/2
      if (g.cur && /[\p{L}\p{N}]$/u.test(p.slice(0, start))) continue;
      const next = p.slice(end, end + 12);
      if (/^(?:st|nd|rd|th|s)\b|^-(?:\p{L}|\d)|^:\d|^\.\d/u.test(next)) continue; // 10th, 1990s, 30-year-old, 10:30
      let unit = pattern.unit(m);
      let text = m[0];
      if (unit === null) {
        // A count: the thing counted follows. Years, dates, durations and measures are not counts.
        if (/^\d{4}$/.test(g.num ?? "") && !g.scale && Number(g.num) >= 1800 && Number(g.num) <= 2100) continue;
        const prev = p.slice(Math.max(0, start - 12), start);
        if (new RegExp(`\\b(?:${MONTHS})\\s*$`, "i").test(prev) || new RegExp(`^\\s*(?:${MONTHS})\\b`, "i").test(p.slice(end))) continue;
        if (/\b(?:aged|age|no|number|page|room|flight|chapter|section|article|clause|level|grade|class|division|version|series|season|windows|channel|radio)\.?\s*$/i.test(prev)) continue;
        const noun = countedNoun(p.slice(end));
        if (!noun && !g.scale) continue;
        if (noun && NOT_COUNTED.has(noun)) continue;
        if (g.word && !g.scale) continue; // "three executives": small spelled-out counts are optional
        unit = noun ?? "count";
      }
      const value = num * scaleOf(g.scale);
      if (unit === "%" && value > 1000) continue;
      text = text.trim();
      end = start + text.length;
      found.push({ start, end, text, num, value, unit });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The plural noun a count counts: "640,000 disabled people would" → "people". */
function countedNoun(after: string): string | null {
  const words = after.match(/^\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u)?.[1].split(/\s+/) ?? [];
  const kept: string[] = [];
  for (const w of words) {
    const low = w.toLowerCase();
    if (STOP.has(low) || /^\p{Lu}/u.test(w) && kept.length === 0 && !/s$/.test(w)) break;
    kept.push(low);
    if (/s$/.test(low) && !/ss$/.test(low)) break; // the plural head ends the phrase
  }
  if (kept.length === 0) return null;
  const head = kept[kept.length - 1];
  return /^[\p{L}-]+$/u.test(head) && head.length > 1 ? head : null;
}

/** The clause that holds the figure: what it measures, in the article's own words. */
function clauseAround(p: string, s: Sentence, start: number, end: number): string {
  const left = p.slice(s.start, start);
  const right = p.slice(end, s.end);
  const l = Math.max(left.lastIndexOf(", "), left.lastIndexOf("; "), left.lastIndexOf(" - "));
  const rm = /,\s|;\s|\s-\s|[.!?]$/.exec(right);
  const from = l >= 0 ? s.start + l + 2 : s.start;
  const to = rm ? end + rm.index : s.end;
  const words = p.slice(from, to).trim().split(/\s+/);
  return words.length > 24 ? words.slice(0, 24).join(" ") + " …" : words.join(" ");
}

/** Who says so: the person or organisation the sentence attributes it to. */
function sourceIn(p: string, s: Sentence, paragraph: number, people: PeopleIndex): string | null {
  const inSentence = people.mentions.filter((m) => m.paragraph === paragraph && m.start >= s.start && m.end <= s.end);
  const acc = /according to\s+/i.exec(p.slice(s.start, s.end));
  if (acc) {
    const at = s.start + acc.index + acc[0].length;
    const m = inSentence.find((x) => x.start >= at && x.start <= at + 6);
    if (m) return m.name;
  }
  SOURCE_CUES.lastIndex = 0;
  for (const cue of p.slice(s.start, s.end).matchAll(SOURCE_CUES)) {
    const at = s.start + cue.index!;
    const subject = inSentence.filter((x) => x.end <= at).pop();
    if (subject && at - subject.end < 40) return subject.name;
    const after = inSentence.find((x) => x.start >= at && x.start - at < 20);
    if (after) return after.name;
  }
  return null;
}

// Nouns after "the" that point nowhere in particular.
const GENERIC = new Set("government country world year week month time way state first last same other uk us people number end start day news rest most".split(" "));

/**
 * The figure's sentence and the earlier sentences its definite descriptions point back to: in "the changes
 * will see £4.4 billion cut", "the changes" are the ones named earlier ("changes to the way the state
 * calculates PIP"), so the figure is found under PIP. Two hops at most; only nouns, not generic ones.
 */
function contextOf(flat: (Sentence & { paragraph: number })[], idx: number): string {
  const parts = [flat[idx]?.text ?? ""];
  let frontier = [idx];
  const used = new Set([idx]);
  for (let hop = 0; hop < 2 && frontier.length; hop++) {
    const next: number[] = [];
    for (const i of frontier) {
      for (const m of (flat[i]?.text ?? "").matchAll(/\b(?:the|these|those|this)\s+([a-z][a-z-]{3,})\b/g)) {
        const noun = m[1];
        if (GENERIC.has(noun)) continue;
        const stem = noun.replace(/(?:es|s)$/, "");
        const re = new RegExp(`\\b${stem}(?:s|es)?\\b`, "i");
        for (let j = i - 1; j >= Math.max(0, i - 12); j--) {
          if (used.has(j)) continue;
          if (re.test(flat[j].text)) {
            used.add(j);
            next.push(j);
            parts.push(flat[j].text);
            break;
          }
        }
      }
    }
    frontier = next;
  }
  return parts.join(" … ");
}

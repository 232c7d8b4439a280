// The topics a person is most quoted on: the words and two-word phrases of their latest quotes, weighed by how
// many of their quotes use them and by how rare they are in the archive (so "cuts" and "PIP" rise above
// "people" and "think"), stop words and their own names left out.
import type { ArchiveReader } from "../archive/store.ts";
import { indexWords } from "./match.ts";
import { foldRepeats } from "./repeats.ts";

export interface Topic {
  /** As most often written in their quotes ("PIP", "disability benefits"). */
  text: string;
  /** How many of the quotes read use it. */
  quotes: number;
}

/** Quotes read to find a person's topics: their latest. */
const QUOTES_READ = 200;

const STOP = new Set(
  (
    "a an the of and or to in on at for by with from about as is are was were be been being it its this that these those what which who whom " +
    "how why when where do does did done has have had having not no nor any all than then there their them they we our us you your i me my he him " +
    "his she her hers will would can could should may might must shall just so but if because very too also more most much many some such only " +
    "own same other into over under out up down off again further once here said says say saying told tell think thought know want going get got " +
    "make made like well really now one two yes way thing things lot time year years people new us s t don won didn doesn isn wasn aren weren " +
    "ve ll re d m let even still back every each while through after before during against between both few however " +
    "believe enough need needs change changes right take give see look put done good sure whether never always place"
  ).split(" "),
);

/**
 * Folded word → the form to show and the number of quotes with it. A plural folds into its singular when
 * both are used ("cut" and "cuts" are one topic, shown as the more frequent).
 */
function count(texts: string[], exclude: Set<string>) {
  const counts = new Map<string, { quotes: number; forms: Map<string, number> }>();
  const add = (key: string, form: string, seen: Set<string>) => {
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { quotes: 0, forms: new Map() }));
    if (!seen.has(key)) {
      seen.add(key);
      c.quotes++;
    }
    c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
  };
  for (const text of texts) {
    const seen = new Set<string>();
    // Original forms beside the folded words, so "PIP" shows as written.
    const raw = text.match(/[\p{L}\p{N}]+/gu) ?? [];
    const folded = indexWords(text);
    const ok = (i: number) => folded[i] !== undefined && folded[i].length > 2 && !/^\d+$/.test(folded[i]) && !STOP.has(folded[i]) && !exclude.has(folded[i]);
    for (let i = 0; i < folded.length; i++) {
      if (!ok(i)) continue;
      add(stem(folded[i]), raw[i] ?? folded[i], seen);
      if (ok(i + 1)) add(`${stem(folded[i])} ${stem(folded[i + 1])}`, `${raw[i]} ${raw[i + 1]}`, seen);
    }
  }
  return counts;
}

/** Singular of a plain plural ("cuts" → "cut", "payments" → "payment"), enough to count both as one topic. */
function stem(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** The person's top topics from their latest quotes, best first. */
export async function topicsOf(store: Pick<ArchiveReader, "quotesBy" | "termDocs">, members: string[], names: string[], limit = 5): Promise<Topic[]> {
  const quotes = await store.quotesBy(members, QUOTES_READ);
  if (quotes.length === 0) return [];
  const exclude = new Set(names.flatMap((n) => indexWords(n)));
  // A quotation reported in several articles, or quoted in part, is said once.
  const said = foldRepeats(quotes).map((q) => q.hit.quote.text);
  const counts = count(said, exclude);
  // Said more than once, when there is enough to tell; a phrase only when it recurs.
  const min = said.length >= 4 ? 2 : 1;
  const candidates = [...counts].filter(([k, c]) => c.quotes >= min && (!k.includes(" ") || c.quotes >= 2));
  const words = [...new Set(candidates.flatMap(([k]) => k.split(" ")))];
  const docs = await store.termDocs([...new Set([...words, ...words.map((w) => `${w}s`), "the"])]);
  const total = Math.max(docs.get("the") ?? 1, ...docs.values(), 1);
  const idf = (w: string) => Math.log(1 + total / (1 + Math.max(docs.get(w) ?? 0, docs.get(`${w}s`) ?? 0)));
  const scored = candidates.map(([k, c]) => {
    const weight = k.split(" ").reduce((s, w) => s + idf(w), 0);
    const text = [...c.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    return { key: k, text, quotes: c.quotes, score: c.quotes * weight };
  });
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  // A phrase stands for its words ("disability benefits" over "benefits") when said as often.
  const chosen: typeof scored = [];
  const partOf = (word: string, phrase: string) => phrase.includes(" ") && phrase.split(" ").includes(word);
  for (const s of scored) {
    if (chosen.length >= limit) break;
    if (chosen.some((o) => partOf(s.key, o.key))) continue;
    const covered = chosen.filter((o) => partOf(o.key, s.key) && o.quotes <= s.quotes);
    if (covered.length) {
      chosen.splice(chosen.indexOf(covered[0]), 1, s);
      for (const o of covered.slice(1)) chosen.splice(chosen.indexOf(o), 1);
      continue;
    }
    if (chosen.some((o) => partOf(o.key, s.key))) continue;
    chosen.push(s);
  }
  const out = chosen;
  return out.map(({ text, quotes }) => ({ text, quotes }));
}

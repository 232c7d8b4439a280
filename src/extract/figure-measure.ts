// What a figure measures, in the article's own words: the clause around it, without the attribution
// ("X said", "estimates suggest") and without the other figures coordinated with it.

const ATTRIBUTION =
  /^(?:.{0,80}?\b(?:said|says|say|estimates?|estimated|suggests?|suggested|believes|thinks|predicts?|predicted|forecasts?|forecast|expects?|expected|reported|reports|showed|shows|found|finds|warned|warns|claims?|claimed|added|argued)\s+(?:that\s+)?)/i;
const MAX_WORDS = 16;
// Where the clause before a figure starts: after one of these, or after an "and" that opens the figure's own clause.
const SEPARATORS = [", ", "; ", " - ", ": "];
const AND_BEFORE = /\s(?:and|while|but|whereas)\s(?:\S+\s){0,3}?$/;
// Where the clause after a figure ends.
const CLAUSE_END = /,["”’']?\s|;\s|\s[-–—]\s|:\s|\s(?:and|while|but|whereas)\s(?=(?:\S+\s){0,3}?[£$€]?\d)|[.!?]["'”’]?$/;

/**
 * The clause of the sentence that holds the figure (between commas, semicolons, dashes or an "and" that
 * starts another clause with a figure), with any leading attribution dropped: for "the IFS said the changes
 * will see £4.4 billion cut from the bill and leave 370,000 people worse off" the £4.4 billion measures
 * "the changes will see £4.4 billion cut from the bill".
 *
 * Linear in the sentence over all its figures: one sentence of a megabyte may hold thousands, so each is placed
 * from the sentence's separators found once (placesIn), and only as much of its clause is read as the words kept.
 */
export function measureOf(sentence: string, start: number, end: number): string {
  const places = placesIn(sentence);
  const l = Math.max(...SEPARATORS.map((sep) => places.lastBefore(sep, start)), lastAndBeforeFigure(sentence, start, places));
  const r = places.clauseEnd(end);
  const from = l >= 0 ? l + 2 : 0;
  const raw = sentence.slice(from, r >= 0 ? r : sentence.length);
  let clause = raw.trim();
  const attribution = ATTRIBUTION.exec(clause);
  if (attribution && firstAfter(clause, sentence.slice(start, end), attribution[0].length, start - from - (raw.length - raw.trimStart().length))) {
    clause = clause.slice(attribution[0].length);
  }
  return shortened(clause);
}

// "… cut from the bill and leave 370,000 people …": the "and" that opens the figure's own clause. The pattern
// holds at most five spaces, so it is tried on the text from the fifth space before the figure, not all before it.
function lastAndBeforeFigure(sentence: string, start: number, places: Places): number {
  const from = places.fifthSpaceBefore(start);
  const m = AND_BEFORE.exec(sentence.slice(from, start));
  return m ? from + m.index + m[0].indexOf(" ", 1) - 1 : -1;
}

/** Whether `figure` first occurs in `clause` after offset `cut` (as `cut < clause.indexOf(figure)`); `own` is where it stands. */
function firstAfter(clause: string, figure: string, cut: number, own: number): boolean {
  if (clause.lastIndexOf(figure, cut) >= 0) return false;
  return own >= 0 && clause.startsWith(figure, own) ? true : clause.indexOf(figure) >= 0;
}

/** The clause without a leading conjunction or quote marks, cut to MAX_WORDS words. */
function shortened(clause: string): string {
  // A long clause is read from its start until the words kept are known, not whole for every figure in it.
  for (let size = 256; size < clause.length; size *= 4) {
    const words = leadingWords(clause.slice(0, size));
    if (words) return words.join(" ") + " …";
  }
  clause = clause
    .replace(/^(?:and|but|while|with|or|so)\s+/i, "")
    .replace(/["“”]/g, "")
    .replace(/^['‘’]+|['‘’]+$/g, "")
    .trim(); // quote marks go; apostrophes stay
  const words = clause.split(/\s+/);
  return words.length > MAX_WORDS ? words.slice(0, MAX_WORDS).join(" ") + " …" : clause;
}

/**
 * The first MAX_WORDS words `shortened` keeps of a clause that starts with `head`, when `head` alone shows the clause
 * has more words than that (then they are all it keeps); null when it does not. The same steps in the same order;
 * those at the clause's end (a trailing apostrophe, trailing space) cannot reach a letter after the last word kept.
 */
function leadingWords(head: string): string[] | null {
  const conjunction = /^(?:and|but|while|with|or|so)\s+/i.exec(head)?.[0].length ?? 0;
  if (conjunction === head.length && conjunction > 0) return null; // the space after it may run on past the head
  let text = head.slice(conjunction).replace(/["“”]/g, "");
  const apostrophes = /^['‘’]*/.exec(text)![0].length;
  text = text.slice(apostrophes).trimStart();
  if (text === "") return null;
  const words: string[] = [];
  const word = /\S+/g;
  for (let m = word.exec(text); m && words.length < MAX_WORDS; m = word.exec(text)) {
    if (word.lastIndex === text.length) return null; // the word may go on past the head
    words.push(m[0]);
  }
  // One more word must follow the words kept, with a character no trailing strip removes.
  if (words.length < MAX_WORDS) return null;
  return /[^\s'‘’]/.test(text.slice(word.lastIndex)) ? words : null;
}

interface Places {
  /** Where `sep` last starts with all of it before `offset` (as `sentence.slice(0, offset).lastIndexOf(sep)`). */
  lastBefore(sep: string, offset: number): number;
  /** Where the fifth white-space character before `offset` stands, or 0. */
  fifthSpaceBefore(offset: number): number;
  /** Where the clause after `offset` ends (CLAUSE_END's first match from it), or -1. */
  clauseEnd(offset: number): number;
}

// The places of the sentence last asked about: figures are measured sentence by sentence.
let last: { sentence: string; places: Places } | null = null;

function placesIn(sentence: string): Places {
  if (last?.sentence === sentence) return last.places;
  const seps = new Map(SEPARATORS.map((sep) => [sep, allIndexes(sentence, sep)]));
  const spaces: number[] = [];
  for (const m of sentence.matchAll(/\s/g)) spaces.push(m.index);
  // The first clause end found from an offset holds for every offset up to it: no match starts between them.
  let known = { from: Infinity, at: -1 };
  const places: Places = {
    lastBefore: (sep, offset) => {
      const at = seps.get(sep)!;
      const k = countAtMost(at, offset - sep.length);
      return k > 0 ? at[k - 1] : -1;
    },
    fifthSpaceBefore: (offset) => {
      const k = countAtMost(spaces, offset - 1);
      return k >= 5 ? spaces[k - 5] : 0;
    },
    clauseEnd: (offset) => {
      if (offset >= known.from && (known.at < 0 || offset <= known.at)) return known.at;
      const m = CLAUSE_END.exec(sentence.slice(offset));
      known = { from: offset, at: m ? offset + m.index : -1 };
      return known.at;
    },
  };
  last = { sentence, places };
  return places;
}

/** Every index where `sep` starts in `text`, overlapping ones too. */
function allIndexes(text: string, sep: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + 1)) out.push(i);
  return out;
}

/** How many of the ascending `xs` are at most `x`. */
function countAtMost(xs: number[], x: number): number {
  let [lo, hi] = [0, xs.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

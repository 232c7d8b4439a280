// Small text tools that every extractor shares: paragraphs, sentences with offsets, and the
// normalisation used to compare words (never to change what is shown: quotes stay verbatim).

export interface Sentence {
  text: string;
  /** Offsets inside the paragraph. */
  start: number;
  end: number;
}

/** Splits a body into paragraphs on blank lines (or single newlines when a file has no blank lines). */
export function splitParagraphs(body: string): string[] {
  const text = body.replace(/\r\n?/g, "\n").trim();
  if (text === "") return [];
  const blocks = /\n\s*\n/.test(text) ? text.split(/\n\s*\n+/) : text.split("\n");
  return blocks.map((b) => b.replace(/\s*\n\s*/g, " ").trim()).filter((b) => b !== "");
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms mx dr prof sir st mt rev hon gen col lt sgt capt cmdr adm gov sen rep pres supt insp det " +
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs v etc eg ie al approx inc ltd co corp plc bros " +
    "jr sr fig vol ed est dept univ assn ave rd smt mme sra srta maj fr"
  ).split(" "),
);

const CLOSERS = `"'”’)]`;
const STOPS = /[.!?]/g;

/**
 * Splits a paragraph into sentences, keeping offsets. A sentence ends at . ! ? (with any closing quote
 * marks or brackets after it) followed by space and something that can start a sentence. Decimals,
 * initials ("J. K."), "U.S." and common abbreviations ("Mr.") do not end a sentence.
 */
export function splitSentences(paragraph: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const n = paragraph.length;
  // Jump from stop to stop: a regex finds the next . ! or ? faster than a loop over every character.
  STOPS.lastIndex = 0;
  for (let found = STOPS.exec(paragraph); found; found = STOPS.exec(paragraph)) {
    const i = found.index;
    const ch = found[0];
    let j = i + 1;
    while (j < n && (paragraph[j] === "." || paragraph[j] === "!" || paragraph[j] === "?")) j++;
    while (j < n && CLOSERS.includes(paragraph[j])) j++;
    if (j < n && !/\s/.test(paragraph[j])) continue; // "4.4", "U.S.A", "end.”So" handled below
    let k = j;
    while (k < n && /\s/.test(paragraph[k])) k++;
    if (k >= n) break;
    const next = paragraph[k];
    if (!/[\p{Lu}\p{N}"'“‘(£$€]/u.test(next)) continue;
    if (ch === "." && isAbbreviation(paragraph, i)) continue;
    out.push(trimmed(paragraph, start, j));
    start = k;
  }
  if (start < n) out.push(trimmed(paragraph, start, n));
  return out.filter((s) => s.text !== "");
}

/** Whether the full stop at `dot` ends an abbreviation or an initial ("Mr.", "J.", "U.S.") rather than a sentence. */
export function isAbbreviation(text: string, dot: number): boolean {
  const m = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!m) return false;
  // A US lawmaker's party and state: "Sen. Jo Hale, R-Ky., said", "(D-N.Y.)".
  if (/(?:^|[\s(])[RDI]-\p{Lu}[\p{L}.]*$/u.test(text.slice(Math.max(0, dot - 14), dot)) && /^[,)]/.test(text.slice(dot + 1, dot + 2))) return true;
  const word = m[1];
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. K. Rowling"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}

function trimmed(text: string, start: number, end: number): Sentence {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { text: text.slice(start, end), start, end };
}

/**
 * Every match of a global regex, as `[...text.matchAll(re)]` gives them. matchAll copies the regex on every
 * call, which costs more than the matching on the short texts extraction reads; this runs the regex itself
 * (from lastIndex 0, leaving it reset) and collects the matches before the caller reads any.
 */
export function matchesOf(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // An empty match would match again where it stands: step past it, by code point in Unicode mode.
    if (m[0] === "") re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}

/** How many of a paragraph's sentences (in order, so their ends ascend) end at or before `offset`: a bisection. */
export function countEndedBy(sentences: { end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence of a paragraph that contains the offset. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  // Binary search: the last sentence that starts at or before the offset (a paragraph may hold thousands).
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = sentences[lo];
  return s && offset >= s.start && offset < s.end ? s : sentences[sentences.length - 1];
}

/**
 * A key for comparing words: lower case, typographic quotes and dashes made plain, accents dropped, white
 * space folded. Used for matching only.
 */
export function foldText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words of a text, folded, for indexing and comparison. */
export function words(s: string): string[] {
  return foldText(s).match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? [];
}

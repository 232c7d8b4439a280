// Words for the PostgreSQL store, cut and ranked exactly as the SQLite store's FTS5 does, so both stores give
// the same answers in the same order. PostgreSQL does the indexed part (a tsvector per row, GIN, phrase
// queries with <->); this module makes those tsvectors and tsqueries from our own tokens (no text-search
// configuration, dictionary or locale of the server is involved), then checks and ranks the rows the index
// found with FTS5's bm25() and cuts the /search snippet with FTS5's snippet() algorithm.
import type { TextQuery } from "../store.ts";

/** One word of a text: folded as FTS5's unicode61 tokenizer with remove_diacritics 2 folds it. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

// unicode61: letters, numbers and private-use characters make words; everything else separates them.
const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
/** PostgreSQL refuses lexemes over 2047 bytes; such "words" (base64 blobs) are left out of the index. */
const MAX_LEXEME_CHARS = 500;
/** tsvector limits: positions 1..16383, at most 256 positions per lexeme. */
const MAX_POSITION = 16383;
const MAX_POSITIONS = 256;

/** ASCII has nothing to decompose or strip: most words skip normalize(), a third of the tokenizing time of a candidate's text. */
// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included, folds as it is
const ASCII = /^[\x00-\x7f]*$/;

export function fold(word: string): string {
  return ASCII.test(word) ? word.toLowerCase() : word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const term = fold(m[0]);
    if (term) out.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function lexeme(term: string): string {
  return `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/**
 * A tsvector literal for a row of several columns: each column's words at their positions, one position
 * left empty between columns so that no phrase matches across two of them (FTS5 phrases stay in a column).
 */
export function tsvectorOf(columns: Token[][]): string {
  const positions = new Map<string, number[]>();
  let offset = 0;
  for (const column of columns) {
    column.forEach((t, i) => {
      if (t.term.length > MAX_LEXEME_CHARS) return;
      const p = Math.min(offset + i + 1, MAX_POSITION);
      let list = positions.get(t.term);
      if (!list) positions.set(t.term, (list = []));
      if (list.length < MAX_POSITIONS && list[list.length - 1] !== p) list.push(p);
    });
    offset += column.length + 1;
  }
  return [...positions].map(([term, ps]) => `${lexeme(term)}:${ps.join(",")}`).join(" ");
}

/** The distinct words of a text, for the archive's vocabulary (termsStartingWith). */
export function distinctTerms(columns: Token[][]): string[] {
  const set = new Set<string>();
  for (const column of columns) for (const t of column) if (t.term.length <= MAX_LEXEME_CHARS) set.add(t.term);
  return [...set];
}

/** A TextQuery made of tokens: groups (AND) of phrases (OR), each phrase a run of words. */
export interface TextPlan {
  groups: string[][][];
  /** Every phrase in query order, as FTS5 numbers them for bm25 and snippet. */
  phrases: string[][];
  /** Phrase index of each phrase of each group. */
  groupPhrases: number[][];
  /** The whole query as a tsquery literal. */
  tsquery: string;
  /** Each phrase alone as a tsquery literal (to count the rows holding it, for bm25's idf). */
  phraseQueries: string[];
}

/**
 * Reads the TextQuery as the SQLite store does (every phrase quoted; groups ANDed, phrases ORed). A phrase
 * with no word in it cannot match and is dropped; null when nothing is left to search.
 */
export function planQuery(query: TextQuery): TextPlan | null {
  const groups: string[][][] = [];
  for (const g of query.groups) {
    const phrases = g
      .map((p) =>
        tokenize(p.replace(/"/g, " ").trim())
          .map((t) => t.term)
          .filter((t) => t.length <= MAX_LEXEME_CHARS),
      )
      .filter((p) => p.length > 0);
    if (phrases.length) groups.push(phrases);
  }
  if (groups.length === 0) return null;
  const phrases: string[][] = [];
  const groupPhrases = groups.map((g) => g.map((p) => phrases.push(p) - 1));
  const phraseQuery = (p: string[]) => (p.length === 1 ? lexeme(p[0]) : `(${p.map(lexeme).join(" <-> ")})`);
  const tsquery = groups.map((g) => (g.length === 1 ? phraseQuery(g[0]) : `(${g.map(phraseQuery).join(" | ")})`)).join(" & ");
  return { groups, phrases, groupPhrases, tsquery, phraseQueries: phrases.map(phraseQuery) };
}

/** Where a query's phrases occur in a row, in FTS5's order: by column, then position, then phrase. */
export interface Instance {
  phrase: number;
  column: number;
  offset: number;
}

export function instances(plan: TextPlan, columns: Token[][]): Instance[] {
  const out: Instance[] = [];
  columns.forEach((tokens, column) => {
    for (let offset = 0; offset < tokens.length; offset++) {
      plan.phrases.forEach((phrase, i) => {
        if (offset + phrase.length > tokens.length) return;
        for (let k = 0; k < phrase.length; k++) if (tokens[offset + k].term !== phrase[k]) return;
        out.push({ phrase: i, column, offset });
      });
    }
  });
  return out;
}

/** Whether the row matches the query: in every group, some phrase occurs. */
export function matches(plan: TextPlan, found: Instance[]): boolean {
  const seen = new Set(found.map((f) => f.phrase));
  return plan.groupPhrases.every((g) => g.some((i) => seen.has(i)));
}

/** What bm25 needs of the whole table. */
export interface Bm25Stats {
  rows: number;
  tokens: number;
  /** Rows holding each phrase. */
  phraseRows: number[];
}

/** FTS5's bm25() with column weights, as a positive score (higher is better). */
export function bm25(plan: TextPlan, found: Instance[], rowTokens: number, stats: Bm25Stats, weights: number[]): number {
  const k1 = 1.2;
  const b = 0.75;
  const freq = plan.phrases.map(() => 0);
  for (const f of found) freq[f.phrase] += weights[f.column] ?? 1;
  const avgdl = stats.tokens / stats.rows;
  let score = 0;
  plan.phrases.forEach((_, i) => {
    const hits = stats.phraseRows[i];
    let idf = Math.log((stats.rows - hits + 0.5) / (hits + 0.5));
    if (idf <= 0) idf = 1e-6;
    score += idf * ((freq[i] * (k1 + 1)) / (freq[i] + k1 * (1 - b + (b * rowTokens) / avgdl)));
  });
  return score;
}

/**
 * FTS5's snippet(table, column, '', '', ellipsis, nToken) for one column: the best window of nToken words
 * (most distinct phrases, then a sentence start), with the ellipsis where the text was cut.
 */
export function snippet(plan: TextPlan, text: string, tokens: Token[], found: Instance[], column: number, ellipsis: string, nToken: number): string {
  const inColumn = found.filter((f) => f.column === column);
  const size = tokens.length;
  const firsts: number[] = [];
  tokens.forEach((t, i) => {
    if (i === 0) return void firsts.push(0);
    let j = t.start - 1;
    while (j >= 0 && " \t\n\r".includes(text[j])) j--;
    if (j !== t.start - 1 && j >= 0 && (text[j] === "." || text[j] === ":")) firsts.push(i);
  });
  const score = (from: number): { score: number; adjusted: number } => {
    const seen = new Set<number>();
    let total = 0;
    let first = -1;
    let last = 0;
    for (const f of inColumn) {
      if (f.offset >= from && f.offset < from + nToken) {
        total += seen.has(f.phrase) ? 1 : 1000;
        seen.add(f.phrase);
        if (first < 0) first = f.offset;
        last = f.offset + plan.phrases[f.phrase].length;
      }
    }
    let adjusted = first - Math.trunc((nToken - (last - first)) / 2);
    if (adjusted + nToken > size) adjusted = size - nToken;
    if (adjusted < 0) adjusted = 0;
    return { score: total, adjusted };
  };
  let best = 0;
  let bestStart = 0;
  for (const f of inColumn) {
    const s = score(f.offset);
    if (s.score > best) {
      best = s.score;
      bestStart = s.adjusted;
    }
    if (firsts.length && size > nToken) {
      let jj = 0;
      for (; jj < firsts.length - 1; jj++) if (firsts[jj + 1] > f.offset) break;
      if (firsts[jj] < f.offset) {
        const t = score(firsts[jj]).score + (firsts[jj] === 0 ? 120 : 100);
        if (t > best) {
          best = t;
          bestStart = firsts[jj];
        }
      }
    }
  }
  const end = bestStart + nToken - 1;
  let out = bestStart > 0 ? ellipsis : "";
  if (size === 0) return out + text;
  const from = bestStart > 0 ? (tokens[bestStart]?.start ?? text.length) : 0;
  const last = tokens[Math.min(end, size - 1)];
  out += text.slice(from, last.end);
  out += end >= size - 1 ? text.slice(last.end) : ellipsis;
  return out;
}

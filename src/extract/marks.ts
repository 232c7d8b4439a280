// Pairs quotation marks inside a paragraph: curly, straight and guillemets. Straight marks are told apart
// by what stands either side; a mark that opens while a quotation is still open means the first ran on
// without its closing mark (common where paragraphs were merged), and a paragraph that ends inside a
// quotation leaves it open.
//
// Most outlets quote with double marks and nest with single ones; some (much of the British press) do the
// reverse: ‘We will act,’ she said. The style is decided once per article, and in the single style an
// apostrophe (don’t, the players’ union, ’90s) is told from a closing mark by what stands either side.

export interface Span {
  /** Offsets of the words between the marks, trimmed of white space. */
  start: number;
  end: number;
  /** Offset of the opening mark. */
  openAt: number;
  /** Offset of the closing mark, or -1 when the quotation runs on without one. */
  closeAt: number;
}

export type QuoteStyle = "double" | "single";

const OPENERS = new Set(["“", "«", "„"]);
const CLOSERS = new Set(["”", "»"]);
// Doubled single marks stand for a double one in some house styles and in typed copy: ‘’We will act,’’ he said.
const DOUBLE_MARKS = /["“”«»„]|[‘’'`]{2}/g;
const SINGLE_MARKS = /['‘’]/g;

// What may stand before an opening mark, and after a closing one.
const BEFORE_OPEN = /[\s([{—–-]/;
const AFTER_CLOSE = /[\s.,;:!?)\]}—–-]/;

/**
 * "single" when the article quotes speech with single marks: it has more speech-like spans (four words or more,
 * closed after the punctuation that ends a clause: ‘We will look again at this,’) in single marks than in
 * double ones. Scare quotes and titles in single marks ('Golden Age') do not count.
 */
export function quoteStyle(paragraphs: readonly string[]): QuoteStyle {
  let doubles = 0;
  let singles = 0;
  for (const p of paragraphs) {
    if (p.includes("'") || p.includes("‘") || p.includes("’")) singles += speechLike(p, quoteSpans(p, "single"));
    doubles += speechLike(p, quoteSpans(p, "double"));
  }
  return singles > doubles ? "single" : "double";
}

function speechLike(p: string, spans: Span[]): number {
  let n = 0;
  for (const s of spans) if (s.closeAt >= 0 && /[,.!?]$/.test(p.slice(s.start, s.end)) && /(?:\S+\s+){3}\S/.test(p.slice(s.start, s.end))) n++;
  return n;
}

export function quoteSpans(p: string, style: QuoteStyle = "double"): Span[] {
  const spans: Span[] = [];
  let open = -1;
  let openWidth = 1;
  const finish = (end: number, closeAt: number) => {
    let s = open + openWidth;
    let e = end;
    while (s < e && /\s/.test(p[s])) s++;
    while (e > s && /\s/.test(p[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e, openAt: open, closeAt });
    open = -1;
  };
  const marks = style === "double" ? DOUBLE_MARKS : SINGLE_MARKS;
  const kindOf = style === "double" ? doubleKind : singleKind;
  // Jump from mark to mark: most of a paragraph is not marks, and a per-character loop dominated extraction.
  marks.lastIndex = 0;
  for (let found = marks.exec(p); found; found = marks.exec(p)) {
    const width = found[0].length;
    const kind = width === 1 ? kindOf(p, found.index, open >= 0) : doubledKind(p, found.index);
    if (kind === "open") {
      if (open >= 0) finish(found.index, -1);
      open = found.index;
      openWidth = width;
    } else if (kind === "close" && open >= 0) {
      // A doubled closing mark: its last character is the one the quotation ends at.
      finish(found.index, found.index + width - 1);
    }
  }
  marks.lastIndex = 0;
  if (open >= 0) finish(p.length, -1);
  return spans;
}

function doubleKind(p: string, i: number, isOpen: boolean): "open" | "close" | null {
  const ch = p[i];
  if (OPENERS.has(ch)) return "open";
  if (CLOSERS.has(ch)) return "close";
  const before = i === 0 || BEFORE_OPEN.test(p[i - 1]);
  const after = i === p.length - 1 || AFTER_CLOSE.test(p[i + 1]);
  if (before && !after) return "open";
  if (!before && after) return "close";
  return isOpen ? "close" : "open";
}

/** A doubled single mark, read like a straight double one by what stands either side of the pair. */
function doubledKind(p: string, i: number): "open" | "close" | null {
  const before = i === 0 || BEFORE_OPEN.test(p[i - 1]);
  const after = i + 2 >= p.length || AFTER_CLOSE.test(p[i + 2]);
  if (before && !after) return "open";
  if (!before && after) return "close";
  return null;
}

/**
 * A single mark opens before a word at the start of a phrase, and closes after a word or punctuation when no
 * letter follows. Between letters (don’t, O’Brien) or before a year (’90s) it is an apostrophe. After an "s"
 * and before a word (the players’ union) it is taken as a possessive unless the quotation has no other way
 * to close in the paragraph.
 */
function singleKind(p: string, i: number, isOpen: boolean): "open" | "close" | null {
  const prev = i === 0 ? " " : p[i - 1];
  const next = i === p.length - 1 ? " " : p[i + 1];
  const letterBefore = /[\p{L}\p{N}]/u.test(prev);
  const letterAfter = /[\p{L}\p{N}]/u.test(next);
  if (letterBefore && letterAfter) return null;
  if (!isOpen) {
    if (p[i] === "’" && !/\s/.test(prev)) return null;
    return (i === 0 || BEFORE_OPEN.test(prev) || /["“]/.test(prev)) && !/\s/.test(next) && !/\d/.test(next) ? "open" : null;
  }
  // (A right mark before a year is its apostrophe, inside a quotation too: ‘The ’90s are over.’)
  if (/\s/.test(prev) || p[i] === "‘") return (BEFORE_OPEN.test(prev) || i === 0) && letterAfter && !(p[i] === "’" && /\d/.test(next)) ? "open" : null;
  if (!AFTER_CLOSE.test(next) && !/["”]/.test(next)) return null;
  // "the players’ union": an s, a mark and a word. A closing mark after punctuation comes later in the paragraph.
  if (prev === "s" && /\s/.test(next) && /^\s+\p{Ll}/u.test(p.slice(i + 1, i + 4)) && hasLaterClose(p, i + 1)) return null;
  return "close";
}

function hasLaterClose(p: string, from: number): boolean {
  // A quotation runs a few sentences at most: looking further would make a paragraph of possessives quadratic.
  const rest = p.slice(from, from + 600);
  return /[^\s]['’](?=[\s.,;:!?)\]—–-]|$)/.test(rest);
}

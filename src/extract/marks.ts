// Pairs quotation marks inside a paragraph: curly, straight and guillemets. Straight marks are told apart
// by what stands either side; a mark that opens while a quotation is still open means the first ran on
// without its closing mark (common where paragraphs were merged), and a paragraph that ends inside a
// quotation leaves it open.

export interface Span {
  /** Offsets of the words between the marks, trimmed of white space. */
  start: number;
  end: number;
  /** Offset of the opening mark. */
  openAt: number;
  /** Offset of the closing mark, or -1 when the quotation runs on without one. */
  closeAt: number;
}

const OPENERS = new Set(["“", "«", "„"]);
const CLOSERS = new Set(["”", "»"]);
const MARKS = /["“”«»„]/g;

export function quoteSpans(p: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  const finish = (end: number, closeAt: number) => {
    let s = open + 1;
    let e = end;
    while (s < e && /\s/.test(p[s])) s++;
    while (e > s && /\s/.test(p[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e, openAt: open, closeAt });
    open = -1;
  };
  // Jump from mark to mark: most of a paragraph is not marks, and a per-character loop dominated extraction.
  MARKS.lastIndex = 0;
  for (let found = MARKS.exec(p); found; found = MARKS.exec(p)) {
    const i = found.index;
    const ch = found[0];
    let kind: "open" | "close" | null = null;
    if (OPENERS.has(ch)) kind = "open";
    else if (CLOSERS.has(ch)) kind = "close";
    else if (ch === '"') {
      const before = i === 0 || /[\s(\[{—–-]/.test(p[i - 1]);
      const after = i === p.length - 1 || /[\s.,;:!?)\]}—–]/.test(p[i + 1]);
      if (before && !after) kind = "open";
      else if (!before && after) kind = "close";
      else kind = open >= 0 ? "close" : "open";
    }
    if (kind === "open") {
      if (open >= 0) finish(i, -1);
      open = i;
    } else if (kind === "close" && open >= 0) {
      finish(i, i);
    }
  }
  if (open >= 0) finish(p.length, -1);
  return spans;
}

// A paragraph as the attribution stages read it: words and punctuation with their offsets, each quotation
// folded into one token (its words are someone's speech, never the narration's subject or verb), and each word
// tied to the person or organisation the name index found there. One pass over the paragraph, linear in it.
import type { Span } from "./marks.ts";
import type { Mention } from "./people.ts";
import { isAbbreviation } from "./text.ts";

export interface Token {
  /** As written, without a possessive ending ("Castro" for "Castro's"). */
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: "word" | "punct" | "quote";
  /** For a quotation: its index among the paragraph's spans; otherwise -1. */
  span: number;
  /** "Castro's", "Nations'": the word names an owner, not a subject. */
  possessive: boolean;
  /** The person or organisation named by this word, if any. */
  mention: Mention | null;
}

// A word: letters and digits, with inner apostrophes, hyphens, ampersands and full stops ("O'Brien",
// "Haji-Ioannou", "AT&T", "Plus.net", "U.S"), then an optional possessive.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[.'’&-](?=[\p{L}\p{N}]))*(?:['’]s?(?![\p{L}\p{N}]))?/uy;
const PUNCT = /[,;:.!?()[\]—–]|-(?=\s)/y;

/** An apostrophe, straight or curly. */
const isMark = (c: number): boolean => c === 0x27 || c === 0x2019;

export function tokenize(p: string, spans: Span[], mentions: Mention[]): Token[] {
  const tokens: Token[] = [];
  let spanIndex = 0;
  let mentionIndex = 0;
  let i = 0;
  while (i < p.length) {
    const span = spans[spanIndex];
    if (span && i >= span.openAt) {
      // A quotation left open ends where its words end: the next one may open straight after it.
      const end = span.closeAt >= 0 ? span.closeAt + 1 : span.end;
      const text = p.slice(span.start, span.end);
      tokens.push({ text, lower: text.toLowerCase(), start: span.openAt, end, kind: "quote", span: spanIndex, possessive: false, mention: null });
      spanIndex++;
      i = end;
      continue;
    }
    const c = p.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 0xa0) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const w = WORD.exec(p);
    if (w) {
      let raw = w[0];
      let end = i + raw.length;
      // "Mr.", "J.", "U.S.": the full stop belongs to the abbreviation, not to the sentence.
      if (p[end] === "." && isAbbreviation(p, end)) end++;
      // A possessive ending, "'", "’", "'s" or "’s" (but "O'" is no one's), read by character: this runs for
      // every word of the paragraph.
      const cut = isMark(raw.charCodeAt(raw.length - 1)) ? 1 : raw.endsWith("s") && isMark(raw.charCodeAt(raw.length - 2)) ? 2 : 0;
      const possessive = cut > 0 && !(cut === 1 && raw.length <= 3 && /^\p{L}['’]$/u.test(raw));
      if (possessive) raw = raw.slice(0, raw.length - cut);
      while (mentionIndex < mentions.length && mentions[mentionIndex].end <= i) mentionIndex++;
      const m = mentions[mentionIndex];
      const mention = m && m.start < end && m.end > i ? m : null;
      tokens.push({ text: raw, lower: raw.toLowerCase(), start: i, end, kind: "word", span: -1, possessive, mention });
      i = end;
      continue;
    }
    PUNCT.lastIndex = i;
    const q = PUNCT.exec(p);
    if (q) tokens.push({ text: q[0], lower: q[0], start: i, end: i + 1, kind: "punct", span: -1, possessive: false, mention: null });
    i++;
  }
  return tokens;
}

/** A full stop, question or exclamation mark: the end of a sentence. */
export const endsSentence = (t: Token | undefined): boolean => t !== undefined && t.kind === "punct" && (t.text === "." || t.text === "!" || t.text === "?");

/** A quotation whose words end a sentence ("… right away.", "… arrived?"). */
export const quoteEndsSentence = (t: Token): boolean => t.kind === "quote" && /[.!?]['’"”]?$/.test(t.text);

/** Whether a word is capitalised ("Smith", "BBC"). */
export const isCapitalised = (t: Token | undefined): boolean => t !== undefined && t.kind === "word" && /^\p{Lu}/u.test(t.text);

// Finds the quotations in a pasted draft and who the draft says spoke each one.
import { extractArticle } from "../extract/index.ts";
import type { NameIndex } from "../search/names.ts";

export interface DraftQuote {
  text: string;
  start: number;
  /** The name the draft gives the speaker, as written; null when it gives none. */
  speaker: string | null;
}

// Curly pairs, straight double quotes, and guillemets; single quotes are too often apostrophes.
const QUOTE_SPANS = /“([^”]+)”|"([^"]+)"|«([^»]+)»/g;

export async function draftQuotes(text: string, names: NameIndex): Promise<DraftQuote[]> {
  const extracted = extractArticle({ title: "", paragraphs: [text] }).quotes;
  const out: DraftQuote[] = [];
  for (const m of text.matchAll(QUOTE_SPANS)) {
    const inner = m[1] ?? m[2] ?? m[3];
    const start = m.index + 1;
    if (inner.trim() === "") continue;
    // The extractor's attribution when it has one; else the last name before the quote that the archive knows.
    const q = extracted.find((e) => e.start <= start && start <= e.end);
    // (The archive name mentioned last before it: "Sturgeon said “…”" → Sturgeon.)
    out.push({ text: inner.trim(), start, speaker: q?.speaker ?? (await names.lastNamed(text.slice(0, m.index))) });
  }
  return out;
}

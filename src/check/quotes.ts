// Finds the quotations in a pasted draft and who the draft says spoke each one.
import { extractArticle } from "../extract/index.ts";
import type { NameIndex } from "../search/names.ts";
import { foldText } from "../extract/text.ts";

export interface DraftQuote {
  text: string;
  start: number;
  /** The name the draft gives the speaker, as written; null when it gives none. */
  speaker: string | null;
}

// Curly pairs, straight double quotes, and guillemets; single quotes are too often apostrophes.
const QUOTE_SPANS = /“([^”]+)”|"([^"]+)"|«([^»]+)»/g;

export function draftQuotes(text: string, names: NameIndex): DraftQuote[] {
  const extracted = extractArticle({ title: "", paragraphs: [text] }).quotes;
  const out: DraftQuote[] = [];
  for (const m of text.matchAll(QUOTE_SPANS)) {
    const inner = m[1] ?? m[2] ?? m[3];
    const start = m.index + 1;
    if (inner.trim() === "") continue;
    // The extractor's attribution when it has one; else the last name before the quote that the archive knows.
    const q = extracted.find((e) => e.start <= start && start <= e.end);
    out.push({ text: inner.trim(), start, speaker: q?.speaker ?? nameBefore(text.slice(0, m.index), names) });
  }
  return out;
}

/** The archive name mentioned last before a quote ("Sturgeon said “…”" → Sturgeon). */
function nameBefore(prefix: string, names: NameIndex): string | null {
  const folded = foldText(prefix);
  let best: { at: number; name: string } | null = null;
  for (const id of names.identities) {
    for (const alias of [id.name, ...id.nameForms]) {
      const key = foldText(alias);
      if (key.length < 3) continue;
      const at = folded.lastIndexOf(key);
      const after = folded[at + key.length];
      if (at >= 0 && (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1])) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) {
        if (!best || at + key.length > best.at) best = { at: at + key.length, name: alias };
      }
    }
  }
  return best?.name ?? null;
}

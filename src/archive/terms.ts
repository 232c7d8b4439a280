// The vocabulary of an article as the SQLite full-text index reads it, for the `terms` table (word → in how
// many articles), which typo correction and prefix expansion read. A pure function of the text, so
// ingestion computes it on the extraction threads rather than on the single thread that writes the archive.

import { foldText } from "../extract/text.ts";

/** The distinct words of an article as FTS5's unicode61 tokenizer (remove_diacritics 2) reads them: folded, split at anything not a letter or digit. */
export function articleTerms(title: string, paragraphs: string[]): string[] {
  return [...new Set(foldText(`${title}\n${paragraphs.join("\n\n")}`).match(/[\p{L}\p{N}]+/gu) ?? [])];
}

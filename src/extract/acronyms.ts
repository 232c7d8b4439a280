// Abbreviations an article defines — "Personal Independence Payments (PIP)" or "PIP (Personal Independence
// Payment)" — so either form of a name finds the other.
import { matchesOf } from "./text.ts";
import type { Acronym, ArticleText } from "./types.ts";

const SMALL = new Set(["of", "and", "for", "the", "on", "in", "to", "&", "de", "du", "des", "la", "le", "at"]);

export function findAcronyms(article: ArticleText): Acronym[] {
  const found = new Map<string, Acronym>();
  for (const p of article.paragraphs) {
    // Long form, then the acronym in brackets.
    for (const m of matchesOf(p, /\((\p{Lu}[\p{L}\d&]{1,9})\)/gu)) {
      if (!isAcronym(m[1])) continue;
      const short = m[1].replace(/(?<=\p{Lu})s$/u, ""); // "(MPs)" defines MP
      const words = p
        .slice(Math.max(0, m.index - 120), m.index)
        .trim()
        .split(/\s+/);
      const long = longFormBefore(words, short);
      if (long) add(found, short, long);
    }
    // The acronym, then the long form in brackets.
    for (const m of matchesOf(p, /\b(\p{Lu}[\p{L}\d&]{1,9})\s+\(([^)]{3,100})\)/gu)) {
      if (!isAcronym(m[1])) continue;
      const words = m[2].trim().split(/\s+/);
      if (initials(words) === m[1].toUpperCase().replace(/[^\p{Lu}\d]/gu, "")) add(found, m[1], words.join(" "));
    }
  }
  return [...found.values()];
}

// Two capitals at least, and more capitals than small letters: "PIP", "VoIP", "OECD"; not "Germany".
function isAcronym(word: string): boolean {
  const upper = (word.match(/\p{Lu}/gu) ?? []).length;
  return upper >= 2 && upper >= word.length - upper;
}

function add(found: Map<string, Acronym>, short: string, long: string): void {
  if (!found.has(short)) found.set(short, { short, long: long.replace(/^[("'“‘]+|[,.;:"'”’]+$/g, "") });
}

/** The fewest words before the bracket whose initials spell the acronym. */
function longFormBefore(words: string[], short: string): string | null {
  for (let n = 1; n <= Math.min(words.length, short.length * 2 + 3); n++) {
    const cand = words.slice(words.length - n).map((w) => w.replace(/^[("'“‘]+|[,;:"'”’]+$/g, ""));
    if (SMALL.has(cand[0].toLowerCase())) continue;
    if (initials(cand) === short.toUpperCase()) return cand.join(" ");
  }
  return null;
}

function initials(words: string[]): string {
  return words
    .filter((w) => w !== "" && !SMALL.has(w.toLowerCase()))
    .map((w) => w[0].toUpperCase())
    .join("");
}

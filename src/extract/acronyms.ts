// Abbreviations an article defines, so either form of a name finds the other.
import type { Acronym, ArticleText } from "./types.ts";

export function findAcronyms(_article: ArticleText): Acronym[] {
  return [];
}

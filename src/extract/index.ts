// One article's text in, everything newsbot knows about it out. People come first because quotes and
// figures both need them to name a speaker or a source.
import { findAcronyms } from "./acronyms.ts";
import { findFigures } from "./figures.ts";
import { findPeople } from "./people.ts";
import { readParagraphs } from "./paragraphs.ts";
import { findQuotes } from "./quotes.ts";
import type { ArticleText, Extraction } from "./types.ts";

export function extractArticle(article: ArticleText): Extraction {
  // Sentences, quotation marks and acronyms are read once and shared, not worked out again by each extractor.
  const read = readParagraphs(article);
  const acronyms = findAcronyms(article);
  const people = findPeople(article, read);
  return {
    quotes: findQuotes(article, people, read),
    figures: findFigures(article, people, read, acronyms),
    people: people.people,
    acronyms,
  };
}

export type { ArticleText, Extraction, Figure, Person, Quote, Acronym } from "./types.ts";

// One article's text in, everything newsbot knows about it out. People come first because quotes and
// figures both need them to name a speaker or a source.
import { findAcronyms } from "./acronyms.ts";
import { findFigures } from "./figures.ts";
import { findPeople } from "./people.ts";
import { findQuotes } from "./quotes.ts";
import type { ArticleText, Extraction } from "./types.ts";

export function extractArticle(article: ArticleText): Extraction {
  const people = findPeople(article);
  return {
    quotes: findQuotes(article, people),
    figures: findFigures(article, people),
    people: people.people,
    acronyms: findAcronyms(article),
  };
}

export type { ArticleText, Extraction, Figure, Person, Quote, Acronym } from "./types.ts";

// Direct quotations and who said them.
import type { PeopleIndex } from "./people.ts";
import type { ArticleText, Quote } from "./types.ts";

export function findQuotes(_article: ArticleText, _people: PeopleIndex): Quote[] {
  return [];
}

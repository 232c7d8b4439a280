// Statistics: money, percentages and counts, normalised, with what they measure and who claims them.
import type { PeopleIndex } from "./people.ts";
import type { ArticleText, Figure } from "./types.ts";

export function findFigures(_article: ArticleText, _people: PeopleIndex): Figure[] {
  return [];
}

// People and organisations named in an article, with the other names used for them.
import type { ArticleText, Person } from "./types.ts";

export interface PeopleIndex {
  people: Person[];
  /** The canonical name for a name, surname, initials or role used in this article; null when unknown or ambiguous. */
  resolve(name: string): string | null;
}

export function findPeople(_article: ArticleText): PeopleIndex {
  // TODO(extraction helper): names, surnames, initials, roles, organisations.
  return { people: [], resolve: () => null };
}

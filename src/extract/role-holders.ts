// The people an article gave a role word ("cardinal", "leader"), looked up by the word: a description such as "the
// cardinal" was resolved by a walk over every person of the article and all their roles and other names, and a long
// article names thousands of people and holds thousands of such descriptions.
import type { Person } from "./types.ts";

const indexes = new WeakMap<Person[], Map<string, Person[]>>();

/**
 * The persons (not organisations), in the article's order, one of whose roles or other names holds `word` as a
 * whole word in lower case: `people.filter((p) => p.kind === "person" && [...p.roles, ...p.aliases].some((r) =>
 * r.toLowerCase().split(/\s+/).includes(word)))`, with the index made once per article's list of people.
 */
export function holdersOf(people: Person[], word: string): Person[] {
  let index = indexes.get(people);
  if (!index) {
    index = new Map();
    for (const p of people) {
      if (p.kind !== "person") continue;
      const words = new Set([...p.roles, ...p.aliases].flatMap((r) => r.toLowerCase().split(/\s+/)));
      for (const w of words) {
        const list = index.get(w);
        if (list) list.push(p);
        else index.set(w, [p]);
      }
    }
    indexes.set(people, index);
  }
  return index.get(word) ?? [];
}

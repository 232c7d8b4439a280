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

/** "the foreign secretary" is not the shadow foreign secretary, nor the former or deputy one (of roles with its head). */
export function sameRank(p: { roles: string[] }, words: string, head: string): boolean {
  const asked = new Set(words.toLowerCase().split(/\s+/));
  const roles = p.roles.map((r) => r.toLowerCase().split(/\s+/)).filter((r) => r.includes(head));
  return roles.length === 0 || roles.some((r) => r.every((w) => !RANKS.has(w) || asked.has(w)));
}
const RANKS = new Set("shadow former ex deputy vice acting assistant junior outgoing".split(" "));

const byName = new WeakMap<Person[], Map<string, Person>>();
/** Whether the one named `name`, if a person of the article, may be called by the description `words` for their rank. */
export function rankFits(people: Person[], name: string, words: string, head: string): boolean {
  let index = byName.get(people);
  if (!index) byName.set(people, (index = new Map(people.map((p) => [p.name, p]))));
  const p = index.get(name);
  return p === undefined || sameRank(p, words, head);
}

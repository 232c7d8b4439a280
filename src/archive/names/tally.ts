// The names rows, (alias, person) → in how many articles, as a writing transaction changes them: summed
// while its articles are written and dropped, written once at its end in the order first seen (the
// dictionary's order), by both stores alike.
import { nameKeys } from "../rows.ts";
import { nameGroup } from "./identities.ts";

export interface NameCount {
  alias: string;
  person: string;
  kind: string;
  grp: string;
  n: number;
}

export class NameTally {
  private counts = new Map<string, NameCount>();
  /** Each person's surname group, worked out once. */
  private groups = new Map<string, string>();

  /** One article's person, counted in (1) or out (-1): its name and every alias, once each. */
  add(person: string, kind: string, aliases: string[], n: number): void {
    for (const alias of nameKeys(person, aliases)) {
      const key = `${alias}\u0000${person}`;
      const c = this.counts.get(key);
      if (c) c.n += n;
      else {
        let grp = this.groups.get(person);
        if (grp === undefined) this.groups.set(person, (grp = nameGroup(person)));
        this.counts.set(key, { alias, person, kind, grp, n });
      }
    }
  }

  /** The rows that change, first seen first; and the surname groups they are in (to re-decide). */
  changes(): { rows: NameCount[]; groups: Set<string> } {
    const rows = [...this.counts.values()].filter((c) => c.n !== 0);
    return { rows, groups: new Set(rows.map((r) => r.grp)) };
  }

  clear(): void {
    this.counts.clear();
    this.groups.clear();
  }
}

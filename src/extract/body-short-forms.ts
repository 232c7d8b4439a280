// "the Ministry" after "the Ministry of Lands and Natural Resources", "the Bank" after "the Bank of England": a
// body's common noun, capitalised and alone, names again the one body whose name opens or ends with it (the
// style of statements and of most non-BBC copy). Two bodies with that word leave it a name of its own.
import { ORG_WORDS } from "./names.ts";
import { ORGANISATION } from "./speaker-nouns.ts";

interface Named {
  kind: string;
  lower: string[];
}

/** Takes out of `entries` the one-word bodies that are such a short form, and returns whom each word names. */
export function takeShortForms<T extends Named>(entries: T[]): Map<string, T> {
  const hosts = new Map<string, T[]>();
  for (const e of entries) {
    if (e.kind !== "organisation" || e.lower.length < 2) continue;
    for (const w of new Set([e.lower[0], e.lower[e.lower.length - 1]])) {
      if (ORG_WORDS.has(w) && ORGANISATION.has(w)) hosts.set(w, [...(hosts.get(w) ?? []), e]);
    }
  }
  const short = new Map<string, T>();
  for (let k = entries.length - 1; k >= 0; k--) {
    const e = entries[k];
    const host = e.kind === "organisation" && e.lower.length === 1 ? hosts.get(e.lower[0]) : undefined;
    if (host?.length !== 1) continue;
    short.set(e.lower[0], host[0]);
    entries.splice(k, 1);
  }
  return short;
}

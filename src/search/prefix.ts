// Names by what was typed so far (autocomplete): the identities with a word of a name starting with it,
// most written-about first, from the archive's word index of the name dictionary (src/archive/names/).
import { byRank, type IdentityRow } from "../archive/names/dictionary.ts";
import { SEPARATOR } from "../archive/names/identities.ts";
import type { NameReader } from "../archive/store.ts";

/**
 * A prefix with more alias words than this (one or two letters: a large part of the dictionary) is served by
 * walking the identities in answer order until enough have a word with it: where words are that common,
 * the best-known identities have them.
 */
const JOIN_AT_MOST = 3000;
const PAGE = 500;

/** Identities with a word of a name starting with `key` (one word). */
export async function wordPrefix(store: NameReader, key: string, limit: number): Promise<IdentityRow[]> {
  const direct = await store.identitiesWithWordPrefix(key, limit, JOIN_AT_MOST);
  if (direct) return direct;
  const out: IdentityRow[] = [];
  let after: IdentityRow | undefined;
  while (out.length < limit) {
    const page = await store.rankedIdentities(PAGE, after);
    for (const id of page) if (out.length < limit && ` ${id.words}`.includes(` ${key}`)) out.push(id);
    if (page.length < PAGE) break;
    after = page.at(-1);
  }
  return out;
}

/** Identities with an alias starting with `key`, several words typed ("nicola stu"). */
export async function phrasePrefix(store: NameReader, key: string, limit: number): Promise<IdentityRow[]> {
  const parts = key.split(SEPARATOR);
  // Every part but the last is a whole word of the alias: start from the one with the fewest aliases.
  const whole = parts.slice(0, -1);
  const { counts } = await store.nameWords(whole, [], null, 0);
  let rarest: string | null = null;
  for (const p of whole) {
    const n = counts.get(p);
    if (n === undefined) return [];
    if (rarest === null || n < counts.get(rarest)!) rarest = p;
  }
  if (rarest === null) return [];
  const keys = (await store.aliasesWithWords([rarest])).map((r) => r.alias.key).filter((k) => k.startsWith(key));
  const ids = new Map<string, IdentityRow>();
  for (const hit of await store.identitiesByAlias(keys)) for (const id of hit.identities) ids.set(id.key, id);
  return [...ids.values()].sort(byRank).slice(0, limit);
}

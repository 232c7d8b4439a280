// Typos in a name ("osbourne" → George Osborne): the archive's deletion index (src/archive/names/) finds the
// words within two edits of a typed word, and only the aliases with those words — a few hundred at most —
// are handed to fuse.js to score, never the whole dictionary.
import Fuse from "fuse.js";
import type { AliasRow } from "../archive/names/dictionary.ts";
import { SEPARATOR } from "../archive/names/identities.ts";
import type { NameReader } from "../archive/store.ts";
import { editDistance } from "./distance.ts";

const FUSE_OPTIONS = { keys: ["key"], includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 };
/** Aliases scored by fuse.js for one fuzzy look-up, at most: those sharing the most close words, closest and shortest first. */
const MAX_CANDIDATES = 100;
/** Words that start with a typed word, at most, taken as candidates for it ("kenn" → kennedy, kennet…). */
const MAX_PREFIX_WORDS = 64;

/**
 * Aliases close to `key`, best first, as fuse.js scores them (same options as over the whole dictionary),
 * but over the candidates that share a word with the key within two edits, or a word the key's word starts.
 */
export async function closeAliases(store: NameReader, key: string, limit: number): Promise<{ alias: AliasRow; score: number }[]> {
  const parts = [...new Set(key.split(SEPARATOR))].filter((p) => p !== "");
  const close = await Promise.all(parts.map((part) => closeWords(store, part)));
  const withWord = new Map<string, AliasRow[]>();
  for (const { word, alias } of await store.aliasesWithWords([...new Set(close.flatMap((c) => [...c.keys()]))])) {
    const list = withWord.get(word);
    if (list) list.push(alias);
    else withWord.set(word, [alias]);
  }
  // Per candidate alias: how many typed words it has a close word for, and the edits those words are off by
  // (the first close word, in closeWords' order, that reaches it).
  const candidates = new Map<string, { alias: AliasRow; shared: number; edits: number }>();
  for (const words of close) {
    const seen = new Set<string>();
    for (const [word, d] of words) {
      for (const alias of withWord.get(word) ?? []) {
        if (seen.has(alias.key)) continue;
        seen.add(alias.key);
        const c = candidates.get(alias.key);
        if (c) {
          c.shared++;
          c.edits += d;
        } else candidates.set(alias.key, { alias, shared: 1, edits: d });
      }
    }
  }
  const chosen = closest([...candidates.values()]);
  if (chosen.length === 0) return [];
  // In dictionary order, so that fuse.js breaks ties as it would over the whole dictionary.
  chosen.sort((a, b) => a.ord - b.ord);
  const fuse = new Fuse(
    chosen.map((alias) => ({ key: alias.key, alias })),
    FUSE_OPTIONS,
  );
  return fuse.search(key, { limit }).map((r) => ({ alias: r.item.alias, score: r.score ?? 1 }));
}

/**
 * The MAX_CANDIDATES best candidates: most typed words shared, then fewest edits, fewest words, dictionary
 * order. The four keys are packed into one number (each within its largest value here, so the order is
 * exactly the four-key order) and sorted as a Float64Array: thousands of candidates come with a common word.
 */
function closest(candidates: { alias: AliasRow; shared: number; edits: number }[]): AliasRow[] {
  if (candidates.length <= MAX_CANDIDATES) return candidates.map((c) => c.alias);
  let maxShared = 0;
  let maxEdits = 0;
  let maxWords = 0;
  let maxOrd = 0;
  for (const c of candidates) {
    maxShared = Math.max(maxShared, c.shared);
    maxEdits = Math.max(maxEdits, c.edits);
    maxWords = Math.max(maxWords, c.alias.words);
    maxOrd = Math.max(maxOrd, c.alias.ord);
  }
  const n = maxOrd + 1;
  if ((maxShared + 1) * (maxEdits + 1) * (maxWords + 1) * n > Number.MAX_SAFE_INTEGER) {
    // Never with real queries (a hundred words packs into 1e12); the four-key comparator then.
    return [...candidates]
      .sort((a, b) => b.shared - a.shared || a.edits - b.edits || a.alias.words - b.alias.words || a.alias.ord - b.alias.ord)
      .slice(0, MAX_CANDIDATES)
      .map((c) => c.alias);
  }
  const byOrd = new Map(candidates.map((c) => [c.alias.ord, c.alias]));
  const keys = new Float64Array(candidates.length);
  candidates.forEach((c, i) => {
    keys[i] = (((maxShared - c.shared) * (maxEdits + 1) + c.edits) * (maxWords + 1) + c.alias.words) * n + c.alias.ord;
  });
  keys.sort();
  return Array.from(keys.subarray(0, MAX_CANDIDATES), (k) => byOrd.get(k % n)!);
}

/** Words of the dictionary equal to `part`, within two edits of it, or starting with it: word → edits (a longer word: 0). */
async function closeWords(store: NameReader, part: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const max = part.length >= 5 ? 2 : 1;
  // The typed word with up to `max` letters deleted (SymSpell's query side), the word itself first.
  const variants = new Set<string>([part]);
  if (part.length >= 3) {
    let frontier = [part];
    for (let d = 1; d <= max; d++) {
      const next: string[] = [];
      for (const v of frontier) {
        if (v.length <= 2) continue;
        for (let i = 0; i < v.length; i++) {
          const x = v.slice(0, i) + v.slice(i + 1);
          if (!variants.has(x)) {
            variants.add(x);
            next.push(x);
          }
        }
      }
      frontier = next;
    }
  }
  const long = part.length >= 3;
  const { counts, deletes, range } = await store.nameWords([...variants], long ? [...variants] : [], long ? part : null, MAX_PREFIX_WORDS);
  if (counts.has(part)) out.set(part, 0);
  if (!long) return out;
  for (const w of range) out.set(w, 0);
  const consider = (w: string) => {
    if (out.has(w)) return;
    const d = editDistance(part, w, max);
    if (d <= max) out.set(w, d);
  };
  for (const v of variants) {
    if (counts.has(v)) consider(v);
    for (const w of deletes.get(v) ?? []) consider(w);
  }
  return out;
}

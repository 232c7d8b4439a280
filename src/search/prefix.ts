// The prefix index of the name dictionary (autocomplete): the distinct words of all aliases, sorted, each
// with the aliases that have it and their identities in rank order, so a typed prefix is a binary search
// and a merge of a few short lists, whatever the dictionary's size.
import { SEPARATOR, type Alias, type Identity } from "./identities.ts";

/** Prefixes this short have their best identities computed when the index is built (their ranges are large). */
const SHORT_PREFIX = 2;
const SHORT_TOP = 25;

export class PrefixIndex {
  /** Distinct words of all alias keys, sorted (binary search for prefixes). */
  readonly words: string[] = [];
  readonly wordIndex = new Map<string, number>();
  /** Per word: the aliases with it (ascending), and their identities, most written-about first. */
  readonly wordAliases: number[][] = [];
  private wordIds: Int32Array[] = [];
  private position = new Map<Identity, number>();
  private shortTop = new Map<string, Identity[]>();

  /** `ranked`: the identities most written-about first; postings hold positions in it. */
  constructor(private aliases: Alias[], private ranked: Identity[]) {
    const postings = new Map<string, number[]>();
    aliases.forEach((a, ai) => {
      for (const w of new Set(a.key.split(SEPARATOR))) {
        if (w === "") continue;
        const list = postings.get(w);
        if (list) list.push(ai);
        else postings.set(w, [ai]);
      }
    });
    const position = this.position;
    ranked.forEach((id, r) => position.set(id, r));
    this.words = [...postings.keys()].sort();
    this.words.forEach((w, wi) => {
      this.wordIndex.set(w, wi);
      const list = postings.get(w)!;
      this.wordAliases.push(list);
      const ids = new Set<number>();
      for (const ai of list) for (const id of aliases[ai].ids) ids.add(position.get(id)!);
      this.wordIds.push(Int32Array.from(ids).sort());
    });
    // The best identities for every one- and two-letter prefix: their ranges hold a large part of the words.
    const byShort = new Map<string, number[]>();
    this.words.forEach((w, wi) => {
      for (let n = 1; n <= SHORT_PREFIX && n <= w.length; n++) {
        const p = w.slice(0, n);
        const list = byShort.get(p);
        if (list) list.push(wi);
        else byShort.set(p, [wi]);
      }
    });
    for (const [p, wis] of byShort) this.shortTop.set(p, this.topOf(wis, SHORT_TOP));
  }

  /** Identities with a word of an alias starting with `key` (one word). */
  wordPrefix(key: string, limit: number): Identity[] {
    if (key.length <= SHORT_PREFIX && limit <= SHORT_TOP) return (this.shortTop.get(key) ?? []).slice(0, limit);
    const [from, to] = this.range(key);
    const wis: number[] = [];
    for (let i = from; i < to; i++) wis.push(i);
    return this.topOf(wis, limit);
  }

  /** Identities with an alias starting with `key`, several words typed ("nicola stu"). */
  phrasePrefix(key: string, limit: number): Identity[] {
    const parts = key.split(SEPARATOR);
    // Every part but the last is a whole word of the alias: start from the one with the fewest aliases.
    let rarest: number[] | null = null;
    for (const p of parts.slice(0, -1)) {
      const wi = this.wordIndex.get(p);
      if (wi === undefined) return [];
      if (!rarest || this.wordAliases[wi].length < rarest.length) rarest = this.wordAliases[wi];
    }
    if (!rarest) return [];
    const ids = new Set<Identity>();
    for (const ai of rarest) if (this.aliases[ai].key.startsWith(key)) for (const id of this.aliases[ai].ids) ids.add(id);
    return [...ids].sort((a, b) => this.position.get(a)! - this.position.get(b)!).slice(0, limit);
  }

  /** Indexes of the words that start with `prefix`: [from, to). */
  range(prefix: string): [number, number] {
    const lower = (x: string) => {
      let lo = 0;
      let hi = this.words.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.words[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [lower(prefix), lower(prefix + "\uffff")];
  }

  /** The best `limit` identities among those of these words. */
  private topOf(wordIndexes: Iterable<number>, limit: number): Identity[] {
    const seen = new Set<number>();
    for (const wi of wordIndexes) {
      const ids = this.wordIds[wi];
      for (let i = 0; i < ids.length && i < limit; i++) seen.add(ids[i]);
    }
    return Int32Array.from(seen).sort().slice(0, limit).reduce<Identity[]>((out, r) => (out.push(this.ranked[r]), out), []);
  }
}

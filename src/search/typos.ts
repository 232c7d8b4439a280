// The typo index of the name dictionary ("osbourne" → George Osborne): a deletion index (SymSpell) over the
// words of all aliases finds the words within two edits of a typed word, and only the aliases with those
// words — a few hundred at most — are handed to fuse.js to score, never the whole dictionary.
import Fuse from "fuse.js";
import { editDistance } from "./distance.ts";
import { SEPARATOR, type Alias } from "./identities.ts";
import type { PrefixIndex } from "./prefix.ts";

const FUSE_OPTIONS = { keys: ["key"], includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 };
/** Aliases scored by fuse.js for one fuzzy look-up, at most: those sharing the most close words, closest and shortest first. */
const MAX_CANDIDATES = 100;
/** Words that start with a typed word, at most, taken as candidates for it ("kenn" → kennedy, kennet…). */
const MAX_PREFIX_WORDS = 64;

export class TypoIndex {
  /** Each word with one letter deleted → the words it came from (SymSpell, distance 1 on the index side). */
  private deletes = new Map<string, number | number[]>();

  /** Over the words of `prefix` (the prefix index of the same aliases). */
  constructor(private aliases: Alias[], private prefix: PrefixIndex) {
    prefix.words.forEach((w, wi) => {
      if (w.length < 3) return;
      for (let i = 0; i < w.length; i++) {
        const d = w.slice(0, i) + w.slice(i + 1);
        const had = this.deletes.get(d);
        if (had === undefined) this.deletes.set(d, wi);
        else if (typeof had === "number") {
          if (had !== wi) this.deletes.set(d, [had, wi]);
        } else if (had.at(-1) !== wi) had.push(wi);
      }
    });
  }

  /**
   * Aliases close to `key`, best first, as fuse.js scores them (same options as over the whole dictionary),
   * but over the candidates that share a word with the key within two edits, or a word the key's word starts.
   */
  fuzzy(key: string, limit: number): { alias: number; score: number }[] {
    // Per candidate alias: how many typed words it has a close word for, and the edits those words are off by.
    // In arrays over the whole dictionary, kept between look-ups: a common word ("will", "martin") brings
    // thousands of candidate aliases, and Maps and a comparator sort over them cost tens of ms at 1M articles.
    const { shared, edits, seen } = this.scratch();
    const candidates: number[] = [];
    for (const part of new Set(key.split(SEPARATOR))) {
      if (part === "") continue;
      const mark = ++this.generation;
      for (const [wi, d] of this.closeWords(part)) {
        for (const ai of this.prefix.wordAliases[wi]) {
          if (seen[ai] === mark) continue;
          seen[ai] = mark;
          if (shared[ai] === 0) candidates.push(ai);
          shared[ai]++;
          edits[ai] += d;
        }
      }
    }
    const chosen = candidates.length > MAX_CANDIDATES ? this.closest(candidates, shared, edits) : candidates.slice();
    for (const ai of candidates) shared[ai] = edits[ai] = 0;
    if (chosen.length === 0) return [];
    // In dictionary order, so that fuse.js breaks ties as it would over the whole dictionary.
    chosen.sort((a, b) => a - b);
    const fuse = new Fuse(chosen.map((ai) => ({ key: this.aliases[ai].key, ai })), FUSE_OPTIONS);
    return fuse.search(key, { limit }).map((r) => ({ alias: r.item.ai, score: r.score ?? 1 }));
  }

  /**
   * The MAX_CANDIDATES best candidates: most typed words shared, then fewest edits, fewest words, dictionary
   * order. The four keys are packed into one number (each within its largest value here, so the order is
   * exactly the four-key order) and sorted as a Float64Array.
   */
  private closest(candidates: number[], shared: Uint16Array, edits: Uint16Array): number[] {
    let maxShared = 0;
    let maxEdits = 0;
    let maxWords = 0;
    for (const ai of candidates) {
      maxShared = Math.max(maxShared, shared[ai]);
      maxEdits = Math.max(maxEdits, edits[ai]);
      maxWords = Math.max(maxWords, this.aliases[ai].words);
    }
    const n = this.aliases.length;
    if ((maxShared + 1) * (maxEdits + 1) * (maxWords + 1) * n > Number.MAX_SAFE_INTEGER) {
      // Never with real queries (a hundred words packs into 1e12); the four-key comparator then.
      const words = (ai: number) => this.aliases[ai].words;
      return [...candidates].sort((a, b) => shared[b] - shared[a] || edits[a] - edits[b] || words(a) - words(b) || a - b).slice(0, MAX_CANDIDATES);
    }
    const keys = new Float64Array(candidates.length);
    candidates.forEach((ai, i) => {
      keys[i] = (((maxShared - shared[ai]) * (maxEdits + 1) + edits[ai]) * (maxWords + 1) + this.aliases[ai].words) * n + ai;
    });
    keys.sort();
    return Array.from(keys.subarray(0, MAX_CANDIDATES), (k) => k % n);
  }

  private generation = 0;
  private scratchArrays: { shared: Uint16Array; edits: Uint16Array; seen: Uint32Array } | null = null;

  /** Per-alias counters for fuzzy(), all zero between look-ups. */
  private scratch() {
    if (!this.scratchArrays) {
      const n = this.aliases.length;
      this.scratchArrays = { shared: new Uint16Array(n), edits: new Uint16Array(n), seen: new Uint32Array(n) };
    }
    return this.scratchArrays;
  }

  /** Words of the dictionary equal to `part`, within two edits of it, or starting with it: word → edits (a longer word: 0). */
  private closeWords(part: string): Map<number, number> {
    const out = new Map<number, number>();
    const exact = this.prefix.wordIndex.get(part);
    if (exact !== undefined) out.set(exact, 0);
    if (part.length < 3) return out;
    const [from, to] = this.prefix.range(part);
    for (let i = from; i < to && i < from + MAX_PREFIX_WORDS; i++) out.set(i, 0);
    const max = part.length >= 5 ? 2 : 1;
    const variants = new Set<string>([part]);
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
    const consider = (wi: number) => {
      if (out.has(wi)) return;
      const d = editDistance(part, this.prefix.words[wi], max);
      if (d <= max) out.set(wi, d);
    };
    for (const v of variants) {
      const wi = this.prefix.wordIndex.get(v);
      if (wi !== undefined) consider(wi);
      const from = this.deletes.get(v);
      if (from === undefined) continue;
      if (typeof from === "number") consider(from);
      else for (const x of from) consider(x);
    }
    return out;
  }
}

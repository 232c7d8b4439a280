// The archive's dictionary of people and organisations, in memory, with the indexes that keep every
// look-up independent of its size: exact aliases by map, prefixes (autocomplete) by binary search over the
// sorted words of all aliases, and typos ("osbourne" → George Osborne) by a deletion index over those words
// that hands fuse.js only the few hundred aliases sharing a close word — never the whole dictionary.
import Fuse from "fuse.js";
import type { NameEntry } from "../archive/store.ts";
import { foldText } from "../extract/text.ts";
import { editDistance } from "./distance.ts";

/** One person or organisation across the archive: the per-article canonical names that are them. */
export interface Identity {
  name: string;
  kind: "person" | "organisation";
  /** The canonical names articles gave them ("George Osborne", and "Osborne" where an article never said more). */
  members: string[];
  aliases: string[];
  /** Aliases that are forms of the name itself (surname, initials), not roles: what a quote mentioning them says. */
  nameForms: string[];
  articles: number;
}

export interface NameMatch {
  identities: Identity[];
  /** The alias that matched, as the archive writes it. */
  alias: string;
  exact: boolean;
}

/** Fuse scores run 0 (exact) to 1; past this a "match" is more likely another word than a typo. */
const TYPO_THRESHOLD = 0.3;
const FUSE_OPTIONS = { keys: ["key"], includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 };
/** Aliases scored by fuse.js for one fuzzy look-up, at most: those sharing the most close words, closest and shortest first. */
const MAX_CANDIDATES = 100;
/** Words that start with a typed word, at most, taken as candidates for it ("kenn" → kennedy, kennet…). */
const MAX_PREFIX_WORDS = 64;
/** Prefixes this short have their best identities computed when the index is built (their ranges are large). */
const SHORT_PREFIX = 2;
const SHORT_TOP = 25;
const TITLE = /^(mr|mrs|ms|dr|sir|lord|lady)\.?\s+/;
const SEPARATOR = /[\s-]+/;

/** foldText, without its Unicode passes for plain ASCII with single spaces (most names): same result. */
const PLAIN = /^[\x21-\x5f\x61-\x7e]+(?: [\x21-\x5f\x61-\x7e]+)*$/;
export function fold(s: string): string {
  return PLAIN.test(s) ? s.toLowerCase() : foldText(s);
}

interface Alias {
  key: string;
  text: string;
  ids: Identity[];
  /** Words in the key: fewer words score better in fuse.js (its field-length norm). */
  words: number;
}

export class NameIndex {
  readonly identities: Identity[];
  /** The identities most written-about first (ties in dictionary order); postings hold positions in it. */
  private ranked: Identity[];
  private position = new Map<Identity, number>();
  private aliases: Alias[] = [];
  private byAlias = new Map<string, number>();
  /** Distinct words of all alias keys, sorted (binary search for prefixes). */
  private words: string[] = [];
  private wordIndex = new Map<string, number>();
  /** Per word: the aliases with it (ascending), and their identities, most written-about first. */
  private wordAliases: number[][] = [];
  private wordIds: Int32Array[] = [];
  private shortTop = new Map<string, Identity[]>();
  /** Each word with one letter deleted → the words it came from (SymSpell, distance 1 on the index side). */
  private deletes = new Map<string, number | number[]>();

  constructor(entries: NameEntry[]) {
    // Folded once per distinct string: the same aliases and names recur across entries.
    const folded = new Map<string, string>();
    const f = (x: string) => {
      let k = folded.get(x);
      if (k === undefined) folded.set(x, (k = fold(x)));
      return k;
    };
    this.identities = clusterIdentities(entries, f);
    this.ranked = this.identities.map((id, i) => ({ id, i })).sort((a, b) => b.id.articles - a.id.articles || a.i - b.i).map((x) => x.id);
    const memberOf = new Map<string, Identity>();
    for (const id of this.identities) for (const m of id.members) memberOf.set(m, id);
    const sets = new Map<number, Set<Identity>>();
    for (const e of entries) {
      const id = memberOf.get(e.person);
      if (!id) continue;
      const key = f(e.alias);
      let ai = this.byAlias.get(key);
      if (ai === undefined) {
        ai = this.aliases.length;
        this.aliases.push({ key, text: e.alias, ids: [], words: key.split(SEPARATOR).length });
        this.byAlias.set(key, ai);
      }
      const list = this.aliases[ai].ids;
      if (list.length < 16) {
        if (!list.includes(id)) list.push(id);
      } else {
        let set = sets.get(ai);
        if (!set) sets.set(ai, (set = new Set(list)));
        if (!set.has(id)) {
          set.add(id);
          list.push(id);
        }
      }
    }
    for (const a of this.aliases) a.ids.sort((x, y) => y.articles - x.articles);
  }

  private wordsBuilt = false;

  /**
   * Builds the word indexes (prefixes, typos) if not yet built. An exact look-up does not need them, so a start
   * answers without waiting for them; Lookup.refresh builds them right after, before the first keystroke.
   */
  warm(): void {
    if (this.wordsBuilt) return;
    this.wordsBuilt = true;
    this.buildWords();
  }

  private buildWords(): void {
    const postings = new Map<string, number[]>();
    this.aliases.forEach((a, ai) => {
      for (const w of new Set(a.key.split(SEPARATOR))) {
        if (w === "") continue;
        const list = postings.get(w);
        if (list) list.push(ai);
        else postings.set(w, [ai]);
      }
    });
    const position = this.position;
    this.ranked.forEach((id, r) => position.set(id, r));
    this.words = [...postings.keys()].sort();
    this.words.forEach((w, wi) => {
      this.wordIndex.set(w, wi);
      const aliases = postings.get(w)!;
      this.wordAliases.push(aliases);
      const ids = new Set<number>();
      for (const ai of aliases) for (const id of this.aliases[ai].ids) ids.add(position.get(id)!);
      this.wordIds.push(Int32Array.from(ids).sort());
      if (w.length >= 3) {
        for (let i = 0; i < w.length; i++) {
          const d = w.slice(0, i) + w.slice(i + 1);
          const had = this.deletes.get(d);
          if (had === undefined) this.deletes.set(d, wi);
          else if (typeof had === "number") {
            if (had !== wi) this.deletes.set(d, [had, wi]);
          } else if (had.at(-1) !== wi) had.push(wi);
        }
      }
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

  /** The best `limit` identities among those of these words. */
  private topOf(wordIndexes: Iterable<number>, limit: number): Identity[] {
    const seen = new Set<number>();
    for (const wi of wordIndexes) {
      const ids = this.wordIds[wi];
      for (let i = 0; i < ids.length && i < limit; i++) seen.add(ids[i]);
    }
    return Int32Array.from(seen).sort().slice(0, limit).reduce<Identity[]>((out, r) => (out.push(this.ranked[r]), out), []);
  }

  /** Indexes of the words that start with `prefix`: [from, to). */
  private range(prefix: string): [number, number] {
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

  /** The people a query names: an exact alias first, else the closest alias within typo distance. */
  match(query: string): NameMatch | null {
    const full = fold(query);
    // "Sir X" may be an alias as written; "Mr X" is also the plain "X".
    for (const k of [full, full.replace(TITLE, "")]) {
      const exact = this.byAlias.get(k);
      if (exact !== undefined) return { identities: this.aliases[exact].ids, alias: this.aliases[exact].text, exact: true };
    }
    const key = full.replace(TITLE, "");
    if (key === "") return null;
    if (key.length < 4) return null;
    const [best] = this.fuzzy(key, 1);
    if (!best || best.score > TYPO_THRESHOLD) return null;
    const a = this.aliases[best.alias];
    return { identities: a.ids, alias: a.text, exact: false };
  }

  /** The identities an alias names exactly, without typo tolerance (cheap: a map lookup). */
  exactly(alias: string): Identity[] {
    const ai = this.byAlias.get(fold(alias));
    return ai === undefined ? [] : this.aliases[ai].ids;
  }

  /** Names that start with, or are close to, a partial query: autocomplete and "did you mean". */
  suggest(partial: string, limit: number): Identity[] {
    const key = fold(partial);
    if (key === "") {
      return this.ranked.slice(0, limit);
    }
    this.warm();
    // Prefixes of any word of a name first ("sturg" → Nicola Sturgeon), most written-about first.
    const out = SEPARATOR.test(key) ? this.phrasePrefix(key, limit) : this.wordPrefix(key, limit);
    if (out.length < limit && key.length >= 3) {
      const have = new Set(out);
      for (const r of this.fuzzy(key, limit * 2)) {
        for (const id of this.aliases[r.alias].ids) {
          if (!have.has(id)) {
            have.add(id);
            out.push(id);
          }
        }
      }
    }
    return out.slice(0, limit);
  }

  /** Identities with a word of an alias starting with `key` (one word). */
  private wordPrefix(key: string, limit: number): Identity[] {
    if (key.length <= SHORT_PREFIX && limit <= SHORT_TOP) return (this.shortTop.get(key) ?? []).slice(0, limit);
    const [from, to] = this.range(key);
    const wis: number[] = [];
    for (let i = from; i < to; i++) wis.push(i);
    return this.topOf(wis, limit);
  }

  /** Identities with an alias starting with `key`, several words typed ("nicola stu"). */
  private phrasePrefix(key: string, limit: number): Identity[] {
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

  /**
   * Aliases close to `key`, best first, as fuse.js scores them (same options as over the whole dictionary),
   * but over the candidates that share a word with the key within two edits, or a word the key's word starts.
   */
  private fuzzy(key: string, limit: number): { alias: number; score: number }[] {
    this.warm();
    // Per candidate alias: how many typed words it has a close word for, and the edits those words are off by.
    // In arrays over the whole dictionary, kept between look-ups: a common word ("will", "martin") brings
    // thousands of candidate aliases, and Maps and a comparator sort over them cost tens of ms at 1M articles.
    const { shared, edits, seen } = this.scratch();
    const candidates: number[] = [];
    for (const part of new Set(key.split(SEPARATOR))) {
      if (part === "") continue;
      const mark = ++this.generation;
      for (const [wi, d] of this.closeWords(part)) {
        for (const ai of this.wordAliases[wi]) {
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
    const exact = this.wordIndex.get(part);
    if (exact !== undefined) out.set(exact, 0);
    if (part.length < 3) return out;
    const [from, to] = this.range(part);
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
      const d = editDistance(part, this.words[wi], max);
      if (d <= max) out.set(wi, d);
    };
    for (const v of variants) {
      const wi = this.wordIndex.get(v);
      if (wi !== undefined) consider(wi);
      const from = this.deletes.get(v);
      if (from === undefined) continue;
      if (typeof from === "number") consider(from);
      else for (const x of from) consider(x);
    }
    return out;
  }
}

/**
 * Groups per-article names into identities. A one-word name ("Osborne") joins the single fuller name that
 * ends with it ("George Osborne"); when two people share it (Owen Smith, Iain Duncan Smith), it stays apart
 * rather than merging them. Fuller names are indexed by surname once, so this is linear in the names.
 */
function clusterIdentities(entries: NameEntry[], fold: (s: string) => string): Identity[] {
  const byPerson = new Map<string, { kind: NameEntry["kind"]; aliases: Set<string>; articles: number }>();
  for (const e of entries) {
    let p = byPerson.get(e.person);
    if (!p) byPerson.set(e.person, (p = { kind: e.kind, aliases: new Set<string>(), articles: 0 }));
    p.aliases.add(e.alias);
    if (e.alias === e.person) p.articles = Math.max(p.articles, e.articles);
  }
  const identities = new Map<string, Identity>();
  // Person identities by the last space-separated word of their folded name.
  const bySurname = new Map<string, Identity[]>();
  const surnameOf = (id: Identity) => fold(id.name).split(" ").at(-1)!;
  const put = (key: string, id: Identity) => {
    const old = identities.get(key);
    if (old === id) return;
    if (old && old.kind === "person") {
      const list = bySurname.get(surnameOf(old))!;
      list.splice(list.indexOf(old), 1);
    }
    identities.set(key, id);
    if (id.kind === "person") {
      const s = surnameOf(id);
      const list = bySurname.get(s);
      if (list) list.push(id);
      else bySurname.set(s, [id]);
    }
  };
  const single: string[] = [];
  for (const [name, p] of byPerson) {
    if (p.kind === "person" && !/\s/.test(name.trim())) {
      single.push(name);
      continue;
    }
    put(fold(name), makeIdentity(name, p.kind));
  }
  const join = (id: Identity, name: string) => {
    const p = byPerson.get(name)!;
    if (!id.members.includes(name)) id.members.push(name);
    if (id.aliases.length === 0) id.aliases.push(...p.aliases);
    else {
      const have = new Set(id.aliases);
      for (const a of p.aliases) {
        if (!have.has(a)) {
          have.add(a);
          id.aliases.push(a);
        }
      }
    }
    id.articles += p.articles;
  };
  for (const [name] of byPerson) {
    const id = identities.get(fold(name));
    if (id) join(id, name);
  }
  for (const name of single) {
    const surname = fold(name);
    const fuller = bySurname.get(surname) ?? [];
    const id = fuller.length === 1 ? fuller[0] : makeIdentity(name, "person");
    put(fold(id.name), id);
    join(id, name);
  }
  return [...identities.values()];
}

/** An identity whose name forms are worked out when first asked for (a query about them), not for every name at start. */
function makeIdentity(name: string, kind: Identity["kind"]): Identity {
  let forms: string[] | null = null;
  const id: Identity = {
    name, kind, members: [], aliases: [], articles: 0,
    get nameForms() {
      return (forms ??= nameForms(id));
    },
    set nameForms(v: string[]) {
      forms = v;
    },
  };
  return id;
}

/** Aliases made of the name's own words, or its initials: "Duncan Smith", "IDS"; not "the Chancellor". */
function nameForms(id: Identity): string[] {
  const words = new Set(fold(id.name).split(SEPARATOR));
  const initials = id.name.split(SEPARATOR).map((w) => w[0]).join("").toUpperCase();
  return id.aliases.filter((a) => {
    if (a === initials && a.length >= 2) return true;
    const ws = fold(a).split(SEPARATOR);
    return ws.every((w) => words.has(w)) && (ws.length > 1 || a.length >= 3);
  });
}

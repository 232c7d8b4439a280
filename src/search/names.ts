// The archive's dictionary of people and organisations, in memory, with the indexes that keep every
// look-up independent of its size: exact aliases by map, prefixes (autocomplete) by the prefix index
// (prefix.ts), and typos ("osbourne" → George Osborne) by the typo index (typos.ts), which hands fuse.js
// only the few hundred aliases sharing a close word — never the whole dictionary.
import type { NameEntry } from "../archive/store.ts";
import { SEPARATOR, clusterIdentities, fold, type Alias, type Identity } from "./identities.ts";
import { PrefixIndex } from "./prefix.ts";
import { TypoIndex } from "./typos.ts";

export type { Identity } from "./identities.ts";

export interface NameMatch {
  identities: Identity[];
  /** The alias that matched, as the archive writes it. */
  alias: string;
  exact: boolean;
}

/** Fuse scores run 0 (exact) to 1; past this a "match" is more likely another word than a typo. */
const TYPO_THRESHOLD = 0.3;
const TITLE = /^(mr|mrs|ms|dr|sir|lord|lady)\.?\s+/;

export class NameIndex {
  readonly identities: Identity[];
  /** The identities most written-about first (ties in dictionary order). */
  private ranked: Identity[];
  private aliases: Alias[] = [];
  private byAlias = new Map<string, number>();
  private words: { prefix: PrefixIndex; typos: TypoIndex } | null = null;

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

  /**
   * Builds the word indexes (prefixes, typos) if not yet built. An exact look-up does not need them, so a start
   * answers without waiting for them; Lookup.refresh builds them right after, before the first keystroke.
   */
  warm(): { prefix: PrefixIndex; typos: TypoIndex } {
    if (!this.words) {
      const prefix = new PrefixIndex(this.aliases, this.ranked);
      this.words = { prefix, typos: new TypoIndex(this.aliases, prefix) };
    }
    return this.words;
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
    const [best] = this.warm().typos.fuzzy(key, 1);
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
    const { prefix, typos } = this.warm();
    // Prefixes of any word of a name first ("sturg" → Nicola Sturgeon), most written-about first.
    const out = SEPARATOR.test(key) ? prefix.phrasePrefix(key, limit) : prefix.wordPrefix(key, limit);
    if (out.length < limit && key.length >= 3) {
      const have = new Set(out);
      for (const r of typos.fuzzy(key, limit * 2)) {
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
}

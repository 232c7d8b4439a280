// What commands search with: the archive store, the in-memory name index, and the turning of a typed
// query into an indexed text query (acronyms both ways, plurals, typos corrected from the archive's words).
import type { ArchiveStore, TextQuery } from "../archive/store.ts";
import type { Acronym } from "../extract/types.ts";
import { foldText, words } from "../extract/text.ts";
import { fold } from "../archive/names/identities.ts";
import { editDistance } from "./distance.ts";
import { NameIndex, type Identity, type NameMatch } from "./names.ts";

const STOPWORDS = new Set(
  "a an the of and or to in on at for by with from about as is are was were be been it its this that these those what which who whom how why when where do does did has have had not no any all than then".split(
    " ",
  ),
);

export interface TopicQuery {
  query: TextQuery;
  /** Words that were read as another word of the archive: shown to the user ("showing results for …"). */
  corrections: { typed: string; used: string }[];
}

export class Lookup {
  /** The name dictionary, read from the archive at each look-up: nothing to load, never stale. */
  readonly names: NameIndex;
  private acronymList: Acronym[] = [];
  /** The acronyms folded once per refresh, not for every word of every query. */
  private acronymForms: { short: string; long: string[]; key: string; phrases: string[] }[] = [];

  constructor(readonly store: ArchiveStore) {
    this.names = new NameIndex(store);
  }

  /** Reloads the acronyms (a short list the archive keeps) after the archive changed. */
  async refresh(): Promise<void> {
    const acronyms = await this.store.acronyms();
    this.acronymList = acronyms;
    this.acronymForms = acronyms.map((a) => {
      const short = foldText(a.short);
      const long = words(a.long);
      const key = singular(long).join(" ");
      return { short, long, key, phrases: [short, long.join(" "), key] };
    });
  }

  /** The acronyms the archive defines, as loaded at the last refresh. */
  get acronyms(): readonly Acronym[] {
    return this.acronymList;
  }

  matchPeople(query: string): Promise<NameMatch | null> {
    return this.names.match(query);
  }

  /** Phrases that, found in a quote, mean it mentions this identity (forms shared with someone else are left out). */
  async mentionPhrases(identity: Identity): Promise<string[]> {
    // An exact look-up: forms come from the archive itself, so typo tolerance would only cost time. Only
    // whether someone else has the form matters: at 1M articles a surname is shared by hundreds, and reading
    // them all (as a name look-up does) was a fifth of /quote's time.
    const forms = identity.nameForms;
    const shared = await this.store.aliasesNamingOthers(forms.map(fold), identity.key);
    return forms.filter((f) => !shared.has(fold(f))).map(foldText);
  }

  /**
   * A topic query: each word must be found (AND), in any of its forms: singular or plural, the other form
   * of an acronym, or — when the archive never has the word — the closest word it does have.
   */
  async topic(query: string): Promise<TopicQuery> {
    const all = words(query);
    const content = all.filter((w) => !STOPWORDS.has(w));
    const ws = content.length ? content : all;
    const groups: string[][] = [];
    const corrections: TopicQuery["corrections"] = [];
    for (let i = 0; i < ws.length;) {
      const acronym = this.acronymAt(ws, i);
      if (acronym) {
        groups.push(acronym.phrases);
        i += acronym.length;
        continue;
      }
      const w = ws[i++];
      const forms = new Set([w, ...numberForms(w)]);
      if (!/\d/.test(w) && !(await this.known(w))) {
        const fixed = await this.closestTerm(w);
        if (fixed) {
          corrections.push({ typed: w, used: fixed });
          forms.add(fixed);
          for (const f of numberForms(fixed)) forms.add(f);
        }
      }
      groups.push([...forms]);
    }
    return { query: { groups }, corrections };
  }

  /** An acronym or its long form starting at word i: both forms as alternatives. */
  private acronymAt(ws: string[], i: number): { phrases: string[]; length: number } | null {
    const here = new Map<number, string>();
    for (const a of this.acronymForms) {
      if (ws[i] === a.short) return { phrases: a.phrases, length: 1 };
      const n = a.long.length;
      if (n === 0 || i + n > ws.length) continue;
      let typed = here.get(n);
      if (typed === undefined) here.set(n, (typed = singular(ws.slice(i, i + n)).join(" ")));
      if (typed === a.key) return { phrases: a.phrases, length: n };
    }
    return null;
  }

  private async known(word: string): Promise<boolean> {
    const terms = await this.store.termsStartingWith(word, 1);
    return terms.length > 0;
  }

  /** The archive's most frequent word within a small edit distance of a typo, if any. */
  async closestTerm(word: string): Promise<string | null> {
    if (word.length < 4) return null;
    const max = word.length >= 8 ? 2 : 1;
    let best: { term: string; d: number } | null = null;
    for (const prefix of new Set([word.slice(0, 2), word.slice(0, 1)])) {
      for (const term of await this.store.termsStartingWith(prefix, 2000)) {
        if (Math.abs(term.length - word.length) > max) continue;
        const d = editDistance(word, term, max);
        if (d <= max && (!best || d < best.d)) best = { term, d };
      }
      if (best) break;
    }
    return best?.term ?? null;
  }
}

function singular(ws: string[]): string[] {
  return ws.map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

/** The other grammatical number of a word, crudely: "payments" ↔ "payment", "cuts" ↔ "cut". */
function numberForms(w: string): string[] {
  if (/\d/.test(w) || w.length < 3) return [];
  if (w.endsWith("ies") && w.length > 4) return [w.slice(0, -3) + "y"];
  if (w.endsWith("s") && !w.endsWith("ss")) return [w.slice(0, -1)];
  if (w.endsWith("y") && !/[aeiou]y$/.test(w)) return [w.slice(0, -1) + "ies"];
  return [w + "s"];
}

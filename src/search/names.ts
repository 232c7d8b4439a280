// The archive's dictionary of people and organisations as commands ask it: exact aliases, prefixes
// (autocomplete, prefix.ts) and typos ("osbourne" → George Osborne, typos.ts). The dictionary lives in the
// archive, kept at ingestion (src/archive/names/), so every look-up is a few indexed reads: nothing is
// loaded at start, and a file that arrives changes the answers as soon as it is written.
import type { IdentityRow } from "../archive/names/dictionary.ts";
import { SEPARATOR, fold, makeIdentity, type Identity } from "../archive/names/identities.ts";
import type { NameReader } from "../archive/store.ts";
import { foldText } from "../extract/text.ts";
import { phrasePrefix, wordPrefix } from "./prefix.ts";
import { closeAliases } from "./typos.ts";

export type { Identity } from "../archive/names/identities.ts";

export interface NameMatch {
  identities: Identity[];
  /** The alias that matched, as the archive writes it. */
  alias: string;
  exact: boolean;
}

/** Fuse scores run 0 (exact) to 1; past this a "match" is more likely another word than a typo. */
const TYPO_THRESHOLD = 0.3;
const TITLE = /^(mr|mrs|ms|dr|sir|lord|lady)\.?\s+/;
/** Longest alias looked for in a draft (characters). */
const LONGEST_NAME = 120;

export class NameIndex {
  constructor(private store: NameReader) {}

  /** The people a query names: an exact alias first, else the closest alias within typo distance. */
  async match(query: string): Promise<NameMatch | null> {
    const full = fold(query);
    // "Sir X" may be an alias as written; "Mr X" is also the plain "X".
    const keys = [full, full.replace(TITLE, "")];
    const hits = await this.store.identitiesByAlias(keys);
    for (const k of keys) {
      const hit = hits.find((h) => h.key === k);
      if (hit) return { identities: hit.identities.map(toIdentity), alias: hit.text, exact: true };
    }
    const key = full.replace(TITLE, "");
    if (key === "") return null;
    if (key.length < 4) return null;
    const [best] = await closeAliases(this.store, key, 1);
    if (!best || best.score > TYPO_THRESHOLD) return null;
    const [hit] = await this.store.identitiesByAlias([best.alias.key]);
    return { identities: hit.identities.map(toIdentity), alias: hit.text, exact: false };
  }

  /** Names that start with, or are close to, a partial query: autocomplete and "did you mean". */
  async suggest(partial: string, limit: number): Promise<Identity[]> {
    const key = fold(partial);
    if (key === "") return (await this.store.rankedIdentities(limit)).map(toIdentity);
    // Prefixes of any word of a name first ("sturg" → Nicola Sturgeon), most written-about first.
    const out = SEPARATOR.test(key) ? await phrasePrefix(this.store, key, limit) : await wordPrefix(this.store, key, limit);
    if (out.length < limit && key.length >= 3) {
      const have = new Set(out.map((id) => id.key));
      const close = await closeAliases(this.store, key, limit * 2);
      const hits = new Map((await this.store.identitiesByAlias(close.map((r) => r.alias.key))).map((h) => [h.key, h.identities]));
      for (const r of close) {
        for (const id of hits.get(r.alias.key) ?? []) {
          if (!have.has(id.key)) {
            have.add(id.key);
            out.push(id);
          }
        }
      }
    }
    return out.slice(0, limit).map(toIdentity);
  }

  /**
   * The name the text mentions last ("Sturgeon said “…”" → Sturgeon): an identity's own name or a form of
   * it (surname, initials), as a whole word. Every stretch of the text between word boundaries is looked up
   * as an alias at once; the identities found are then checked in dictionary order.
   */
  async lastNamed(text: string): Promise<string | null> {
    const folded = foldText(text);
    const letter = (i: number) => i >= 0 && i < folded.length && /[\p{L}\p{N}]/u.test(folded[i]);
    const keys = new Set<string>();
    for (let s = 0; s < folded.length; s++) {
      if (letter(s - 1) || folded[s] === " ") continue;
      for (let e = s + 3; e <= Math.min(folded.length, s + LONGEST_NAME); e++) if (!letter(e) && folded[e - 1] !== " ") keys.add(folded.slice(s, e));
    }
    const found = new Map<string, IdentityRow>();
    for (const hit of await this.store.identitiesByAlias([...keys])) for (const id of hit.identities) found.set(id.key, id);
    let best: { at: number; name: string } | null = null;
    for (const row of [...found.values()].sort((a, b) => a.phase - b.phase || a.ord - b.ord)) {
      const id = toIdentity(row);
      for (const alias of [id.name, ...id.nameForms]) {
        const key = foldText(alias);
        if (key.length < 3) continue;
        const at = folded.lastIndexOf(key);
        const after = folded[at + key.length];
        if (at >= 0 && (at === 0 || !letter(at - 1)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) {
          if (!best || at + key.length > best.at) best = { at: at + key.length, name: alias };
        }
      }
    }
    return best?.name ?? null;
  }
}

function toIdentity(r: IdentityRow): Identity {
  return makeIdentity(r.key, r.name, r.kind, r.members, r.aliases, r.articles);
}

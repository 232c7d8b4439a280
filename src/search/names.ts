// The archive's dictionary of people and organisations, in memory. It is small next to the archive (names,
// not quotes), so fuse.js can give typo tolerance on it ("osbourne" → George Osborne) at any archive
// size; the archive itself is then searched by exact, indexed lookups.
import Fuse from "fuse.js";
import type { NameEntry } from "../archive/store.ts";
import { foldText } from "../extract/text.ts";

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

export class NameIndex {
  private byAlias = new Map<string, Identity[]>();
  private aliasText = new Map<string, string>();
  private fuse: Fuse<{ key: string; alias: string }>;
  readonly identities: Identity[];

  constructor(entries: NameEntry[]) {
    this.identities = clusterIdentities(entries);
    const memberOf = new Map<string, Identity>();
    for (const id of this.identities) for (const m of id.members) memberOf.set(m, id);
    for (const e of entries) {
      const id = memberOf.get(e.person);
      if (!id) continue;
      const key = foldText(e.alias);
      const list = this.byAlias.get(key) ?? [];
      if (!list.includes(id)) list.push(id);
      this.byAlias.set(key, list);
      if (!this.aliasText.has(key)) this.aliasText.set(key, e.alias);
    }
    for (const list of this.byAlias.values()) list.sort((a, b) => b.articles - a.articles);
    this.fuse = new Fuse(
      [...this.aliasText].map(([key, alias]) => ({ key, alias })),
      { keys: ["key"], includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 },
    );
  }

  /** The people a query names: an exact alias first, else the closest alias within typo distance. */
  match(query: string): NameMatch | null {
    const full = foldText(query);
    // "Sir X" may be an alias as written; "Mr X" is also the plain "X".
    for (const k of [full, full.replace(/^(mr|mrs|ms|dr|sir|lord|lady)\.?\s+/, "")]) {
      const exact = this.byAlias.get(k);
      if (exact) return { identities: exact, alias: this.aliasText.get(k)!, exact: true };
    }
    const key = full.replace(/^(mr|mrs|ms|dr|sir|lord|lady)\.?\s+/, "");
    if (key === "") return null;
    if (key.length < 4) return null;
    const [best] = this.fuse.search(key, { limit: 1 });
    if (!best || (best.score ?? 1) > TYPO_THRESHOLD) return null;
    return { identities: this.byAlias.get(best.item.key)!, alias: best.item.alias, exact: false };
  }

  /** The identities an alias names exactly, without typo tolerance (cheap: a map lookup). */
  exactly(alias: string): Identity[] {
    return this.byAlias.get(foldText(alias)) ?? [];
  }

  /** Names that start with, or are close to, a partial query: autocomplete and "did you mean". */
  suggest(partial: string, limit: number): Identity[] {
    const key = foldText(partial);
    const out: Identity[] = [];
    const add = (id: Identity) => {
      if (!out.includes(id)) out.push(id);
    };
    if (key === "") {
      for (const id of [...this.identities].sort((a, b) => b.articles - a.articles).slice(0, limit)) add(id);
      return out;
    }
    // Prefixes of any word of a name first ("sturg" → Nicola Sturgeon), most written-about first.
    const prefixed = this.identities
      .filter((id) => id.aliases.some((a) => foldText(a).split(/[\s-]+/).some((w) => w.startsWith(key)) || foldText(a).startsWith(key)))
      .sort((a, b) => b.articles - a.articles);
    for (const id of prefixed) add(id);
    if (out.length < limit && key.length >= 3) {
      for (const r of this.fuse.search(key, { limit: limit * 2 })) for (const id of this.byAlias.get(r.item.key) ?? []) add(id);
    }
    return out.slice(0, limit);
  }
}

/**
 * Groups per-article names into identities. A one-word name ("Osborne") joins the single fuller name that
 * ends with it ("George Osborne"); when two people share it (Owen Smith, Iain Duncan Smith), it stays apart
 * rather than merging them.
 */
function clusterIdentities(entries: NameEntry[]): Identity[] {
  const byPerson = new Map<string, { kind: NameEntry["kind"]; aliases: Set<string>; articles: number }>();
  for (const e of entries) {
    const p = byPerson.get(e.person) ?? { kind: e.kind, aliases: new Set<string>(), articles: 0 };
    p.aliases.add(e.alias);
    if (e.alias === e.person) p.articles = Math.max(p.articles, e.articles);
    byPerson.set(e.person, p);
  }
  const identities = new Map<string, Identity>();
  const single: string[] = [];
  for (const [name, p] of byPerson) {
    if (p.kind === "person" && !/\s/.test(name.trim())) {
      single.push(name);
      continue;
    }
    identities.set(foldText(name), makeIdentity(name, p.kind));
  }
  const join = (id: Identity, name: string) => {
    const p = byPerson.get(name)!;
    if (!id.members.includes(name)) id.members.push(name);
    for (const a of p.aliases) if (!id.aliases.includes(a)) id.aliases.push(a);
    id.articles += p.articles;
  };
  for (const [name] of byPerson) {
    const id = identities.get(foldText(name));
    if (id) join(id, name);
  }
  for (const name of single) {
    const surname = foldText(name);
    const fuller = [...identities.values()].filter((id) => id.kind === "person" && foldText(id.name).split(" ").at(-1) === surname);
    const id = fuller.length === 1 ? fuller[0] : makeIdentity(name, "person");
    identities.set(foldText(id.name), id);
    join(id, name);
  }
  for (const id of identities.values()) id.nameForms = nameForms(id);
  return [...identities.values()];
}

function makeIdentity(name: string, kind: Identity["kind"]): Identity {
  return { name, kind, members: [], aliases: [], nameForms: [], articles: 0 };
}

/** Aliases made of the name's own words, or its initials: "Duncan Smith", "IDS"; not "the Chancellor". */
function nameForms(id: Identity): string[] {
  const words = new Set(foldText(id.name).split(/[\s-]+/));
  const initials = id.name.split(/[\s-]+/).map((w) => w[0]).join("").toUpperCase();
  return id.aliases.filter((a) => {
    if (a === initials && a.length >= 2) return true;
    const ws = foldText(a).split(/[\s-]+/);
    return ws.every((w) => words.has(w)) && (ws.length > 1 || a.length >= 3);
  });
}

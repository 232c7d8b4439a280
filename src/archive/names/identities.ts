// Who the archive's names are: per-article canonical names grouped into identities (one person across
// articles), and the folding every name look-up shares. Ingestion runs it surname group by surname group
// (dictionary.ts): an identity depends only on the names that share its surname.
import { foldText } from "../../extract/text.ts";
import type { NameEntry } from "../store.ts";

/** One person or organisation across the archive: the per-article canonical names that are them. */
export interface Identity {
  /** The folded name: what tells two identities apart. */
  key: string;
  name: string;
  kind: "person" | "organisation";
  /** The canonical names articles gave them ("George Osborne", and "Osborne" where an article never said more). */
  members: string[];
  aliases: string[];
  /** Aliases that are forms of the name itself (surname, initials), not roles: what a quote mentioning them says. */
  nameForms: string[];
  articles: number;
}

/** What separates the words of a name: spaces and hyphens. */
export const SEPARATOR = /[\s-]+/;

/** foldText, without its Unicode passes for plain ASCII with single spaces (most names): same result. */
const PLAIN = /^[\x21-\x5f\x61-\x7e]+(?: [\x21-\x5f\x61-\x7e]+)*$/;
export function fold(s: string): string {
  return PLAIN.test(s) ? s.toLowerCase() : foldText(s);
}

/**
 * The surname group of a per-article name: the last word of the folded name. Every name whose identity
 * could depend on another's shares its group (a one-word name with the fuller names ending in it), so
 * ingestion re-decides identities for the groups a transaction touched, and nothing else.
 */
export function nameGroup(person: string): string {
  return fold(person).split(" ").at(-1)!;
}

/** A names row with its place in the dictionary's order (first seen first). */
export interface OrderedNameEntry extends NameEntry {
  ord: number;
}

/** Where an identity stands among equals (same number of articles): fuller names first, then first seen first. */
export interface PlacedIdentity extends Identity {
  phase: 0 | 1;
  ord: number;
}

/**
 * Groups per-article names into identities. A one-word name ("Osborne") joins the single fuller name that
 * ends with it ("George Osborne"); when two people share it (Owen Smith, Iain Duncan Smith), it stays apart
 * rather than merging them. Fuller names are indexed by surname once, so this is linear in the names.
 */
export function clusterIdentities(entries: OrderedNameEntry[], fold: (s: string) => string): PlacedIdentity[] {
  const byPerson = new Map<string, { kind: NameEntry["kind"]; aliases: Set<string>; articles: number; ord: number }>();
  for (const e of entries) {
    let p = byPerson.get(e.person);
    if (!p) byPerson.set(e.person, (p = { kind: e.kind, aliases: new Set<string>(), articles: 0, ord: e.ord }));
    p.aliases.add(e.alias);
    if (e.alias === e.person) p.articles = Math.max(p.articles, e.articles);
  }
  // In the order keys were first set (a key set again keeps its place): fuller names, then one-word names.
  const identities = new Map<string, PlacedIdentity>();
  // Person identities by the last space-separated word of their folded name.
  const bySurname = new Map<string, PlacedIdentity[]>();
  const surnameOf = (id: Identity) => fold(id.name).split(" ").at(-1)!;
  const put = (key: string, id: PlacedIdentity) => {
    const old = identities.get(key);
    if (old === id) return;
    if (old) [id.phase, id.ord] = [old.phase, old.ord];
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
    put(fold(name), placed(makeIdentity(fold(name), name, p.kind), 0, p.ord));
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
    const id = fuller.length === 1 ? fuller[0] : placed(makeIdentity(surname, name, "person"), 1, byPerson.get(name)!.ord);
    put(fold(id.name), id);
    join(id, name);
  }
  return [...identities.values()];
}

function placed(id: Identity, phase: 0 | 1, ord: number): PlacedIdentity {
  return Object.assign(id, { phase, ord });
}

/** An identity whose name forms are worked out when first asked for (a query about them), not for every name read. */
export function makeIdentity(key: string, name: string, kind: Identity["kind"], members: string[] = [], aliases: string[] = [], articles = 0): Identity {
  let forms: string[] | null = null;
  const id: Identity = {
    key,
    name,
    kind,
    members,
    aliases,
    articles,
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
  const initials = id.name
    .split(SEPARATOR)
    .map((w) => w[0])
    .join("")
    .toUpperCase();
  return id.aliases.filter((a) => {
    if (a === initials && a.length >= 2) return true;
    const ws = fold(a).split(SEPARATOR);
    return ws.every((w) => words.has(w)) && (ws.length > 1 || a.length >= 3);
  });
}

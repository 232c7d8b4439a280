// The name dictionary as the archive keeps it, worked out here once for both stores: identities (who each
// per-article name is), alias → identity pairs, the aliases with their words, and the words' one-letter
// deletions (the typo index). A store reads and writes the rows; what the rows are is decided here, by
// pure functions of the names rows of a few surname groups, so a transaction re-decides only what it touched.
import { SEPARATOR, clusterIdentities, fold, nameGroup, type OrderedNameEntry, type PlacedIdentity } from "./identities.ts";

export interface IdentityRow {
  key: string;
  grp: string;
  name: string;
  kind: "person" | "organisation";
  articles: number;
  phase: 0 | 1;
  ord: number;
  members: string[];
  aliases: string[];
  /** The distinct words of the aliases that name it (space-separated): for prefix look-ups. */
  words: string;
}

/** An alias (folded) naming an identity: first seen at names row `first`, written `text` there. */
export interface AliasPair {
  alias: string;
  identity: string;
  grp: string;
  first: number;
  text: string;
}

/** An alias of the dictionary: its place (first seen), how it was first written, its number of words. */
export interface AliasRow {
  key: string;
  ord: number;
  text: string;
  pairs: number;
  words: number;
}

/** Everything the dictionary holds, as tests and checks compare it with a rebuild. */
export interface DictionaryDump {
  identities: IdentityRow[];
  pairs: AliasPair[];
  aliases: AliasRow[];
  words: { word: string; aliases: number }[];
  wordAliases: { word: string; alias: string }[];
  deletes: { variant: string; word: string }[];
}

/** An identities row as both stores select it (alias `i`), and their answer order (byRank) in SQL. */
export const IDENTITY_COLUMNS = "i.key, i.grp, i.name, i.kind, i.articles, i.phase, i.ord, i.members, i.aliases, i.words";
export const RANK = "i.articles DESC, i.phase, i.ord";
/** Past the last character of any word that starts with a prefix (`word >= p AND word < p + PREFIX_END`). */
export const PREFIX_END = "\u{10FFFF}";

/** Answer order among identities: most written-about first, then fuller names, then first seen. */
export function byRank(a: { articles: number; phase: number; ord: number }, b: { articles: number; phase: number; ord: number }): number {
  return b.articles - a.articles || a.phase - b.phase || a.ord - b.ord;
}

/** The identities and alias pairs of the surname groups whose names rows these are (in dictionary order). */
export function planGroups(entries: OrderedNameEntry[]): { identities: IdentityRow[]; pairs: AliasPair[] } {
  const folded = new Map<string, string>();
  const f = (x: string) => {
    let k = folded.get(x);
    if (k === undefined) folded.set(x, (k = fold(x)));
    return k;
  };
  const sorted = [...entries].sort((a, b) => a.ord - b.ord);
  const placed = clusterIdentities(sorted, f);
  // A name in two identities (a rare clash of spellings) counts for the later one, as look-ups always did.
  const memberOf = new Map<string, PlacedIdentity>();
  for (const id of placed) for (const m of id.members) memberOf.set(m, id);
  const pairs = new Map<string, AliasPair>();
  const words = new Map<PlacedIdentity, Set<string>>();
  for (const e of sorted) {
    const id = memberOf.get(e.person);
    if (!id) continue;
    const alias = f(e.alias);
    const k = `${alias}\u0000${id.key}`;
    if (pairs.has(k)) continue;
    pairs.set(k, { alias, identity: id.key, grp: nameGroup(id.name), first: e.ord, text: e.alias });
    let set = words.get(id);
    if (!set) words.set(id, (set = new Set()));
    for (const w of aliasWords(alias)) set.add(w);
  }
  const identities = placed.map((id) => ({
    key: id.key,
    grp: nameGroup(id.name),
    name: id.name,
    kind: id.kind,
    articles: id.articles,
    phase: id.phase,
    ord: id.ord,
    members: id.members,
    aliases: id.aliases,
    words: [...(words.get(id) ?? [])].sort().join(" "),
  }));
  return { identities, pairs: [...pairs.values()] };
}

/** The distinct words of a folded alias. */
export function aliasWords(alias: string): string[] {
  return [...new Set(alias.split(SEPARATOR))].filter((w) => w !== "");
}

/** A word with one letter deleted, each once (SymSpell's dictionary side); none for words under three letters. */
export function deletionsOf(word: string): string[] {
  if (word.length < 3) return [];
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/** What changes in the aliases, their words and the words' deletions when the pairs of some aliases changed. */
export interface AliasChange {
  put: AliasRow[];
  drop: string[];
  /** Aliases new to the dictionary and gone from it: their words are counted in or out. */
  added: string[];
  removed: string[];
}

/**
 * Aliases `touched` (their pairs were rewritten): `pairs` are all their pairs now, `before` their rows
 * before. An alias with no pair left goes; the others take the place and spelling of their first pair.
 */
export function planAliases(touched: Iterable<string>, pairs: { alias: string; first: number; text: string }[], before: AliasRow[]): AliasChange {
  const now = new Map<string, AliasRow>();
  for (const p of pairs) {
    const a = now.get(p.alias);
    if (!a) now.set(p.alias, { key: p.alias, ord: p.first, text: p.text, pairs: 1, words: p.alias.split(SEPARATOR).length });
    else {
      a.pairs++;
      if (p.first < a.ord) [a.ord, a.text] = [p.first, p.text];
    }
  }
  const old = new Map(before.map((a) => [a.key, a]));
  const change: AliasChange = { put: [], drop: [], added: [], removed: [] };
  for (const key of new Set(touched)) {
    const a = now.get(key);
    const b = old.get(key);
    if (!a) {
      if (b) {
        change.drop.push(key);
        change.removed.push(key);
      }
      continue;
    }
    if (!b) change.added.push(key);
    if (!b || b.ord !== a.ord || b.text !== a.text || b.pairs !== a.pairs) change.put.push(a);
  }
  return change;
}

/** The (word, alias) rows of aliases new to the dictionary and of those gone from it. */
export function wordAliasRows(change: AliasChange): { add: { word: string; alias: string }[]; drop: { word: string; alias: string }[] } {
  const rows = (keys: string[]) => keys.flatMap((alias) => aliasWords(alias).map((word) => ({ word, alias })));
  return { add: rows(change.added), drop: rows(change.removed) };
}

/** How many aliases each word gains or loses. */
export function wordDelta(change: AliasChange): Map<string, number> {
  const delta = new Map<string, number>();
  const { add, drop } = wordAliasRows(change);
  for (const r of add) delta.set(r.word, (delta.get(r.word) ?? 0) + 1);
  for (const r of drop) delta.set(r.word, (delta.get(r.word) ?? 0) - 1);
  return delta;
}

/** Words' new alias counts from their counts before (absent: 0): which to write and which go, with their deletions. */
export function planWords(delta: Map<string, number>, before: Map<string, number>) {
  const put: { word: string; aliases: number }[] = [];
  const gone: string[] = [];
  const born: string[] = [];
  for (const [word, n] of delta) {
    if (n === 0) continue;
    const was = before.get(word) ?? 0;
    const is = was + n;
    if (is <= 0) gone.push(word);
    else put.push({ word, aliases: is });
    if (was === 0 && is > 0) born.push(word);
  }
  const deletions = (words: string[]) => words.flatMap((word) => deletionsOf(word).map((variant) => ({ variant, word })));
  return { put, gone, deletes: deletions(born), undeletes: deletions(gone) };
}

/** An identities row as a store gives it back (members and aliases as JSON text). */
export function toIdentityRow(r: Record<string, unknown>): IdentityRow {
  return {
    key: r.key as string,
    grp: r.grp as string,
    name: r.name as string,
    kind: r.kind as IdentityRow["kind"],
    articles: r.articles as number,
    phase: r.phase as 0 | 1,
    ord: r.ord as number,
    members: JSON.parse(r.members as string) as string[],
    aliases: JSON.parse(r.aliases as string) as string[],
    words: r.words as string,
  };
}

/** A name_word_aliases row joined with its name_aliases row (`word`, then the alias's columns), as aliasesWithWords answers. */
export function toWordAlias(r: Record<string, unknown>): { word: string; alias: AliasRow } {
  return {
    word: r.word as string,
    alias: { key: r.key as string, ord: r.ord as number, text: r.text as string, pairs: r.pairs as number, words: r.words as number },
  };
}

/** name_deletes rows (variant, word) as nameWords answers them: each variant's words, in the order read. */
export function deletesByVariant(rows: Record<string, unknown>[]): Map<string, string[]> {
  const deletes = new Map<string, string[]>();
  for (const r of rows) {
    const l = deletes.get(r.variant as string);
    if (l) l.push(r.word as string);
    else deletes.set(r.variant as string, [r.word as string]);
  }
  return deletes;
}

/** Every row of the dictionary, each table in a fixed order, read by `all` (how a store runs one SELECT). */
export async function dumpDictionary(all: (sql: string) => Record<string, unknown>[] | Promise<Record<string, unknown>[]>): Promise<DictionaryDump> {
  return {
    identities: (await all(`SELECT ${IDENTITY_COLUMNS} FROM identities i ORDER BY i.key`)).map(toIdentityRow),
    pairs: (await all("SELECT alias, identity, grp, first, text FROM name_pairs ORDER BY alias, identity")) as never,
    aliases: (await all("SELECT key, ord, text, pairs, words FROM name_aliases ORDER BY key")) as never,
    words: (await all("SELECT word, aliases FROM name_words ORDER BY word")) as never,
    wordAliases: (await all("SELECT word, alias FROM name_word_aliases ORDER BY word, alias")) as never,
    deletes: (await all("SELECT variant, word FROM name_deletes ORDER BY variant, word")) as never,
  };
}

/** Alias → its identities, in answer order (most written-about first, then the pair first seen), from pair + identity rows. */
export function aliasIdentities(rows: Record<string, unknown>[]): AliasIdentities[] {
  const byAlias = new Map<string, { hit: AliasIdentities; firsts: Map<IdentityRow, number> }>();
  for (const r of rows) {
    const alias = r.pair_alias as string;
    const first = r.pair_first as number;
    let a = byAlias.get(alias);
    if (!a) byAlias.set(alias, (a = { hit: { key: alias, text: r.pair_text as string, ord: first, identities: [] }, firsts: new Map() }));
    else if (first < a.hit.ord) [a.hit.ord, a.hit.text] = [first, r.pair_text as string];
    const id = toIdentityRow(r);
    a.hit.identities.push(id);
    a.firsts.set(id, first);
  }
  return [...byAlias.values()].map(({ hit, firsts }) => {
    hit.identities.sort((x, y) => y.articles - x.articles || firsts.get(x)! - firsts.get(y)!);
    return hit;
  });
}

/** The identities one alias names, in answer order, with the alias as first written. */
export interface AliasIdentities {
  key: string;
  text: string;
  ord: number;
  identities: IdentityRow[];
}

/** The whole dictionary made from scratch from every names row: what the kept one must always equal. */
export function rebuildDictionary(entries: OrderedNameEntry[]): DictionaryDump {
  const { identities, pairs } = planGroups(entries);
  const change = planAliases(
    pairs.map((p) => p.alias),
    pairs,
    [],
  );
  const wordAliases = wordAliasRows(change).add;
  const words = new Map<string, number>();
  for (const r of wordAliases) words.set(r.word, (words.get(r.word) ?? 0) + 1);
  const by =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    identities: identities.sort(by((i) => i.key)),
    pairs: pairs.sort(by((p) => `${p.alias}\u0000${p.identity}`)),
    aliases: change.put.sort(by((a) => a.key)),
    words: [...words].map(([word, aliases]) => ({ word, aliases })).sort(by((w) => w.word)),
    wordAliases: wordAliases.sort(by((r) => `${r.word}\u0000${r.alias}`)),
    deletes: [...words.keys()].flatMap((word) => deletionsOf(word).map((variant) => ({ variant, word }))).sort(by((d) => `${d.variant}\u0000${d.word}`)),
  };
}

// People and organisations named in an article, the other names it uses for them (surname, Mr X,
// initials, roles), and where each is mentioned: what speaker attribution and /who build on.
// Two people who share a surname stay two people: a bare surname only resolves when it is unambiguous.
import { FEMALE_NAMES, GIVEN_NAMES, NOT_NAME, ORG_WORDS, ROLE_WORDS, TITLES } from "./names.ts";
import type { ArticleText, Person } from "./types.ts";

export interface Mention {
  paragraph: number;
  start: number;
  end: number;
  /** Canonical name. */
  name: string;
}

export interface PeopleIndex {
  people: Person[];
  /** Every place a person or organisation is named, in reading order. */
  mentions: Mention[];
  /** The canonical name for a name, surname, initials or role used in this article; null when unknown or ambiguous. */
  resolve(name: string): string | null;
  /** "m", "f" or null when the article does not tell. */
  gender(name: string): "m" | "f" | null;
  kind(name: string): Person["kind"] | null;
}

// A run of capitalised words, allowing name particles and hyphens/apostrophes inside words.
const CAPITAL_RUN = /(?<![\p{L}\p{N}])(?:[\p{Lu}][\p{L}\p{M}'’.-]*)(?:\s+(?:(?:de|van|von|der|den|da|di|du|le|la|bin|al|del|dos|ter|of|for|and)\s+)?[\p{Lu}][\p{L}\p{M}'’.-]*)*/gu;

// Words that end a role phrase when reading backwards from its role word.
const ROLE_STOP = new Set("and or but the a an of with to by from for in on at as his her their its our said says told who which that".split(" "));

interface Raw {
  paragraph: number;
  start: number;
  end: number;
  tokens: string[];
  kind: "person" | "organisation" | "maybe";
  gender: "m" | "f" | null;
  role: string | null;
}

export function findPeople(article: ArticleText): PeopleIndex {
  const raws: Raw[] = [];
  article.paragraphs.forEach((text, i) => {
    for (const m of text.matchAll(CAPITAL_RUN)) {
      for (const part of splitRun(m[0], m.index!)) raws.push(...readRun(text, part.at, part.run, i + 1));
    }
  });

  // Persons: multi-word names, longest form first so shorter forms ("Duncan Smith") join them.
  const persons: { tokens: string[]; kind: Person["kind"]; gender: "m" | "f" | null; roles: Set<string>; aliases: Set<string>; mentions: number }[] = [];
  const surnameUse = new Set(raws.filter((r) => r.tokens.length === 1).map((r) => r.tokens[0].toLowerCase()));
  const multi = raws.filter((r) => r.tokens.length > 1 && r.kind !== "organisation");
  const isPerson = (r: Raw) => r.kind === "person" || surnameUse.has(r.tokens[r.tokens.length - 1].toLowerCase());
  for (const r of [...multi].filter(isPerson).sort((a, b) => b.tokens.length - a.tokens.length)) {
    const key = r.tokens.map((t) => t.toLowerCase());
    const host = persons.find((p) => p.kind === "person" && endsWith(p.tokens.map((t) => t.toLowerCase()), key));
    if (host) {
      host.aliases.add(r.tokens.join(" "));
      continue;
    }
    persons.push({ tokens: r.tokens, kind: "person", gender: null, roles: new Set(), aliases: new Set(), mentions: 0 });
  }
  const personInitials = new Set(persons.filter((p) => p.tokens.length >= 2).map((p) => p.tokens.map((t) => t[0].toUpperCase()).join("")));
  for (const r of raws.filter((x) => x.kind === "organisation")) {
    const key = r.tokens.join(" ").toLowerCase();
    if (r.tokens.length === 1 && personInitials.has(r.tokens[0])) continue;
    if (!persons.some((p) => p.tokens.join(" ").toLowerCase() === key)) {
      persons.push({ tokens: r.tokens, kind: "organisation", gender: null, roles: new Set(), aliases: new Set(), mentions: 0 });
    }
  }

  // Every mention resolved to a person: full forms, suffixes ("Duncan Smith"), a unique surname, initials.
  const nameOf = (p: (typeof persons)[number]) => canonical(p.tokens);
  const bySurname = new Map<string, (typeof persons)[number][]>();
  for (const p of persons.filter((x) => x.kind === "person")) {
    const s = p.tokens[p.tokens.length - 1].toLowerCase();
    bySurname.set(s, [...(bySurname.get(s) ?? []), p]);
  }
  const initialsOf = new Map<string, (typeof persons)[number]>();
  for (const p of persons.filter((x) => x.kind === "person" && x.tokens.length >= 2)) initialsOf.set(p.tokens.map((t) => t[0].toUpperCase()).join(""), p);
  const orgByAcronym = new Map<string, (typeof persons)[number]>();
  for (const p of persons.filter((x) => x.kind === "organisation" && x.tokens.length >= 2)) {
    orgByAcronym.set(p.tokens.filter((t) => !/^(of|for|and|the)$/i.test(t)).map((t) => t[0].toUpperCase()).join(""), p);
  }

  const byKey = new Map<string, (typeof persons)[number]>();
  for (const x of persons) {
    const k = x.tokens.map((t) => t.toLowerCase()).join(" ");
    if (!byKey.has(k)) byKey.set(k, x);
  }
  const mentions: Mention[] = [];
  for (const r of raws) {
    const key = r.tokens.map((t) => t.toLowerCase());
    let p = byKey.get(key.join(" "))
      ?? persons.find((x) => x.kind === "person" && key.length > 1 && endsWith(x.tokens.map((t) => t.toLowerCase()), key));
    if (!p && key.length === 1) {
      const same = bySurname.get(key[0]) ?? [];
      if (same.length === 1) p = same[0];
      else if (/^\p{Lu}{2,5}$/u.test(r.tokens[0])) p = initialsOf.get(r.tokens[0]) ?? orgByAcronym.get(r.tokens[0]);
    }
    if (!p) continue;
    const form = r.tokens.join(" ");
    if (form.toLowerCase() !== nameOf(p).toLowerCase()) p.aliases.add(form);
    if (r.role) p.roles.add(r.role);
    if (r.gender && !p.gender) p.gender = r.gender;
    p.mentions++;
    mentions.push({ paragraph: r.paragraph, start: r.start, end: r.end, name: nameOf(p) });
  }
  for (const p of persons) {
    if (p.kind !== "person" || p.gender) continue;
    const first = p.tokens[0].toLowerCase();
    if (FEMALE_NAMES.has(first)) p.gender = "f";
    else if (GIVEN_NAMES.has(first)) p.gender = "m";
  }

  const people: Person[] = persons
    .filter((p) => p.mentions > 0)
    .map((p) => {
      const name = nameOf(p);
      const aliases = new Set(p.aliases);
      for (const role of p.roles) aliases.add(role);
      // The surname is how later mentions and journalists name someone, unless two people here share it.
      if (p.kind === "person" && p.tokens.length > 1) {
        const surname = p.tokens[p.tokens.length - 1];
        if ((bySurname.get(surname.toLowerCase()) ?? []).length === 1) aliases.add(p.tokens.length > 2 && p.aliases.has(p.tokens.slice(-2).join(" ")) ? p.tokens.slice(-2).join(" ") : surname);
      }
      aliases.delete(name);
      return { name, kind: p.kind, aliases: [...aliases], roles: [...p.roles], mentions: p.mentions };
    });

  const aliasMap = new Map<string, Set<string>>();
  for (const p of people) {
    for (const a of [p.name, ...p.aliases]) {
      const k = aliasKey(a);
      aliasMap.set(k, (aliasMap.get(k) ?? new Set()).add(p.name));
    }
  }
  const genders = new Map(persons.map((p) => [nameOf(p), p.gender]));
  const kinds = new Map(people.map((p) => [p.name, p.kind]));
  return {
    people,
    mentions,
    resolve(name) {
      const set = aliasMap.get(aliasKey(name));
      if (set?.size === 1) return [...set][0];
      const tokens = aliasKey(name).split(" ");
      if (tokens.length === 1 && /^\p{Lu}{2,5}$/u.test(name.trim())) {
        const p = initialsOf.get(name.trim()) ?? orgByAcronym.get(name.trim());
        if (p) return nameOf(p);
      }
      return null;
    },
    gender: (name) => genders.get(name) ?? null,
    kind: (name) => kinds.get(name) ?? null,
  };
}

/**
 * A capital run can hold several names: "Labour's Owen Smith" (a possessive ends the first), "be OK. We're"
 * (a full stop ends a sentence, unless it follows an initial or a title).
 */
function splitRun(run: string, at: number): { run: string; at: number }[] {
  const parts: { run: string; at: number }[] = [];
  const re = /\S+/g;
  let start = -1;
  let last = -1;
  for (const m of run.matchAll(re)) {
    if (start < 0) start = m.index!;
    last = m.index! + m[0].length;
    const word = m[0];
    const ends = /['’]s$/.test(word) || (/\.$/.test(word) && !/^\p{Lu}\.$/u.test(word) && !(word.slice(0, -1).toLowerCase() in TITLES));
    if (ends) {
      parts.push({ run: run.slice(start, last), at: at + start });
      start = -1;
    }
  }
  if (start >= 0) parts.push({ run: run.slice(start, last), at: at + start });
  return parts;
}

/** A capital run, cleaned: opening words that are not names dropped, titles and roles read off. */
function readRun(text: string, at: number, run: string, paragraph: number): Raw[] {
  let tokens = run.split(/\s+/);
  let offset = at;
  const advance = (n: number) => {
    for (let i = 0; i < n; i++) offset += tokens[i].length + (text.slice(offset + tokens[i].length).match(/^\s+/)?.[0].length ?? 0);
    tokens = tokens.slice(n);
  };
  // Possessives and trailing punctuation belong to the sentence, not the name.
  const strip = (t: string) => t.replace(/['’]s$/, "").replace(/[.'’-]+$/, "");
  let gender: "m" | "f" | null = null;
  let role: string[] = [];
  const roleStart = offset;
  while (tokens.length) {
    const low = strip(tokens[0]).toLowerCase();
    if (NOT_NAME.has(low) || low === "") advance(1);
    else if (low in TITLES && tokens.length > 1) {
      gender = TITLES[low] ?? gender;
      advance(1);
    } else if (ROLE_WORDS.has(low) && tokens.length > 1) {
      role.push(strip(tokens[0]));
      advance(1);
    } else break;
  }
  if (tokens.length === 0) return [];
  // "Tory MP Peter Bone": the words up to the last role word are the role, the rest the name.
  const lastRole = tokens.slice(0, -1).map((t) => strip(t).toLowerCase()).findLastIndex((t) => ROLE_WORDS.has(t));
  if (lastRole >= 0 && !tokens.some((t) => ORG_WORDS.has(strip(t).toLowerCase()))) {
    role.push(...tokens.slice(0, lastRole + 1).map(strip));
    advance(lastRole + 1);
  }
  // Split at "and"/"of" joins only for persons; organisations keep them ("Institute for Fiscal Studies").
  const cleaned = tokens.map(strip).filter((t) => t !== "");
  if (cleaned.length === 0) return [];
  const lower = cleaned.map((t) => t.toLowerCase());
  const end = offset + tokens.join(" ").replace(/['’]s$/, "").replace(/[.'’-]+$/, "").length;
  const isOrg = lower.some((t) => ORG_WORDS.has(t)) || (cleaned.length === 1 && /^\p{Lu}{2,6}$/u.test(cleaned[0]) && !TITLES[lower[0]]);
  const parts = tokens.join(" ").split(/\s+(?:and|for|of)\s+/);
  if (!isOrg && parts.length > 1) {
    // "Duncan Smith and Cameron": two names, not one.
    const out: Raw[] = [];
    let pos = offset;
    for (const part of parts) {
      const i = text.indexOf(part, pos);
      if (i >= 0) out.push(...readRun(text, i, part, paragraph));
      pos = i + part.length;
    }
    return out;
  }
  // A lower-case role just before the name: "chief economist Jean-Philippe Cotis", "housing minister Yvette Cooper".
  if (role.length === 0) {
    // Plain word splitting, not a backtracking pattern: this runs for every name in every article.
    const prevText = text.slice(Math.max(0, roleStart - 60), roleStart);
    const prevWords = /\s$/.test(prevText) ? prevText.trim().split(/\s+/).slice(-4) : [];
    const lastWord = prevWords[prevWords.length - 1] ?? "";
    if (/^[\p{L}'’-]+$/u.test(lastWord) && ROLE_WORDS.has(lastWord.toLowerCase())) {
      // The role is the run of plain words that ends at the role word: "housing minister", "chief economist".
      let from = prevWords.length - 1;
      while (from > 0 && /^[\p{L}'’-]+$/u.test(prevWords[from - 1]) && !ROLE_STOP.has(prevWords[from - 1].toLowerCase())) from--;
      role = prevWords.slice(from);
    }
  }
  const roleText = role.length ? (role.join(" ") === text.slice(roleStart, offset).trim() || roleStart === offset ? role.join(" ") : text.slice(roleStart, offset).trim()) : null;
  let kind: Raw["kind"] = isOrg ? "organisation" : "maybe";
  if (!isOrg && (gender !== null || role.length > 0 || lower[0].split("-").every((w) => GIVEN_NAMES.has(w)) || (/^\p{Lu}{2,}$/u.test(cleaned[0]) && cleaned.slice(1).some((t) => /\p{Ll}/u.test(t))))) kind = "person";
  // Where a name stands tells too: "the producer Quincy Jones", "Quincy Jones, who…", "Quincy Jones said".
  if (kind === "maybe" && !isOrg && cleaned.length > 1) {
    const next = text.slice(end, end + 24);
    const prev = text.slice(Math.max(0, offset - 30), offset);
    if (/^,\s+(?:who|the|a|an|his|her|its)\b|^\s+(?:said|says|told|tells|added|adds|wrote|explained|insisted|warned)\b/.test(next) || /\b(?:the|a|an|his|her|their)\s+[a-z-]+\s+$/.test(prev)) kind = "person";
  }
  if (!isOrg && cleaned.length === 1 && gender === null && role.length === 0) kind = "maybe";
  if (!isOrg && cleaned.length > 4) return [];
  return [{ paragraph, start: offset, end, tokens: cleaned, kind, gender, role: roleText ? roleText.replace(/['’]s$/, "") : null }];
}

function endsWith(whole: string[], part: string[]): boolean {
  if (part.length > whole.length) return false;
  return part.every((t, i) => whole[whole.length - part.length + i] === t);
}

/** The name as a reader writes it: an all-capitals opening word ("IAIN Duncan Smith") in title case. */
function canonical(tokens: string[]): string {
  const mixed = tokens.some((t) => /\p{Ll}/u.test(t));
  return tokens.map((t) => (mixed && t.length > 3 && /^\p{Lu}+$/u.test(t) ? t[0] + t.slice(1).toLowerCase() : t)).join(" ");
}

function aliasKey(name: string): string {
  return name.toLowerCase().replace(/['’]s$/, "").replace(/^(the|a|an|former)\s+/, "").replace(/\s+/g, " ").trim();
}

// People and organisations named in an article, the other names it uses for them (surname, Mr X,
// initials, roles), and where each is mentioned: what speaker attribution and /who build on.
// Two people who share a surname stay two people: a bare surname only resolves when it is unambiguous.
import { FEMALE_NAMES, GIVEN_NAMES, NOT_NAME, ORG_WORDS, PLACE_WORDS, ROLE_WORDS, THING_WORDS, TITLES } from "./names.ts";
import { readParagraphs, type ParagraphReading } from "./paragraphs.ts";
import { matchesOf } from "./text.ts";
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

// Title words as a Set: `word in TITLES` on a freshly lower-cased word costs a string-table probe on every
// word read (and `in` also saw the keys every object inherits: "Constructor" was read as a title).
const TITLE_WORDS = new Set(Object.keys(TITLES));
const isTitleWord = (w: string) => TITLE_WORDS.has(w);

// Words that, with place names, make a run a place: "United States", "North Korea".
const PLACE_QUALIFIERS = new Set("great united new north south east west northern southern continental".split(" "));

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

export function findPeople(article: ArticleText, read: Pick<ParagraphReading, "quotes"> = readParagraphs(article)): PeopleIndex {
  const raws: Raw[] = [];
  article.paragraphs.forEach((text, i) => {
    // A capitalised phrase that fills a pair of quote marks is a title ("Hit The Road Jack"), not a name.
    const titles = read.quotes[i].filter((q) => q.end - q.start < 60 && /^(?:(?:\p{Lu}[\p{L}'’-]*|the|of|and|a|in|on|to)(?:[\s,!?.]+|$))+$/u.test(text.slice(q.start, q.end)));
    for (const m of matchesOf(text, CAPITAL_RUN)) {
      // Most runs are one ordinary word that opens a sentence ("The", "But"): skip them before any work.
      if (!m[0].includes(" ") && NOT_NAME.has(m[0].toLowerCase())) continue;
      if (titles.some((q) => q.start === m.index && m.index + m[0].length >= q.end - 1 && m[0].includes(" "))) continue;
      for (const part of splitRun(m[0], m.index!)) raws.push(...readRun(text, part.at, part.run, i + 1));
    }
  });

  // Persons: multi-word names, longest form first so shorter forms ("Duncan Smith") join them.
  const persons: Entry[] = [];
  // A word used alone is a surname in use ("Hoddle said"), unless it is a common noun's capital ("the Act").
  const surnameUse = new Set(
    raws
      .filter((r) => r.tokens.length === 1 && !/\bthe\s+$/i.test(article.paragraphs[r.paragraph - 1].slice(Math.max(0, r.start - 5), r.start)))
      .map((r) => r.tokens[0].toLowerCase()),
  );
  const multi = raws.filter((r) => r.tokens.length > 1 && r.kind !== "organisation");
  const isPerson = (r: Raw) => r.kind === "person" || surnameUse.has(r.tokens[r.tokens.length - 1].toLowerCase());
  for (const r of [...multi].filter(isPerson).sort((a, b) => b.tokens.length - a.tokens.length)) {
    const key = r.tokens.map((t) => t.toLowerCase());
    const host = persons.find((p) => p.kind === "person" && (endsWith(p.lower, key) || sameButShortened(p.tokens, r.tokens)));
    if (host) {
      host.aliases.add(r.tokens.join(" "));
      continue;
    }
    persons.push(entry(r.tokens, "person"));
  }
  // A lone capitalised word that is nobody's name part yet acts as a subject ("Intel filed…", "Sony said") is a
  // company, club or body: it can be a source, and "it" can point back to it.
  const nameParts = new Set(persons.flatMap((p) => p.tokens.map((t) => t.toLowerCase())));
  for (const r of raws) {
    if (r.tokens.length !== 1 || r.kind !== "maybe" || nameParts.has(r.tokens[0].toLowerCase()) || GIVEN_NAMES.has(r.tokens[0].toLowerCase())) continue;
    if (/(?:ish|ese|ian|an|i)$/.test(r.tokens[0]) || r.tokens[0].length < 3) continue; // nationalities: "British", "Japanese", "Iraqi"
    // A capitalised plural opening a sentence is a common noun: "Analysts said", "Organisers announced".
    const opensSentence = /(?:^|[.!?]["”’]?\s+)$/.test(article.paragraphs[r.paragraph - 1].slice(Math.max(0, r.start - 4), r.start));
    if (opensSentence && /s$/.test(r.tokens[0])) continue;
    const next = /^\s+(?:has\s+|have\s+|had\s+|also\s+|will\s+)?([a-z]+)/.exec(article.paragraphs[r.paragraph - 1].slice(r.end, r.end + 30))?.[1];
    if (next && (/^(?:said|says|filed|announced|reported|added|warned|confirmed|denied|insisted|claimed|argued|stated|told|plans|wants|agreed|refused)$/.test(next))) r.kind = "organisation";
  }
  const personInitials = new Set(persons.filter((p) => p.tokens.length >= 2).map((p) => p.tokens.map((t) => t[0].toUpperCase()).join("")));
  // Every name form already listed, so each organisation mention is one lookup rather than a scan of the list.
  const listed = new Set(persons.map((p) => p.tokens.join(" ").toLowerCase()));
  for (const r of raws.filter((x) => x.kind === "organisation")) {
    const key = r.tokens.join(" ").toLowerCase();
    if (r.tokens.length === 1 && personInitials.has(r.tokens[0])) continue;
    if (!listed.has(key)) {
      persons.push(entry(r.tokens, "organisation"));
      listed.add(key);
    }
  }

  // Every mention resolved to a person: full forms, suffixes ("Duncan Smith"), a unique surname, initials.
  const nameOf = (p: Entry) => p.name;
  const bySurname = new Map<string, Entry[]>();
  for (const p of persons.filter((x) => x.kind === "person")) {
    const s = p.tokens[p.tokens.length - 1].toLowerCase();
    bySurname.set(s, [...(bySurname.get(s) ?? []), p]);
  }
  const initialsOf = new Map<string, Entry>();
  for (const p of persons.filter((x) => x.kind === "person" && x.tokens.length >= 2)) initialsOf.set(p.tokens.map((t) => t[0].toUpperCase()).join(""), p);
  const orgByAcronym = new Map<string, Entry>();
  for (const p of persons.filter((x) => x.kind === "organisation" && x.tokens.length >= 2)) {
    orgByAcronym.set(p.tokens.filter((t) => !/^(of|for|and|the)$/i.test(t)).map((t) => t[0].toUpperCase()).join(""), p);
  }

  const byKey = new Map<string, Entry>();
  for (const x of persons) {
    const k = x.lower.join(" ");
    if (!byKey.has(k)) byKey.set(k, x);
  }
  const mentions: Mention[] = [];
  for (const r of raws) {
    const key = r.tokens.map((t) => t.toLowerCase());
    let p = byKey.get(key.join(" "))
      ?? (key.length > 1 ? persons.find((x) => x.kind === "person" && endsWith(x.lower, key)) : undefined);
    if (!p && key.length === 1) {
      const same = bySurname.get(key[0]) ?? [];
      if (same.length === 1) p = same[0];
      else if (/^\p{Lu}{2,5}$/u.test(r.tokens[0])) p = initialsOf.get(r.tokens[0]) ?? orgByAcronym.get(r.tokens[0]);
    }
    if (!p) continue;
    const form = r.tokens.join(" ");
    if (form.toLowerCase() !== p.nameLower) p.aliases.add(form);
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
      // An organisation is named again by its last word: "the alliance", "the institute".
      if (p.kind === "organisation" && p.tokens.length > 1) {
        const head = p.tokens[p.tokens.length - 1].toLowerCase();
        if (ORG_WORDS.has(head) && !persons.some((o) => o !== p && o.kind === "organisation" && o.mentions > 0 && o.tokens[o.tokens.length - 1].toLowerCase() === head)) aliases.add(`the ${head}`);
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

/** A person or organisation being assembled; the lower-case tokens and the name are read many times, so kept. */
interface Entry {
  tokens: string[];
  lower: string[];
  name: string;
  nameLower: string;
  kind: Person["kind"];
  gender: "m" | "f" | null;
  roles: Set<string>;
  aliases: Set<string>;
  mentions: number;
}

function entry(tokens: string[], kind: Person["kind"]): Entry {
  const name = canonical(tokens);
  return {
    tokens, lower: tokens.map((t) => t.toLowerCase()), name, nameLower: name.toLowerCase(), kind,
    gender: null, roles: new Set(), aliases: new Set(), mentions: 0,
  };
}

/**
 * A capital run can hold several names: "Labour's Owen Smith" (a possessive ends the first), "be OK. We're"
 * (a full stop ends a sentence, unless it follows an initial or a title).
 */
function splitRun(run: string, at: number): { run: string; at: number }[] {
  // Most runs are one word, and one word is one part whatever it ends with.
  if (!/\s/.test(run)) return [{ run, at }];
  const parts: { run: string; at: number }[] = [];
  const re = /\S+/g;
  let start = -1;
  let last = -1;
  for (const m of matchesOf(run, re)) {
    if (start < 0) start = m.index!;
    last = m.index! + m[0].length;
    const word = m[0];
    const ends = isPossessive(word) || (word.endsWith(".") && !/^\p{Lu}\.$/u.test(word) && !isTitleWord(word.slice(0, -1).toLowerCase()));
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
  let toks = wordsOf(run, at);
  // Each word is compared in lower case many times over: lower it once.
  const lows = toks.map((t) => t.word.toLowerCase());
  const low = (i: number) => lows[i];
  // A sentence that opens with an adverb or a participle ("Putting Vioxx back…") does not lend it to the name.
  const sentenceStart = () => /(?:^|[.!?]["”’]?\s+)$/.test(text.slice(Math.max(0, at - 4), at));
  let gender: "m" | "f" | null = null;
  let roleFrom = -1;
  let roleTo = -1;
  let i = 0;
  for (; i < toks.length; i++) {
    const w = low(i);
    // "First Minister", "Second Lord": an ordinal that opens a role belongs to it.
    if (NOT_NAME.has(w) && !(/^(?:first|second|third)$/.test(w) && i < toks.length - 2 && ROLE_WORDS.has(low(i + 1)))) continue;
    if (NOT_NAME.has(w)) {
      if (roleFrom < 0) roleFrom = i;
      continue;
    }
    if (i === 0 && toks.length > 1 && /^\p{L}{4,}(?:ly|ing)$/u.test(w) && !GIVEN_NAMES.has(w) && sentenceStart()) continue;
    if (isTitleWord(w) && i < toks.length - 1) {
      gender = TITLES[w] ?? gender;
      continue;
    }
    if (ROLE_WORDS.has(w) && i < toks.length - 1 && !ORG_WORDS.has(low(i + 1))) {
      if (roleFrom < 0) roleFrom = i;
      roleTo = i + 1;
      continue;
    }
    break;
  }
  // "Liberal Democrat Alan Beith", "Treasury Paul Boateng", "Supreme Court Justice Stephen Breyer": a given name
  // or a title inside the run starts the person; the words before are an affiliation or a role.
  for (let k = i + 1; k < toks.length - 1; k++) {
    const w = low(k);
    const title = isTitleWord(w);
    if (!title && !(GIVEN_NAMES.has(w) && toks.length - k <= 3 && !GIVEN_NAMES.has(low(k - 1)))) continue;
    if (hasOrgWord(lows, k)) break;
    let lastPrefixRole = -1;
    for (let j = i; j < k; j++) if (ROLE_WORDS.has(low(j)) || isTitleWord(low(j))) lastPrefixRole = j;
    if (lastPrefixRole >= 0) {
      if (roleFrom < 0) roleFrom = i;
      roleTo = lastPrefixRole + 1;
    }
    if (title) gender = TITLES[w] ?? gender;
    i = title ? k + 1 : k;
    break;
  }
  // "Albanian Prime Minister Fatos Nano", "Tory MP Peter Bone": the words up to the last role word are the role.
  if (i < toks.length - 1) {
    let lastRole = -1;
    for (let k = toks.length - 2; k >= i && lastRole < 0; k--) if (ROLE_WORDS.has(low(k))) lastRole = k;
    const named = toks.length - lastRole - 1;
    if (lastRole >= i && named >= 1 && named <= 3 && !hasOrgWord(lows, i)) {
      if (roleFrom < 0) roleFrom = i;
      roleTo = lastRole + 1;
      i = lastRole + 1;
    }
  }
  // An organisation keeps its leading words: "Foreign Policy Centre" is not a Foreign someone.
  if (roleFrom >= 0 && roleTo === i && hasOrgWord(lows, i)) {
    i = roleFrom;
    roleFrom = -1;
  }
  const roleWords = roleFrom >= 0 ? toks.slice(roleFrom, roleTo).filter((t) => !isTitleWord(t.word.toLowerCase()) || ROLE_WORDS.has(t.word.toLowerCase())) : [];
  toks = toks.slice(i);
  if (toks.length === 0) return [];
  const words = toks.map((t) => t.word);
  const lower = lows.slice(i);
  const last = lower[lower.length - 1];
  if (THING_WORDS.has(last)) return [];
  // Countries and cities stand in sentences as subjects ("China's booming economy") but are not sources here.
  if (lower.every((t) => PLACE_WORDS.has(t) || PLACE_QUALIFIERS.has(t)) && lower.some((t) => PLACE_WORDS.has(t))) return [];
  const start = toks[0].at;
  const end = toks[toks.length - 1].at + toks[toks.length - 1].word.length;
  const acronymFirst = words.length > 1 && /^\p{Lu}{2,3}$/u.test(words[0]);
  const isOrg = acronymFirst || lower.some((t) => ORG_WORDS.has(t)) || (words.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]));
  if (!isOrg && lower.some((t) => t === "and" || t === "for" || t === "of")) {
    // "Duncan Smith and Cameron": two names, not one.
    const out: Raw[] = [];
    let from = 0;
    lower.forEach((t, j) => {
      if (t !== "and" && t !== "for" && t !== "of") return;
      if (j > from) out.push(...readRun(text, toks[from].at, text.slice(toks[from].at, toks[j - 1].at + toks[j - 1].word.length), paragraph));
      from = j + 1;
    });
    if (from < toks.length) out.push(...readRun(text, toks[from].at, text.slice(toks[from].at, end), paragraph));
    return out;
  }
  if (!isOrg && (words.length > 4 || (words.length > 1 && /^\p{L}$/u.test(last)))) return [];
  // A lower-case role just before the name: "chief economist Jean-Philippe Cotis", "housing minister Yvette Cooper".
  let role = roleWords.length ? text.slice(roleWords[0].at, roleWords[roleWords.length - 1].at + roleWords[roleWords.length - 1].word.length) : null;
  if (!role && !isOrg && endsInRoleWord(lastWordBefore(text, start))) {
    // Up to four words straight before the name (a regex anchored at the end would rescan the window).
    const window = text.slice(Math.max(0, start - 60), start);
    const tail = window.trimEnd().split(/\s+/);
    const phrase: string[] = [];
    for (let j = tail.length - 1; j >= 0 && phrase.length < 4 && /^[\p{L}'’-]+$/u.test(tail[j]); j--) phrase.unshift(tail[j]);
    // The role is the run of plain words that ends at the role word: "housing minister", "chief operating
    // officer", "Iraqi interim leader"; a function word or a verb form ends it ("by appointing psychologist").
    let from = phrase.length - 1;
    // A lower-case possessive ("the firm's") is not part of the role; a named one ("BT's") is.
    while (from > 0 && !ROLE_STOP.has(phrase[from - 1].toLowerCase()) && !NOT_NAME.has(phrase[from - 1].toLowerCase()) && !/^\p{Ll}.*['’]s$/u.test(phrase[from - 1])) from--;
    role = phrase.slice(from).join(" ");
  }
  let kind: Raw["kind"] = isOrg ? "organisation" : "maybe";
  const givenFirst = lower[0].includes("-") ? lower[0].split("-").every((w) => GIVEN_NAMES.has(w)) : GIVEN_NAMES.has(lower[0]);
  if (!isOrg && words.length > 1 && (gender !== null || role !== null || givenFirst || (/^\p{Lu}{2,}$/u.test(words[0]) && words.slice(1).some((t) => /\p{Ll}/u.test(t))))) kind = "person";
  // Where a name stands tells too: "the producer Quincy Jones", "Quincy Jones, who…", "Quincy Jones said".
  if (kind === "maybe" && words.length > 1) {
    const next = text.slice(end, end + 24);
    const prev = text.slice(Math.max(0, start - 30), start);
    // "Kurt Barnard, president of…", "Ann Lee, a senior analyst at…", "Gwen Ashcroft, the council's culture
    // lead": an apposition that is a role (after the possessive that says whose).
    const appos = /^,\s+(?:(?:a|an|the|its|his|her|their|former|senior|chief|deputy|acting|then)\s+)*(?:[\p{L}-]+['’]s\s+)?([a-z-]+)/u.exec(text.slice(end, end + 60));
    if (/^,\s+(?:who|his|her)\b|^\s+(?:said|says|told|tells|added|adds|wrote|explained|insisted|warned)\b/.test(next) || /\b(?:the|a|an|his|her|their)\s+[a-z-]+,?\s+$/.test(prev) || (appos && ROLE_WORDS.has(appos[1]))) kind = "person";
  }
  // A bare surname after a title ("Mr Thomas") is a person; without one it is left for the surname index to place.
  if (words.length === 1 && !isOrg) kind = gender !== null || roleFrom >= 0 ? "person" : "maybe";
  return [{ paragraph, start, end, tokens: words, kind, gender, role: role ? role.replace(/['’]s$/, "") : null }];
}

/** The words of a run with their offsets, each stripped of a possessive and trailing punctuation. */
function wordsOf(run: string, at: number): { at: number; word: string }[] {
  const out: { at: number; word: string }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(run); m; m = re.exec(run)) {
    const word = strip(m[0]);
    if (word !== "") out.push({ at: at + m.index, word });
  }
  return out;
}

/** "Labour's" → "Labour", "U.S." → "U.S": possessives and trailing punctuation belong to the sentence, not the name. */
function strip(word: string): string {
  const last = word[word.length - 1];
  // Most words end in a letter that is not a possessive's s: nothing to strip, and no regex to run.
  if (last !== "." && last !== "-" && !isApostrophe(last) && !isPossessive(word)) return word;
  return word.replace(/['’]s?$/, "").replace(/[.'’-]+$/, "");
}

function isApostrophe(ch: string | undefined): boolean {
  return ch === "'" || ch === "’";
}

/** Ends in "'s" or "’s". */
function isPossessive(word: string): boolean {
  return word.length >= 2 && word[word.length - 1] === "s" && isApostrophe(word[word.length - 2]);
}

/** Whether any word from `from` on makes the run an organisation. */
function hasOrgWord(lows: string[], from: number): boolean {
  for (let j = from; j < lows.length; j++) if (ORG_WORDS.has(lows[j])) return true;
  return false;
}

/**
 * The word straight before a name, when white space separates them and it lies within 60 characters; "" when
 * not. Scanned by hand: it is asked for nearly every name, and most answers are "no role".
 */
function lastWordBefore(text: string, start: number): string {
  const from = Math.max(0, start - 60);
  if (start <= from || !isSpace(text.charCodeAt(start - 1))) return "";
  let end = start - 1;
  while (end >= from && isSpace(text.charCodeAt(end))) end--;
  let begin = end;
  while (begin >= from && !isSpace(text.charCodeAt(begin))) begin--;
  return text.slice(begin + 1, end + 1);
}

/** "minister", "vice-chairman": a plain word that is, or ends in, a role word. */
function endsInRoleWord(word: string): boolean {
  const w = word.toLowerCase();
  // The Set answers first: most words before a name are not role words, and then no regex need run.
  return (ROLE_WORDS.has(w) || ROLE_WORDS.has(w.slice(w.lastIndexOf("-") + 1))) && /^[\p{L}'’-]+$/u.test(word);
}

/** White space as `\s` defines it, by character code. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** "Dave Collins" and "David Collins": the same surname and a forename that shortens the other. */
function sameButShortened(a: string[], b: string[]): boolean {
  if (a.length !== 2 || b.length !== 2 || a[1].toLowerCase() !== b[1].toLowerCase()) return false;
  const [x, y] = [a[0].toLowerCase(), b[0].toLowerCase()];
  return x !== y && x.length >= 3 && y.length >= 3 && x.slice(0, 3) === y.slice(0, 3) && Math.min(x.length, y.length) <= 4;
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

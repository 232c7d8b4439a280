// Stage 2 of reading people: the names that name-runs.ts found, grouped into the people and organisations of
// an article with the other names it uses for them (surname, Mr X, initials, roles), and where each is
// mentioned: what speaker attribution and /who build on. Two people who share a surname stay two people: a bare
// surname only resolves when it is unambiguous.
import { FEMALE_NAMES, GIVEN_NAMES, ORG_WORDS, PEER_DESIGNATION, ROLE_WORDS } from "./names.ts";
import { findNameRuns, type Raw } from "./name-runs.ts";
import { qualifiesRole } from "./name-position.ts";
import { takeShortForms } from "./body-short-forms.ts";
import { misspellings } from "./misspelt-names.ts";
import { cueForm } from "./cues.ts";
import { genderByPronoun, reportedPronoun } from "./pronoun-gender.ts";
import { ORGANISATION } from "./speaker-nouns.ts";
import { readParagraphs, type ParagraphReading } from "./paragraphs.ts";
import type { ArticleText, Person } from "./types.ts";
import { aliasKey, endsWith, entry, sameButShortened, type Entry } from "./person-entry.ts";

const PEERAGE = new Set(["lord", "lady", "baron", "baroness"]);
// Plural or trade nouns that, straight before a one-word name, make it a firm: "analysts Ovum", "accountants KPMG".
const FIRM_NOUNS = new Set(["analysts", "accountants", "consultancy", "consultants", "brokers", "ISP", "carmaker", "insurer"]);

export interface Mention {
  paragraph: number;
  start: number;
  end: number;
  /** Canonical name. */
  name: string;
  /** Whether it names a person or an organisation; unset for a mention read off a description. */
  kind?: Person["kind"];
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
  /** Names of two words or more that the article gives no sign of being a person or a body ("Ravi Nair was not
   *  sure"): not speakers, but someone other than the last speaker is named. */
  unplaced?: Mention[];
}

export function findPeople(article: ArticleText, read: Pick<ParagraphReading, "quotes"> = readParagraphs(article)): PeopleIndex {
  const raws = findNameRuns(article.paragraphs, read);

  // Persons: multi-word names, longest form first so shorter forms ("Duncan Smith") join them.
  const persons: Entry[] = [];
  // A word used alone is a surname in use ("Hoddle said"), unless it is a common noun's capital ("the Act").
  const surnameUse = new Set(
    raws
      // (Nor one that qualifies a role before a name: "Tory leader Michael Howard".)
      .filter(
        (r) =>
          r.tokens.length === 1 &&
          !/\bthe\s+$/i.test(article.paragraphs[r.paragraph - 1].slice(Math.max(0, r.start - 5), r.start)) &&
          !qualifiesRole(article.paragraphs[r.paragraph - 1], r.end),
      )
      .map((r) => r.tokens[0].toLowerCase()),
  );
  const multi = raws.filter((r) => r.tokens.length > 1 && r.kind !== "organisation");
  const isPerson = (r: Raw) => r.kind === "person" || surnameUse.has(r.tokens[r.tokens.length - 1].toLowerCase());
  // Both ways a shorter form joins a longer one keep its last word: look among the names that end in it only (a
  // scan of every name for every name read made a long paragraph quadratic).
  const byLast = new Map<string, Entry[]>();
  for (const r of [...multi].filter(isPerson).sort((a, b) => b.tokens.length - a.tokens.length)) {
    const key = r.tokens.map((t) => t.toLowerCase());
    const last = key[key.length - 1];
    const host = byLast.get(last)?.find((p) => endsWith(p.lower, key) || sameButShortened(p.tokens, r.tokens));
    if (host) {
      host.aliases.add(r.tokens.join(" "));
      continue;
    }
    const added = entry(r.tokens, "person");
    persons.push(added);
    byLast.set(last, [...(byLast.get(last) ?? []), added]);
  }
  // A lone capitalised word that is nobody's name part yet acts as a subject ("Intel filed…", "Sony said") is a
  // company, club or body: it can be a source, and "it" can point back to it.
  const nameParts = new Set(persons.flatMap((p) => p.tokens.map((t) => t.toLowerCase())));
  const slipOf = misspellings(raws, persons);
  for (const r of raws) {
    if (r.tokens.length !== 1 || r.kind !== "maybe" || nameParts.has(r.tokens[0].toLowerCase()) || GIVEN_NAMES.has(r.tokens[0].toLowerCase())) continue;
    if (slipOf(r.tokens[0].toLowerCase()) !== null) continue;
    if (r.tokens[0].length < 3) continue;
    // "singer of Because the Night told", "Save the Children said": the end of a title or a longer name, whose
    // capitalised first word stands mid-sentence, is no body of its own.
    const lead = /(\S+)\s+(\p{Lu}\p{Ll}+)\s+(?:(?:with|of|and|in)\s+)?the\s+$/u.exec(
      article.paragraphs[r.paragraph - 1].slice(Math.max(0, r.start - 40), r.start),
    );
    if (lead && !/[.!?:"“”]$/.test(lead[1])) continue;
    // "Lord Nicholls of Birkenhead said": a peer's territorial designation is part of the peer's name, no body.
    if (PEER_DESIGNATION.test(article.paragraphs[r.paragraph - 1].slice(Math.max(0, r.start - 50), r.start))) continue;
    // "the American said", "the 55-year-old Dutchman added": a nationality standing for a person named before; without "the"
    // a word of that shape is a name ("Erdogan said", "Modi told reporters").
    const afterThe = /\bthe\s+(?:[\d\p{Ll}][\p{L}\d-]*\s+){0,2}$/iu.test(article.paragraphs[r.paragraph - 1].slice(Math.max(0, r.start - 40), r.start));
    if (afterThe && /(?:ish|ese|ian|an|i|man)$/.test(r.tokens[0])) continue;
    // A capitalised plural opening a sentence is a common noun: "Analysts said", "Organisers announced".
    const opensSentence = /(?:^|[.!?]["”’]?\s+)$/.test(article.paragraphs[r.paragraph - 1].slice(Math.max(0, r.start - 4), r.start));
    if (opensSentence && /s$/.test(r.tokens[0])) continue;
    // ("Google is to cut 1,000 jobs": the news idiom of a plan announced is a verb of its own.)
    const next = /^\s+(?:has\s+|have\s+|had\s+|also\s+|will\s+)?(is\s+to|[a-z]+)\b/.exec(article.paragraphs[r.paragraph - 1].slice(r.end, r.end + 30))?.[1];
    if (
      next &&
      /^(?:said|says|filed|announced|reported|added|warned|confirmed|denied|insisted|claimed|argued|stated|told|plans|wants|agreed|refused|is\s+to)$/.test(next)
    )
      r.kind = "organisation";
    // "Putin said he would act": what the verb reports opens with "he" or "she", so the one word names a person.
    // "Jokowi spoke on Monday": only a person speaks (a body "said", never "spoke").
    if (next === "spoke" && !(opensSentence && /s$/.test(r.tokens[0]))) r.kind = "person";
    // (Not a word after a number: "50 Cent" is one name the name runs cannot hold.)
    if (
      r.kind === "organisation" &&
      !/\d\s+$/.test(article.paragraphs[r.paragraph - 1].slice(Math.max(0, r.start - 3), r.start)) &&
      reportedPronoun(article.paragraphs[r.paragraph - 1].slice(r.end, r.end + 160)) !== null
    )
      r.kind = "person";
    // "analysts Ovum welcomed", "security firm Sophos", "ISP Plus.net backed": a body's common noun stands before it.
    const noun = /(?:^|\s)([\p{L}]+)\s+$/u.exec(article.paragraphs[r.paragraph - 1].slice(Math.max(0, r.start - 20), r.start))?.[1];
    if (noun && (ORGANISATION.has(noun) || FIRM_NOUNS.has(noun)) && next && cueForm(next) === "finite") r.kind = "organisation";
  }
  // Someone the article names only by one name — "Mr Thomas said", "…," said Foxx — is a person still, even one
  // whose surname is another's given name ("Mr Howard" beside Howard Flight, whom the article calls "Mr Flight").
  const titledSurnames = new Set(raws.filter((r) => r.titleWord && r.tokens.length === 1).map((r) => r.tokens[0].toLowerCase()));
  const givenOfAnother = (r: Raw, key: string) =>
    r.titleWord !== undefined &&
    r.titleWord !== "sir" &&
    r.titleWord !== "dame" &&
    !PEERAGE.has(r.titleWord) &&
    persons.every((p) => !p.lower.includes(key) || (p.lower[0] === key && p.lower.length > 1 && titledSurnames.has(p.lower[p.lower.length - 1])));
  for (const r of raws) {
    const key = r.tokens[0].toLowerCase();
    if (r.tokens.length !== 1 || r.kind !== "person" || (nameParts.has(key) && !givenOfAnother(r, key)) || ROLE_WORDS.has(key)) continue;
    if (slipOf(key) !== null) continue;
    persons.push(entry(r.tokens, "person"));
    nameParts.add(key);
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
  // A first word shared by two people names neither of them.
  const byFamilyFirst = new Map<string, Entry | null>();
  for (const p of persons.filter((x) => x.kind === "person" && x.tokens.length >= 2)) {
    const first = p.tokens[0].toLowerCase();
    byFamilyFirst.set(first, byFamilyFirst.has(first) ? null : p);
  }
  const byMiddle = new Map<string, Entry | null>();
  for (const p of persons.filter((x) => x.kind === "person" && x.tokens.length >= 3)) {
    for (const t of p.lower.slice(1, -1)) if (/^\p{Lu}/u.test(p.tokens[p.lower.indexOf(t)]) && !GIVEN_NAMES.has(t)) byMiddle.set(t, byMiddle.has(t) ? null : p);
  }
  const initialsOf = new Map<string, Entry>();
  for (const p of persons.filter((x) => x.kind === "person" && x.tokens.length >= 2)) initialsOf.set(p.tokens.map((t) => t[0].toUpperCase()).join(""), p);
  const orgByAcronym = new Map<string, Entry>();
  for (const p of persons.filter((x) => x.kind === "organisation" && x.tokens.length >= 2)) {
    orgByAcronym.set(
      p.tokens
        .filter((t) => !/^(of|for|and|the)$/i.test(t))
        .map((t) => t[0].toUpperCase())
        .join(""),
      p,
    );
  }

  const shortForms = takeShortForms(persons);
  const byKey = new Map<string, Entry>();
  for (const x of persons) {
    const k = x.lower.join(" ");
    if (!byKey.has(k)) byKey.set(k, x);
  }
  const mentions: Mention[] = [];
  const unplaced: Mention[] = [];
  const introduced = new Set<Entry>();
  for (const r of raws) {
    const key = r.tokens.map((t) => t.toLowerCase());
    let p =
      byKey.get(key.join(" ")) ??
      (key.length === 1 ? shortForms.get(key[0]) : undefined) ??
      (key.length > 1 ? bySurname.get(key[key.length - 1])?.find((x) => endsWith(x.lower, key)) : undefined);
    if (!p && key.length === 1) {
      const same = bySurname.get(key[0]) ?? [];
      // Two people share the surname: a bare surname means the one the article has introduced so far, if only one.
      const known = same.length > 1 ? same.filter((x) => introduced.has(x)) : same;
      if (known.length === 1) p = known[0];
      else if (/^\p{Lu}{2,5}$/u.test(r.tokens[0])) p = initialsOf.get(r.tokens[0]) ?? orgByAcronym.get(r.tokens[0]);
      // "Mr Kim", "President Xi": written family name first ("Kim Yungmin", "Xi Jinping"), the title goes with the
      // first word; so does "Sir Digby" (Digby Jones). A peer's title goes with a peerage name ("Lord Dubs").
      // (Not someone the article titles by their last word: "Mr Flight" is Howard Flight, so "Mr Howard" is another.)
      else if (same.length === 0 && r.kind === "person" && !PEERAGE.has(r.titleWord ?? "")) p = byFamilyFirst.get(key[0]) ?? undefined;
      if (
        p &&
        key.length === 1 &&
        key[0] === p.lower[0] &&
        p.lower.length > 1 &&
        r.titleWord &&
        r.titleWord !== "sir" &&
        r.titleWord !== "dame" &&
        titledSurnames.has(p.lower[p.lower.length - 1])
      )
        p = undefined;
      // "Sánchez" for Pedro Sánchez Pérez-Castejón, "Lula" for Luiz Inácio Lula da Silva: a name used alone that is
      // the middle of one person's long name (the paternal surname of Spanish and Portuguese names).
      if (!p && same.length === 0) p = byMiddle.get(key[0]) ?? undefined;
      // "Rijju said" for Kiren Rijiju: a surname misspelt (misspelt-names.ts).
      if (!p && same.length === 0)
        p = bySurname.get(slipOf(key[0]) ?? "")?.find((x) => x.tokens.length > 1 && bySurname.get(x.lower[x.lower.length - 1])?.length === 1);
    }
    if (p && key.length > 1) introduced.add(p);
    if (!p) {
      if (r.tokens.length > 1) unplaced.push({ paragraph: r.paragraph, start: r.start, end: r.end, name: r.tokens.join(" ") });
      continue;
    }
    const form = r.tokens.join(" ");
    if (form.toLowerCase() !== p.nameLower) p.aliases.add(form);
    if (r.role) p.roles.add(r.role);
    if (r.gender && !p.gender) p.gender = r.gender;
    p.mentions++;
    mentions.push({ paragraph: r.paragraph, start: r.start, end: r.end, name: nameOf(p), kind: p.kind });
  }
  // A common English given name; else the pronoun the article uses in what the person is reported to say.
  const byPronoun = genderByPronoun(mentions, article.paragraphs);
  for (const p of persons) {
    if (p.kind !== "person" || p.gender) continue;
    const first = p.tokens[0].toLowerCase();
    p.gender = FEMALE_NAMES.has(first) ? "f" : GIVEN_NAMES.has(first) ? "m" : (byPronoun.get(nameOf(p)) ?? null);
  }

  // How many organisations named here end in each word: "the alliance" names one only when one does.
  const orgHeads = new Map<string, number>();
  for (const o of persons) {
    if (o.kind !== "organisation" || o.mentions === 0) continue;
    const head = o.tokens[o.tokens.length - 1].toLowerCase();
    orgHeads.set(head, (orgHeads.get(head) ?? 0) + 1);
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
        if ((bySurname.get(surname.toLowerCase()) ?? []).length === 1)
          aliases.add(p.tokens.length > 2 && p.aliases.has(p.tokens.slice(-2).join(" ")) ? p.tokens.slice(-2).join(" ") : surname);
      }
      // An organisation is named again by its last word: "the alliance", "the institute".
      if (p.kind === "organisation" && p.tokens.length > 1) {
        const head = p.tokens[p.tokens.length - 1].toLowerCase();
        if (ORG_WORDS.has(head) && orgHeads.get(head) === 1) aliases.add(`the ${head}`);
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
    unplaced,
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

// Stage 1 of reading people: every capitalised run of an article cut into the names it holds, each with what
// the run itself tells — a title (gender), a role ("Tory MP", "chief executive"), whether it names an
// organisation — and where it stands: the subject of a speech verb, the name after an inverted "said", the head
// of an apposition with a role or the object of "according to" is a speaker, whatever the name. people.ts then
// groups these mentions into people and organisations.
import { GIVEN_NAMES, NATIONALITIES, NOT_NAME, PEER_BEFORE, ORG_WORDS, PLACE_WORDS, ROLE_WORDS, THING_WORDS, TITLES } from "./names.ts";
import type { ParagraphReading } from "./paragraphs.ts";
import { describedBefore, named, positionKind, qualifiesRole } from "./name-position.ts";
import { matchesOf } from "./text.ts";
import { appositionRoleBefore, endsInRoleWord, isTitleWord, lastWordBefore, wordsOf } from "./name-words.ts";
import { splitRun } from "./name-run-parts.ts";
import { personOfBody, readPost, spelledBody } from "./name-posts.ts";

// A run of capitalised words, allowing name particles and hyphens/apostrophes inside words.
// Up to two particles may stand together ("Ursula von der Leyen"); an Arabic article or a French elision may be
// joined to the name it opens ("Abdel Fattah al-Sisi", "Valéry Giscard d'Estaing").
const CAPITAL_RUN =
  /(?<![\p{L}\p{N}])(?:[\p{Lu}][\p{L}\p{M}'’.-]*)(?:\s+(?:(?:de|van|von|der|den|da|di|du|le|la|bin|ibn|al|el|del|della|dos|das|do|ter|ten|zu|y|of|for|and|&)\s+){0,2}(?:[\p{Lu}]|(?:al|el|ad|as|at|az|ash|ar|an|abu|bin|ibn|bint|d|l)['’-]\p{Lu})[\p{L}\p{M}'’.-]*)*/gu;

const PARTICLES = new Set("de van von der den da di du le la bin ibn al el del della dos das do ter ten zu y".split(" "));

const POST_NOMINALS = /^(?:QC|KC|OBE|MBE|CBE|KBE|DBE|Jr|Sr|PhD|MP|MSP|MEP|MLA)$/;
/** "Frank Field MP" is a name and its seat; "the Ealing North MP" is a description of a member by the seat. */
const SEAT = /^(?:MP|MSP|MEP|MLA)$/;

// Words that, with place names, make a run a place: "United States", "North Korea".
const PLACE_QUALIFIERS = new Set("great united new north south east west northern southern continental".split(" "));

// Offices that end a post's name ("Scottish Finance Minister") and are not surnames (unlike King, Judge, Bishop).
const OFFICES = new Set(
  "minister secretary chancellor president spokesman spokeswoman spokesperson chairman chairwoman director leader officer commissioner ambassador governor premier executive".split(
    " ",
  ),
);

// Words that end a role phrase when reading backwards from its role word.
const ROLE_STOP = new Set("and or but the a an of with to by from for in on at as his her their its our said says told who which that".split(" "));

export interface Raw {
  paragraph: number;
  start: number;
  end: number;
  tokens: string[];
  kind: "person" | "organisation" | "maybe";
  gender: "m" | "f" | null;
  role: string | null;
  /** The title before the name, lower case ("mr", "sir", "lord"), when it has one. */
  titleWord?: string;
}

/** Every name an article's capitalised runs hold, in reading order. */
export function findNameRuns(paragraphs: readonly string[], read: Pick<ParagraphReading, "quotes">): Raw[] {
  const raws: Raw[] = [];
  paragraphs.forEach((text, i) => {
    // A capitalised phrase that fills a pair of quote marks is a title ("Hit The Road Jack"), not a name.
    const titles = read.quotes[i].filter(
      (q) => q.end - q.start < 60 && /^(?:(?:\p{Lu}[\p{L}'’-]*|the|of|and|a|in|on|to)(?:[\s,!?.]+|$))+$/u.test(text.slice(q.start, q.end)),
    );
    // Looked up by where they open, not tried one by one for every run (a long paragraph holds thousands of each).
    const titlesAt = new Map<number, typeof titles>();
    for (const q of titles) titlesAt.set(q.start, [...(titlesAt.get(q.start) ?? []), q]);
    for (const m of matchesOf(text, CAPITAL_RUN)) {
      // Most runs are one ordinary word that opens a sentence ("The", "But"): skip them before any work.
      if (!m[0].includes(" ") && NOT_NAME.has(m[0].toLowerCase()) && !isAcronym(m[0])) continue;
      if (titlesAt.get(m.index)?.some((q) => m.index + m[0].length >= q.end - 1 && m[0].includes(" "))) continue;
      // "the US government", "the Scottish administration": a body named by its country and a common noun.
      const body = /^\s+(government|administration|authorities)\b/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
      const run = body ? m[0] + body[0] : m[0];
      for (const part of splitRun(run, m.index)) raws.push(...readRun(text, part.at, part.run, i + 1));
    }
  });
  return raws;
}

/** A capital run, cleaned: opening words that are not names dropped, titles and roles read off. */
function readRun(text: string, at: number, run: string, paragraph: number): Raw[] {
  let toks = wordsOf(run, at);
  // Each word is compared in lower case many times over: lower it once.
  const lows = toks.map((t) => t.word.toLowerCase());
  const low = (i: number) => lows[i];
  // A sentence that opens with an adverb or a participle ("Putting Vioxx back…") does not lend it to the name.
  const sentenceStart = () => /(?:^|[.!?]["”’]?\s+)$/.test(text.slice(Math.max(0, at - 4), at));
  // "The British Chambers of Commerce (BCC)": a run whose initials follow it in brackets is a body's name, whole.
  const body = spelledBody(text, at + run.length, toks, lows, paragraph);
  if (body) return [body];
  let gender: "m" | "f" | null = null;
  // A title before the name ("Dr", "Prof"), with a gender or without one.
  let titled = false;
  let titleWord: string | undefined;
  let roleFrom = -1;
  let roleTo = -1;
  let i = 0;
  for (; i < toks.length; i++) {
    const w = low(i);
    // "Jan Egeland": a word that is both a forename and a common opener (a month's short form) opens a name
    // when a capitalised word follows it.
    if (GIVEN_NAMES.has(w) && i < toks.length - 1 && i === 0 && toks[i].word.length > 2 && /^\p{Lu}\p{Ll}/u.test(toks[i].word)) break;
    // "the Cardinal and Archbishop of Canterbury Dr Rowan Williams": a role before "and" is someone else's.
    if (w === "and") roleFrom = -1;
    // "First Minister", "Second Lord": an ordinal that opens a role belongs to it.
    // "the US government": an acronym that spells a common word ("us") names the country before a body.
    if (isAcronym(toks[i].word) && /^(?:government|administration|authorities)$/.test(low(i + 1) ?? "")) break;
    if (NOT_NAME.has(w) && !(/^(?:first|second|third)$/.test(w) && i < toks.length - 2 && ROLE_WORDS.has(low(i + 1)))) continue;
    if (NOT_NAME.has(w)) {
      if (roleFrom < 0) roleFrom = i;
      continue;
    }
    if (i === 0 && toks.length > 1 && /^\p{L}{4,}(?:ly|ing)$/u.test(w) && !GIVEN_NAMES.has(w) && sentenceStart()) continue;
    // "Russian Elena Dementieva", "South African Graeme Smith": a nationality describes the person after it (but
    // "British Airways", "Welsh Assembly Government" are a body's own name).
    // (Before a role, "French President Jacques Chirac", the nationality stays in the role read below; before an
    // adjective, "British Phonographic Industry", "English National Ballet", it is part of a name.)
    const nationality = NATIONALITIES.has(w) ? 1 : NATIONALITIES.has(`${w} ${low(i + 1)}`) ? 2 : 0;
    const after = low(i + nationality) ?? "";
    const personAfter = !isTitleWord(after) && !ROLE_WORDS.has(after) && !/(?:al|ic|ive|ous|ary|ed)$/.test(after);
    if (nationality && personAfter && toks.length - i - nationality >= 2 && !hasOrgWord(lows, i)) {
      if (roleFrom < 0) roleFrom = i;
      roleTo = i + nationality;
      i += nationality - 1;
      continue;
    }
    // "Minister for Lands and Natural Resources Kweku Asoma Kyeremeh", "the Governor of Kano State" (name-posts.ts).
    const post = readPost(lows, i);
    if (post === "post") return [];
    if (post) {
      if (roleFrom < 0) roleFrom = i;
      roleTo = post.roleTo;
      i = post.from;
      break;
    }
    if (isTitleWord(w) && i < toks.length - 1) {
      gender = TITLES[w] ?? gender;
      titled = true;
      titleWord = w;
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
    // "Tom Vance and Ann Petrova": two names, split below, not an affiliation before a name.
    if (w === "and" || w === "&") break;
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
    titled ||= title;
    if (title) titleWord = w;
    i = title ? k + 1 : k;
    break;
  }
  // "Albanian Prime Minister Fatos Nano", "Tory MP Peter Bone": the words up to the last role word are the role.
  if (i < toks.length - 1) {
    let lastRole = -1;
    // ("Director-General", "Vice-President": a hyphenated role ends in its role word.)
    for (let k = toks.length - 2; k >= i && lastRole < 0; k--)
      if (ROLE_WORDS.has(low(k)) || ROLE_WORDS.has(low(k).slice(low(k).lastIndexOf("-") + 1))) lastRole = k;
    const named = toks.length - lastRole - 1;
    if (lastRole >= i && named >= 1 && named <= 3 && !hasOrgWord(lows, lastRole + 1)) {
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
  // "the Archbishop of Canterbury", "the Mayor of London": after a role and "of" stands a place or a body, not a person.
  if (
    roleFrom >= 0 &&
    i > 0 &&
    i < toks.length &&
    (low(i - 1) === "of" || low(i - 1) === "for") &&
    !toks.slice(i).some((t, j) => j > 0 && (isTitleWord(low(i + j)) || GIVEN_NAMES.has(low(i + j))))
  )
    return [];
  const roleWords = roleFrom >= 0 ? toks.slice(roleFrom, roleTo).filter((t) => !isTitleWord(t.word.toLowerCase()) || ROLE_WORDS.has(t.word.toLowerCase())) : [];
  toks = toks.slice(i);
  if (toks.length === 0) return [];
  const words = toks.map((t) => t.word);
  const lower = lows.slice(i);
  const last = lower[lower.length - 1];
  const start = toks[0].at;
  const end = toks[toks.length - 1].at + toks[toks.length - 1].word.length;
  // Where the name stands outweighs what its words look like: "Jack Law said" is a person, "the Law" is not.
  const position = positionKind(text, start, end) ?? describedBefore(text, start, end);
  // (A title does not make "Shri Swaminarayan Mandir Temple" a person: "Mr Day" is one, a long run is not.)
  if (THING_WORDS.has(last) && (gender === null || words.length > 2) && !(words.length > 1 && position === "person")) return [];
  // "the Chancellor", "The President said": a role word alone after "the" is a post, not a body called so.
  if (words.length === 1 && ROLE_WORDS.has(last) && /\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start))) return [];
  // "Scottish Finance Minister", "the Prime Minister": a run that ends in a role and opens with no forename names a
  // post, not its holder.
  // (So does one with a body's word, "the Union Minister", "the Federal Reserve Chairman", but not the bodies named
  // "Executive": "the Scottish Executive".)
  if (words.length > 1 && OFFICES.has(last) && !GIVEN_NAMES.has(lower[0]) && !titled && (last !== "executive" || !lower.some((t) => ORG_WORDS.has(t))))
    return [];
  // Countries and cities stand in sentences as subjects ("China's booming economy") but are not sources here.
  if (lower.every((t) => PLACE_WORDS.has(t) || PLACE_QUALIFIERS.has(t)) && lower.some((t) => PLACE_WORDS.has(t))) return [];
  const acronymFirst = words.length > 1 && /^\p{Lu}{2,3}$/u.test(words[0]);
  const isOrg = acronymFirst || lower.some((t) => ORG_WORDS.has(t)) || (words.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]));
  // "Nick Bubb of Evolution Securities", "Analyst Dan Ives of Wedbush Securities": someone of a body, two names (but
  // "Bank of England", "University of Leeds": the body's word stands before "of").
  const of = isOrg ? personOfBody(lower) : -1;
  if (of > 0) {
    const head = readRun(text, toks[0].at, text.slice(toks[0].at, toks[of - 1].at + toks[of - 1].word.length), paragraph);
    return [...head, ...readRun(text, toks[of + 1].at, text.slice(toks[of + 1].at, end), paragraph)];
  }
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
  // Longer runs are rarely one person, unless particles join them ("Luiz Inácio Lula da Silva").
  // (Five when where it stands says a person: "Nana Ama Dokua Asiamah Adjei stated".)
  const longest = lower.some((t) => PARTICLES.has(t)) ? 6 : position === "person" ? 5 : 4;
  if (!isOrg && (words.length > longest || (words.length > 1 && /^\p{L}$/u.test(last)))) return [];
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
    while (
      from > 0 &&
      !ROLE_STOP.has(phrase[from - 1].toLowerCase()) &&
      !NOT_NAME.has(phrase[from - 1].toLowerCase()) &&
      !/^\p{Ll}.*['’]s$/u.test(phrase[from - 1])
    )
      from--;
    role = phrase.slice(from).join(" ");
  }
  if (!role && !isOrg) role = appositionRoleBefore(text, start);
  let kind: Raw["kind"] = isOrg ? "organisation" : "maybe";
  const givenFirst = lower[0].includes("-") ? lower[0].split("-").every((w) => GIVEN_NAMES.has(w)) : GIVEN_NAMES.has(lower[0]);
  if (
    !isOrg &&
    words.length > 1 &&
    (titled || gender !== null || role !== null || givenFirst || (/^\p{Lu}{2,}$/u.test(words[0]) && words.slice(1).some((t) => /\p{Ll}/u.test(t))))
  )
    kind = "person";
  // Where a name stands tells too: "the producer Quincy Jones", "Quincy Jones, who…", "said Quincy Jones".
  if (kind === "maybe" && words.length > 1 && position !== null) kind = position;
  // "Former Tory chancellor Ken Clarke": words before a lower-case role and a name are an affiliation, not a person.
  if (kind === "person" && !titled && !givenFirst && qualifiesRole(text, end)) kind = "maybe";
  // A bare surname after a title ("Mr Thomas") is a person; without one it is left for the surname index to place.
  // So is a single name after an inverted cue ("…," said Foxx).
  // (Not a word that qualifies the role of the name after it: "said Sideways producer Michael London".)
  if (words.length === 1 && !isOrg) kind = titled || roleFrom >= 0 || (named(text, start) && !qualifiesRole(text, end)) ? "person" : "maybe";
  // "Lord Nicholls of Birkenhead": a peer named with a territorial designation.
  if (kind === "maybe" && PEER_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && /^\s+of\s+\p{Lu}/u.test(text.slice(end, end + 6))) kind = "person";
  // "Okafor, 52, said": an age in apposition is a person's. (Not "who": "Leicester, who signed White,".)
  if (kind === "maybe" && /^,\s+\d{1,3},/.test(text.slice(end, end + 7))) kind = "person";
  // Letters after a name stand in its mention but are not part of the name: "Ian MacDonald QC", "Martin Luther King Jr".
  const lastWord = words[words.length - 1];
  const postNominal = POST_NOMINALS.test(lastWord) && !(SEAT.test(lastWord) && /\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start)));
  const tokens = words.length >= 3 && postNominal ? words.slice(0, -1) : words;
  return [{ paragraph, start, end, tokens, kind, gender, role: role ? role.replace(/['’]s$/, "") : null, titleWord }];
}

/** "US", "UK", "IT": capitals that are an acronym, not the common word they spell (but "MP" is a post). */
function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,}$/u.test(word) && word !== "MP" && word !== "MPS" && word !== "BBC";
}

/** Whether any word from `from` on makes the run an organisation. */
function hasOrgWord(lows: string[], from: number): boolean {
  for (let j = from; j < lows.length; j++) if (ORG_WORDS.has(lows[j])) return true;
  return false;
}

// Reading the noun phrase that names a speaker, from the tokens of a paragraph: backwards from a cue verb to its
// subject ("Jane Doe, an analyst at Acme, said"), or forwards after an inverted cue ("…," said the cardinal) or
// "according to". What the phrase is — a name, a pronoun, a description, a spokesperson, people not named — is
// read here; who it points to is decided by speaker-entity.ts.
import { VERB_GAP, isCue } from "./cues.ts";
import { NOT_NAME, PEER_TITLES } from "./names.ts";
import { ORGANISATION, PERSON, PROXY, SPOKESPERSON, UNNAMED, isAgeNoun } from "./speaker-nouns.ts";
import { issuedBy, ownerOf, SAYING } from "./speaker-owner.ts";
import { isComma, isDash, openingComma, relativeStart, strayComma, withUnclosedApposition } from "./speaker-commas.ts";
import { firstIn } from "./token-scan.ts";
import type { Token } from "./tokens.ts";

export type Phrase =
  /** `document`: the words are the named one's statement or letter ("Mr Crosby's statement said"). */
  | { kind: "name"; name: string; from: number; document?: boolean }
  | { kind: "pronoun"; word: "he" | "she" | "it" | "they"; from: number; document?: boolean }
  /** "the cardinal", "the UN's relief coordinator", "chief executive of Acme": `of` is whose, when the phrase says. */
  | { kind: "description"; words: string; head: string; of: string | null; from: number }
  /** "a BT spokesman", "a spokeswoman for the council", "a spokesman": speaks for `of`. */
  | { kind: "spokesperson"; of: string | null; from: number }
  /** "analysts", "his lawyers", "a source close to X", "Bush and Blair": speech by no one the article names as one speaker. */
  | { kind: "unnamed"; from: number };

const SUBJECT_PRONOUNS: Record<string, "he" | "she" | "it" | "they"> = { he: "he", she: "she", it: "it", they: "they" };
const OBJECT_PRONOUNS: Record<string, "he" | "she" | "it" | "they"> = { him: "he", her: "she", them: "they" };
const DETERMINERS = new Set("the a an one another this that his her their its our each every".split(" "));
const PREPOSITIONS = new Set("of for at from with to in on by".split(" "));
// Words that end a noun phrase read forwards: a relative, a conjunction, a clause.
const PHRASE_STOP = new Set("who which whose that and or but as when while if because after before said says".split(" "));

const PEERS = new Set(PEER_TITLES.map((t) => t.toLowerCase()));
const isGap = (t: Token) => t.kind === "word" && (VERB_GAP.has(t.lower) || (/^\p{Ll}+ly$/u.test(t.text) && t.lower !== "only"));
const isStop = (t: Token | undefined) => t === undefined || t.kind !== "word";

/** The phrase that ends just before token `end` (a verb): its subject, across auxiliaries, an apposition or "who". */
export function phraseBefore(ts: Token[], end: number): Phrase | null {
  const i = skipGap(ts, end - 1);
  if (i < 0) return null;
  // "Jane Ross, who described …": the verb's subject is the name "who" stands for.
  if (ts[i].lower === "who" && isComma(ts[i - 1])) return phraseEndingAt(ts, i - 1);
  if (isComma(ts[i])) {
    // "Mr Wilson, who was also involved with New Order, as well as the Happy Mondays, said": the verb's subject is
    // the name before ", who", however many commas the relative clause holds.
    const rel = relativeStart(ts, i);
    if (rel >= 0) return phraseBefore(ts, rel + 1) ?? phraseEndingAt(ts, rel);
  }
  if (isComma(ts[i]) || isDash(ts[i])) {
    // An apposition closed by this comma: "Jane Doe, an analyst at Acme, said", "The UN's coordinator, Jan Egeland, said",
    // or between dashes: "Alan Beith - who chairs the committee - said".
    const open = openingComma(ts, i);
    if (open < 0) return strayComma(ts, i) ? phraseEndingAt(ts, i) : null;
    const inner = phraseAfter(ts, open + 1, i);
    const head = phraseEndingAt(ts, open);
    if (head?.kind === "name") return head;
    if (inner?.kind === "name") return inner;
    return head ?? inner;
  }
  return withUnclosedApposition(ts, phraseEndingAt(ts, i + 1));
}

/**
 * Back from `i` past what may stand between a subject and its verb: auxiliaries, adverbs, and a time ("who this week
 * criticised", "which on Monday said").
 */
function skipGap(ts: Token[], i: number): number {
  for (;;) {
    while (i >= 0 && isGap(ts[i])) i--;
    const t = ts[i];
    if (t && TIMES.test(t.lower) && /^(?:this|last|next|on|that|every|each)$/.test(ts[i - 1]?.lower ?? "")) i -= 2;
    else return i;
  }
}

const TIMES = /^(?:week|month|year|morning|afternoon|evening|night|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|time)$/;

/** The phrase whose last word is ts[end - 1]. */
function phraseEndingAt(ts: Token[], end: number): Phrase | null {
  // "the World Summit (WSIS)": an acronym in brackets after a name is part of it.
  // "Chuck Schumer (D-N.Y.) said", "Ana Ruiz (pictured) said": so is a short aside.
  if (ts[end - 1]?.text === ")") {
    for (let k = end - 2; k >= Math.max(0, end - 8) && ts[k].kind !== "quote"; k--) {
      if (ts[k].text === "(") {
        end = k;
        break;
      }
    }
  }
  const t = ts[end - 1];
  if (!t || t.kind !== "word") return null;
  const pronoun = SUBJECT_PRONOUNS[t.lower];
  if (pronoun) return { kind: "pronoun", word: pronoun, from: end - 1 };
  if (t.mention && !t.possessive) {
    let s = end - 1;
    while (s > 0 && ts[s - 1].mention === t.mention && !ts[s - 1].possessive) s--;
    // "Bush and Blair said", "the Netherlands, Portugal and the Czech Republic have announced": several speakers,
    // no one of them.
    const joiner = ts[s - 1]?.lower === "the" ? s - 2 : s - 1;
    if ((ts[joiner]?.lower === "and" || ts[joiner]?.lower === "or") && listBefore(ts, joiner)) return { kind: "unnamed", from: joiner - 1 };
    // "Colin Asplin, Blackpool Hotel Association said": the body is the person's affiliation.
    if (t.mention.kind === "organisation" && isComma(ts[s - 1]) && ts[s - 2]?.mention?.kind === "person" && !ts[s - 2].possessive) {
      const person = ts[s - 2].mention!;
      let p = s - 2;
      while (p > 0 && ts[p - 1].mention === person) p--;
      return { kind: "name", name: person.name, from: p };
    }
    return outerPhrase(ts, s, t.mention.name) ?? { kind: "name", name: t.mention.name, from: s };
  }
  // "Lord Nicholls of Birkenhead said": a peer's designation after "of" belongs to the name before it.
  if (!t.mention && /^\p{Lu}/u.test(t.text) && ts[end - 2]?.lower === "of" && ts[end - 3]?.mention?.kind === "person" && PEERS.has(ts[end - 4]?.lower ?? "")) {
    return { kind: "name", name: ts[end - 3].mention!.name, from: end - 4 };
  }
  // "His letter of resignation condemned …": the saying noun before "of" is the head.
  if (ts[end - 2]?.lower === "of" && SAYING.has(ts[end - 3]?.lower ?? "")) return description(ts, end - 2);
  return description(ts, end);
}

/**
 * Whether the name before "and" at `joiner` opens a list of subjects ("Bush and Blair said", "Norway, Chile and
 * the Slovak Republic have") rather than ending an earlier clause ("…training in Holland and Ferguson said").
 */
function listBefore(ts: Token[], joiner: number): boolean {
  let b = joiner - 1;
  if (ts[b]?.kind !== "word" || !/^\p{Lu}/u.test(ts[b].text)) return false;
  while (b > 0 && ts[b - 1].kind === "word" && /^\p{Lu}/u.test(ts[b - 1].text)) b--;
  if (ts[b - 1]?.lower === "the") b--;
  const before = ts[b - 1];
  return before === undefined || before.kind !== "word" || /^(?:that|both|while|as|but|and|whereas)$/.test(before.lower);
}

// A name that completes a larger phrase: "a spokesman for the Acme Corporation", "chief executive of Alcohol Focus
// Scotland", "a source close to Jane Doe", "Jan Egeland of the UN" (there the name before the preposition is the head).
function outerPhrase(ts: Token[], nameAt: number, name: string): Phrase | null {
  let k = nameAt - 1;
  // "from the FDA's Office of Drug Safety": an owner and its article stand between the preposition and the name.
  while (ts[k]?.possessive) k--;
  if (ts[k]?.lower === "the") k--;
  const prep = ts[k];
  if (!prep || !PREPOSITIONS.has(prep.lower)) return null;
  // "from the IMF to the IFS": the ends of a range, not anyone's words.
  if (prep.lower === "to" && ts.slice(Math.max(0, k - 8), k).some((t) => t.lower === "from")) return { kind: "unnamed", from: k };
  const before = ts[k - 1]?.lower === "close" ? k - 1 : k;
  const head = phraseEndingAt(ts, before);
  if (!head) return null;
  if (head.kind === "name" || head.kind === "unnamed") return head;
  if (head.kind === "spokesperson") return { kind: "spokesperson", of: head.of ?? name, from: head.from };
  if (head.kind === "description" && prep.lower !== "to") return { ...head, of: head.of ?? name };
  return null;
}

// A description read backwards to its determiner: "the cardinal", "the veteran midfielder", "President Castro's
// chief aide", "a BT spokesman", "the 30-year-old". Its last word is its head.
/** "the Union Minister", "The Chancellor": a post written with capitals after "the" (not "Ms King"). */
function capitalisedPost(ts: Token[], end: number): boolean {
  if (!PERSON.has(ts[end - 1].lower)) return false;
  let k = end - 2;
  while (k >= 0 && ts[k].kind === "word" && /^\p{Lu}/u.test(ts[k].text) && ts[k].lower !== "the") k--;
  return ts[k]?.lower === "the";
}

function description(ts: Token[], end: number): Phrase | null {
  const head = ts[end - 1];
  // The head of a description is a common noun ("the cardinal"), or a nationality standing for a person ("the
  // Australian"); a capitalised word the name index did not take ("Ms King" when two Kings are named) is no description.
  if (head.possessive || NOT_NAME.has(head.lower)) return null;
  const opensSentence = end - 2 < 0 || ts[end - 2].kind !== "word";
  if (/^\p{Lu}/u.test(head.text) && !opensSentence && !isNationality(head.text, ts[end - 2]) && !capitalisedPost(ts, end)) return null;
  let of: string | null = null;
  let from = end - 1;
  let modifier: string | null = null;
  for (let k = end - 2; k >= Math.max(0, end - 7); k--) {
    const t = ts[k];
    if (t.kind !== "word" || PHRASE_STOP.has(t.lower) || PREPOSITIONS.has(t.lower) || isCue(t.lower)) break;
    from = k;
    if (t.possessive) {
      of = t.mention?.name ?? (DETERMINERS.has(ts[k - 1]?.lower ?? "") ? `${ts[k - 1].lower} ${t.lower}` : t.text);
      while (from > 0 && ts[from - 1].mention && ts[from - 1].mention === t.mention) from--;
      break;
    }
    if (DETERMINERS.has(t.lower)) {
      if (/^(?:his|her|its|their)$/.test(t.lower)) of ??= t.lower;
      break;
    }
    // "a US Embassy spokesman": the capitalised words before the head name the body.
    if (/^\p{Lu}/u.test(t.text)) modifier = t.mention?.name ?? (modifier && !ts[k + 1].mention ? `${t.text} ${modifier}` : t.text);
  }
  const words = ts
    .slice(from, end)
    .map((t) => t.text)
    .join(" ");
  // "co-chairman", "vice-president", "ex-minister": the last part says what it is.
  const h = head.lower.includes("-") && !isAgeNoun(head.lower) ? head.lower.slice(head.lower.lastIndexOf("-") + 1) : head.lower;
  // "His letter says", "the company's statement added": the owner of the words speaks.
  if (SAYING.has(h) && of !== null) return ownerOf(ts, from, of);
  // "An IAAF statement said": the body named before the saying noun.
  const owner = ts.slice(from, end - 1).find((t) => t.mention && !t.possessive)?.mention;
  if (SAYING.has(h) && of === null && owner) return { kind: "name", name: owner.name, from, document: true };
  // "The statement added:", "said the statement": the one whose statement was just quoted, or the body last named.
  if (SAYING.has(h) && ts[from]?.lower === "the" && end - from === 2) return { kind: "pronoun", word: "it", from, document: true };
  if (SPOKESPERSON.has(h)) return { kind: "spokesperson", of: of ?? modifier, from };
  if (UNNAMED.has(h) || PROXY.has(h)) return { kind: "unnamed", from };
  if (PERSON.has(h) || ORGANISATION.has(h) || isAgeNoun(h) || isNationality(head.text, ts[end - 2])) {
    return { kind: "description", words, head: h, of: of ?? modifier, from };
  }
  return null;
}

const nounFor = (t: Token | undefined) => t !== undefined && t.kind === "word" && (PERSON.has(t.lower) || PROXY.has(t.lower));

/** "the Australian", "the Briton": a nationality used as a noun for a person already named. */
function isNationality(word: string, before: Token | undefined): boolean {
  // ("-on" for "Briton", not the "-ion" of "the Confederation", "the Commission".)
  return before?.lower === "the" && /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|[^i]on|ot|man|woman)$/u.test(word);
}

/**
 * The phrase that starts at token `from`, read forwards (at most up to `limit`): after an inverted cue ("said
 * managing director Rodrigo Rato", "said the United Nations' relief coordinator, Jan Egeland"), after
 * "according to" or "by", and inside an apposition.
 */
export function phraseAfter(ts: Token[], from: number, limit = ts.length): Phrase | null {
  const first = ts[from];
  if (!first || first.kind !== "word") return null;
  if (SUBJECT_PRONOUNS[first.lower]) return { kind: "pronoun", word: SUBJECT_PRONOUNS[first.lower], from };
  // "According to him, “…”", "by her": the object forms, where the phrase is read after a preposition.
  const object = OBJECT_PRONOUNS[first.lower];
  if (object && isStop(ts[from + 1])) return { kind: "pronoun", word: object, from };
  let end = from;
  let lastName = -1;
  while (end < Math.min(limit, from + 9)) {
    const t = ts[end];
    if (isStop(t) && !(t.kind === "punct" && t.text === "(")) break;
    // "Internet service provider (ISP) Plus.net": an acronym in brackets is part of the phrase.
    if (t.text === "(") {
      const close = firstIn(ts, end + 1, end + 4, (x) => x.text === ")");
      if (close < 0) break;
      end = close + 1;
      continue;
    }
    // "Economic and Fiscal Policy Minister Heizo Takenaka", "Secretary of State Colin Powell": a joining word
    // between capitalised words is part of a title.
    const joins =
      (/^\p{Lu}/u.test(ts[end - 1]?.text ?? "") && /^\p{Lu}/u.test(ts[end + 1]?.text ?? "") && (t.lower === "and" || t.lower === "of" || t.lower === "for")) ||
      // "his friend and colleague Peter Grant": two nouns for one person.
      (t.lower === "and" && lastName < 0 && nounFor(ts[end - 1]) && nounFor(ts[end + 1]));
    if (end > from && !joins && (PHRASE_STOP.has(t.lower) || PREPOSITIONS.has(t.lower) || isCue(t.lower))) break;
    if (t.mention && !t.possessive) lastName = end;
    // Past a name, a plain word that is no role ends the phrase: "Plus.net also backed…".
    else if (lastName >= 0 && /^\p{Ll}/u.test(t.text) && !PERSON.has(t.lower)) break;
    end++;
  }
  // "said EEF chief economist, Steve Radley": a role after the body, then the person in apposition.
  if (lastName >= 0 && lastName < end - 1 && PERSON.has(ts[end - 1].lower) && isComma(ts[end]) && ts[end + 1]?.mention?.kind === "person" && end + 1 < limit) {
    return { kind: "name", name: ts[end + 1].mention!.name, from };
  }
  // "said the Lions coach", "said the Chelsea manager": a name that only says whose coach is no speaker itself.
  if (lastName >= 0 && lastName < end - 1 && ts[from].lower === "the" && ts.slice(lastName + 1, end).every((t) => PERSON.has(t.lower)))
    return description(ts, end);
  if (lastName >= 0) {
    const name = ts[lastName].mention!.name;
    if (ts[end]?.lower === "and" && ts[end + 1]?.mention) return { kind: "unnamed", from };
    return { kind: "name", name, from };
  }
  if (end === from) return null;
  const issued = issuedBy(ts, from, end, limit);
  if (issued) return issued;
  const head = description(ts, end);
  if (!head) return null;
  // "the firm's chief executive, Joe Bloggs": a description, then the name in apposition.
  if (isComma(ts[end]) && ts[end + 1]?.mention && !ts[end + 1].possessive && end + 1 < limit) {
    const named = phraseAfter(ts, end + 1, limit);
    if (named?.kind === "name") return named;
  }
  // "a spokesman for the Acme Corporation", "chief executive of Alcohol Focus Scotland".
  const prep = ts[end];
  if (prep && (prep.lower === "for" || prep.lower === "of" || prep.lower === "at" || prep.lower === "from")) {
    const k = ts[end + 1]?.lower === "the" ? end + 2 : end + 1;
    const owner = ts[k]?.mention;
    if (owner && (head.kind === "spokesperson" || head.kind === "description")) return { ...head, of: head.of ?? owner.name };
  }
  return head;
}

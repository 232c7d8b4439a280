// Stage 3 of attribution: the phrase that names a speaker, resolved to a person or organisation of the article.
// A name is its person; a pronoun the last person (or body) named before it who fits, the subject of its
// sentence first; a description ("the cardinal", "the Tory leader", "the firm") the one the article described so,
// else the last one named who fits; a spokesperson the body they speak for. Each answer carries how sure it is.
import type { Mention, PeopleIndex } from "./people.ts";
import type { Phrase } from "./speaker-phrase.ts";
import { holdersOf, rankFits, sameRank } from "./role-holders.ts";
import { sentenceBefore } from "./speech-report.ts";
import { lastBefore } from "./mention-order.ts";
import { usedUnnamedBefore } from "./unnamed-description.ts";
import { ORGANISATION, nounGender } from "./speaker-nouns.ts";
import { fitsWant } from "./speaker-fit.ts";
import { countEndedBy, type Sentence } from "./text.ts";
import type { ArticleText } from "./types.ts";
import { actsIn, leadingPronoun, ownerOfSubject, speaksAt } from "./sentence-subject.ts";

/** A quotation as attribution reads it, once its own sentence has been read. */
export interface Draft {
  paragraph: number;
  start: number;
  end: number;
  openAt: number;
  closeAt: number;
  text: string;
  partial: boolean;
  speaker: string | null;
  cue: string | null;
  confidence: number;
  /** Attributed by its own sentence rather than inherited. */
  own: boolean;
  /** The phrase named the speaker outright, rather than by a pronoun or a description. */
  named: boolean;
  /** The cue's phrase names someone the article does not ("the president's chief aide", "a source"). */
  unnamed: boolean;
  /** A statement or letter of the speaker's spoke the words ("Mr Crosby's statement said"). */
  document?: boolean;
}

export interface Context {
  article: ArticleText;
  people: PeopleIndex;
  /** Names outside quotations, in reading order: what a pronoun or description can point back to. */
  outside: Mention[];
  /** Quotations read so far, in order. */
  drafts: Draft[];
  paragraph: number;
  /** Each paragraph's sentences, to find the sentence a name stands in. */
  sentences: Sentence[][];
}

export interface Resolved {
  speaker: string | null;
  confidence: number;
}

export type Want = "m" | "f" | "org" | "any";

/** Who the phrase at character offset `at` of the current paragraph names. */
export function resolvePhrase(phrase: Phrase, at: number, ctx: Context): Resolved {
  switch (phrase.kind) {
    case "name":
      return { speaker: phrase.name, confidence: 0.9 };
    case "pronoun": {
      const want: Want = phrase.word === "he" ? "m" : phrase.word === "she" ? "f" : "org";
      // "Mr Crosby's statement said: "…". It added: "…"": "it" goes on with the statement just quoted.
      const document = want === "org" ? lastDocument(ctx) : null;
      if (document) return { speaker: document, confidence: 0.7 };
      const speaker = antecedent(ctx, at, want);
      return { speaker, confidence: speaker ? (want === "org" ? 0.65 : 0.75) : 0 };
    }
    case "spokesperson": {
      const speaker = phrase.of ? bodyNamed(phrase.of, at, ctx) : lastOrganisation(ctx, at);
      return { speaker, confidence: speaker ? 0.7 : 0 };
    }
    case "description":
      return described(phrase.words, phrase.head, at, ctx);
    case "unnamed":
      return { speaker: null, confidence: 0 };
  }
}

/** The speaker of the last quotation in this or the previous paragraph, when a statement or letter of theirs spoke it. */
function lastDocument(ctx: Context): string | null {
  const last = ctx.drafts[ctx.drafts.length - 1];
  return last && last.document && last.speaker && ctx.paragraph - last.paragraph <= 1 ? last.speaker : null;
}

/** "the company", "the Acme Corporation", "BBC": the body a spokesperson speaks for. */
function bodyNamed(of: string, at: number, ctx: Context): string | null {
  const anaphor = /^(?:the|its|their)\s+(\p{L}+)$/u.exec(of);
  if (anaphor && ORGANISATION.has(anaphor[1].toLowerCase())) return antecedent(ctx, at, "org");
  return ctx.people.resolve(of) ?? ctx.people.resolve(of + "s") ?? (/^\p{Lu}/u.test(of) ? of : null);
}

function described(words: string, head: string, at: number, ctx: Context): Resolved {
  const bare = words.replace(/^(?:the|a|an)\s+/i, "");
  const named = ctx.people.resolve(bare) ?? ctx.people.resolve(bare.replace(/^(?:former|then|new|outgoing)\s+/i, ""));
  if (named) return { speaker: named, confidence: 0.8 };
  // "one trader", "a judge", "another member of the cabinet": an indefinite description brings in someone new.
  if (/^(?:a|an|one|another)\s/i.test(words)) return { speaker: null, confidence: 0 };
  if (ORGANISATION.has(head)) {
    // "the bank": the body whose name holds the word, else the last body named.
    const speaker = antecedent(ctx, at, "org", (m) => m.name.toLowerCase().split(" ").includes(head)) ?? antecedent(ctx, at, "org");
    return { speaker, confidence: speaker ? 0.6 : 0 };
  }
  // The one person the article gave this role ("the cardinal", "the party leader"), else the last of them named.
  const holders = holdersOf(ctx.people.people, head).filter((p) => sameRank(p, words, head));
  if (holders.length === 1) return { speaker: holders[0].name, confidence: 0.75 };
  if (holders.length > 1) {
    const names = new Set(holders.map((p) => p.name));
    const speaker = antecedent(ctx, at, "any", (m) => names.has(m.name));
    return { speaker, confidence: speaker ? 0.65 : 0 };
  }
  // ("our correspondent" is the paper's own reporter, whom only a role given in the article can name.)
  if (/^our\s/i.test(words) || usedUnnamedBefore(ctx.article.paragraphs, ctx.paragraph, at, head)) return { speaker: null, confidence: 0 };
  // (Not someone the same sentence named after a preposition: "According to Mr Peston the prime minister said", "a
  // comment by Tim Phillips, the American said".)
  const opens = sentenceStartAt(ctx, at);
  const paragraph = ctx.article.paragraphs[ctx.paragraph - 1];
  const objectHere = (m: Mention) =>
    (m.paragraph === ctx.paragraph &&
      m.start >= opens &&
      /\b(?:to|by|of|from|with|at|for|on|about)\s+(?:\p{Lu}\p{L}*\s+)?$/u.test(paragraph.slice(Math.max(0, m.start - 30), m.start))) ||
    /\bby\s+(?:[\p{L}'’-]+\s+){0,3}$/u.test(ctx.article.paragraphs[m.paragraph - 1].slice(Math.max(0, m.start - 40), m.start));
  const speaker = antecedent(ctx, at, nounGender(head) ?? "any", (m) => !objectHere(m) && rankFits(ctx.people.people, m.name, words, head));
  return { speaker, confidence: speaker ? 0.6 : 0 };
}

function sentenceStartAt(ctx: Context, at: number): number {
  const sentences = ctx.sentences[ctx.paragraph - 1] ?? [];
  return sentences[countEndedBy(sentences, at)]?.start ?? 0;
}

/** The last organisation named before `at` in this paragraph or the one before: whom "a spokesman" speaks for. */
function lastOrganisation(ctx: Context, at: number): string | null {
  for (let i = lastBefore(ctx.outside, ctx.paragraph, at), seen = 0; i >= 0 && seen < LOOK_BACK; i--, seen++) {
    const m = ctx.outside[i];
    if (ctx.paragraph - m.paragraph > 1) return null;
    // (Not an acronym that only qualifies a noun: "ID cards", "TV rights".)
    if (ctx.people.kind(m.name) === "organisation" && !qualifiesNoun(ctx.article.paragraphs[m.paragraph - 1], m)) return m.name;
  }
  return null;
}

function qualifiesNoun(p: string, m: Mention): boolean {
  return (
    /^\p{Lu}{2,5}$/u.test(p.slice(m.start, m.end)) &&
    /^\s+\p{Ll}+s\b/u.test(p.slice(m.end, m.end + 30)) &&
    !/^\s+(?:says|has|was|is)\b/.test(p.slice(m.end, m.end + 10))
  );
}

/**
 * The person (or organisation) a pronoun or description points back to: in the last sentence before the position
 * that names someone who fits outside quotations, the first such name — the sentence's subject more often than its
 * object ("Jez Moxey defended the decision to give Hoddle a contract. “…,” he said" → Moxey) — unless a quotation
 * in that sentence was given to someone who fits: then the pronoun goes on with the one just quoted. Every scan is
 * bounded, so a paragraph with thousands of names stays linear.
 */
export function antecedent(ctx: Context, at: number, want: Want, also: (m: Mention) => boolean = () => true, depth = 0): string | null {
  const paragraphs = ctx.article.paragraphs;
  // "it" and "they" stand for a body that spoke or acted, not one named in passing ("before a crucial Commons vote").
  const fits = (m: Mention) => also(m) && fitsWant(ctx, m, want) && (want !== "org" || actsIn(paragraphs[m.paragraph - 1], m, sentenceOf(ctx, m).start));
  if (want !== "org" && unnamedSpeaksLast(ctx, at)) return null;
  const outside = ctx.outside;
  for (let i = lastBefore(outside, ctx.paragraph, at), seen = 0; i >= 0 && seen < LOOK_BACK; i--, seen++) {
    const m = outside[i];
    if (ctx.paragraph - m.paragraph > 3 && (want === "org" || !fewSentencesBetween(ctx, m.paragraph))) return null;
    if (!fits(m)) continue;
    const sentence = sentenceOf(ctx, m);
    // "Pressed on Mr Howard's beliefs, he replied": an owner named in the pronoun's own sentence is not its subject.
    if (m.paragraph === ctx.paragraph && at < sentence.end && /^['’]/.test(paragraphs[m.paragraph - 1].slice(m.end, m.end + 1))) continue;
    // "President Mendez's chief aide said …": the sentence is about the aide, whom the article does not name.
    if (ownerOfSubject(paragraphs[m.paragraph - 1], m, sentence.start)) return null;
    const quoted = quotedIn(ctx, m.paragraph, sentence.start, sentence.end);
    if (quoted && mentionedAs(outside, i, quoted, fits)) return quoted;
    // "He and the Archbishop have both spoken out": a sentence led by the same pronoun goes on with whom it meant.
    const led = leadingPronoun(paragraphs[m.paragraph - 1], sentence.start, m.start);
    if (led !== null && depth < 3 && (want === "m" ? led === "he" : want === "f" ? led === "she" : false)) {
      const saved = ctx.paragraph;
      ctx.paragraph = m.paragraph;
      const meant = antecedent(ctx, sentence.start, want, also, depth + 1);
      ctx.paragraph = saved;
      if (meant) return meant;
    }
    // The sentence's speaker ("…, Mr Blair said talking was the answer"), else its first name, usually its subject.
    let first = m;
    let speaker = speaksAt(paragraphs[m.paragraph - 1], m) ? m : null;
    for (let k = i - 1; k >= 0 && outside[k].paragraph === m.paragraph && outside[k].start >= sentence.start; k--) {
      if (!fits(outside[k])) continue;
      first = outside[k];
      if (speaksAt(paragraphs[m.paragraph - 1], outside[k])) speaker = outside[k];
    }
    return (speaker ?? first).name;
  }
  return null;
}

/**
 * Paragraphs of one or two sentences, as most sites write them: a pronoun may look back over more of them than
 * over the long paragraphs of merged copy, as long as few sentences stand between.
 */
function fewSentencesBetween(ctx: Context, from: number): boolean {
  if (ctx.paragraph - from > 8) return false;
  let n = 0;
  for (let p = from + 1; p < ctx.paragraph; p++) n += ctx.sentences[p - 1]?.length ?? 0;
  return n <= 6;
}

/**
 * Whether the last quotation before `at` in this paragraph was given to someone the article does not name ("the
 * president's chief aide said …"): a "he said" that follows goes on with them, not with a name before them.
 */
function unnamedSpeaksLast(ctx: Context, at: number): boolean {
  const last = ctx.drafts[ctx.drafts.length - 1];
  if (!last || last.paragraph !== ctx.paragraph || !last.own || last.speaker !== null || !last.unnamed || last.openAt >= at) return false;
  const i = lastBefore(ctx.outside, ctx.paragraph, at);
  return i < 0 || ctx.outside[i].paragraph !== ctx.paragraph || ctx.outside[i].start < last.openAt;
}

/**
 * The person the sentence before a quotation is about, when it is about one: its subject is a person named
 * outside quotation marks, and no quotation stands in it ("Writing in the Guardian, Mr Brown outlined his view.
 * "As our manifesto…""). A quotation with no cue of its own that opens the next sentence is most likely theirs.
 */
export function subjectBefore(ctx: Context, paragraph: number, openAt: number): string | null {
  const found = sentenceBefore(ctx, paragraph, openAt);
  if (!found) return null;
  const { paragraph: p, sentence } = found;
  const text = ctx.article.paragraphs[p - 1];
  if (/["“”]/.test(text.slice(sentence.start, sentence.end))) return null;
  // "He spent seven years at MTV. "At a certain point…"": a sentence led by "he" or "she" is about whom it means.
  // (Not a sentence inside a quotation whose marks stand in other sentences: "He has this knack…" is the speaker's.)
  const led = leadingPronoun(text, sentence.start, sentence.end);
  if (led && (text.slice(0, sentence.start).match(/["“”]/g)?.length ?? 0) % 2 === 0) {
    const saved = ctx.paragraph;
    ctx.paragraph = p;
    const meant = antecedent(ctx, sentence.start, led === "he" ? "m" : "f");
    ctx.paragraph = saved;
    return meant !== null && ctx.people.kind(meant) === "person" ? meant : null;
  }
  // Its subject: the first name that acts, past an opening phrase ("Writing in the Guardian, Mr Brown outlined").
  for (let i = lastBefore(ctx.outside, p, sentence.start) + 1, seen = 0; i < ctx.outside.length && seen < 8; i++, seen++) {
    const m = ctx.outside[i];
    if (m.paragraph !== p || m.start >= sentence.end) return null;
    if (actsIn(text, m, sentence.start)) return ctx.people.kind(m.name) === "person" ? m.name : null;
  }
  return null;
}

// How many names, and quotations, a pronoun looks back over.
const LOOK_BACK = 80;

function sentenceOf(ctx: Context, m: Mention): { start: number; end: number } {
  const sentences = ctx.sentences[m.paragraph - 1] ?? [];
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= m.start) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo] ?? { start: 0, end: Number.MAX_SAFE_INTEGER };
}

/** The speaker of the last quotation opened inside the given stretch of a paragraph. */
function quotedIn(ctx: Context, paragraph: number, from: number, to: number): string | null {
  for (let d = ctx.drafts.length - 1, seen = 0; d >= 0 && seen < LOOK_BACK; d--, seen++) {
    const q = ctx.drafts[d];
    if (q.paragraph < paragraph) return null;
    if (q.paragraph === paragraph && q.openAt >= from && q.openAt < to && q.speaker !== null && q.confidence >= 0.5) return q.speaker;
  }
  return null;
}

/** Whether `name` is named, before mention i, in a way that fits. */
function mentionedAs(outside: Mention[], i: number, name: string, fits: (m: Mention) => boolean): boolean {
  for (let k = i, seen = 0; k >= 0 && seen < LOOK_BACK; k--, seen++) if (outside[k].name === name && fits(outside[k])) return true;
  return false;
}

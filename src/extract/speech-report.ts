// The sentence just before a quotation that has no cue of its own, and whom it reports as speaking. "The police
// stated that the report was false. "The police will like to put on record…"": a sentence whose subject is
// followed by a verb of speech hands the next quotation to that subject — a name, or a description the article
// can resolve ("the ministry", "the company", the one holder of a role) — and ends the turn of whoever spoke
// before. A subject it cannot resolve ("Officials said the toll could rise.") leaves the quotation with no speaker.
import { cueForm, isWeakCue } from "./cues.ts";
import type { Mention } from "./people.ts";
import { lastBefore } from "./mention-order.ts";
import { holdersOf } from "./role-holders.ts";
import { ORGANISATION, PERSON } from "./speaker-nouns.ts";
import { countEndedBy, type Sentence } from "./text.ts";
import type { Context, Resolved } from "./speaker-entity.ts";

/** The last sentence that ends by the mark at `openAt` (or, for a mark opening its paragraph, the paragraph before's last). */
export function sentenceBefore(ctx: Context, paragraph: number, openAt: number): { paragraph: number; sentence: Sentence } | null {
  let p = paragraph;
  // (Sentences are in order: a bisection, not a filter of the paragraph's thousands.)
  let sentences = ctx.sentences[p - 1] ?? [];
  let ended = countEndedBy(sentences, openAt);
  if (ended === 0 && openAt === 0 && p > 1) {
    sentences = ctx.sentences[--p - 1] ?? [];
    ended = sentences.length;
  }
  const sentence = sentences[ended - 1];
  return sentence ? { paragraph: p, sentence } : null;
}

const OPENER = /^\s*(?:(?:but|and|however|meanwhile|later|earlier),?\s+)?/iu;
// What may stand between a subject and its verb: "The Ministry further explained", "Officials have said".
const GAP = new Set("has have had also further then later again".split(" "));

/** "The police stated …", "The Ministry further explained …": the subject before a verb of speech that opens the sentence. */
function reportingSubject(sentence: string): { subject: string; offset: number } | null {
  const from = OPENER.exec(sentence)![0].length;
  // (The verb stands within its first eight words: a sentence of thousands is not split into words for each quotation.)
  const words = [...sentence.slice(from, from + 200).matchAll(/[\p{L}'’.-]+|[,;:]/gu)].slice(0, 8);
  for (let k = 1; k < words.length; k++) {
    const w = words[k][0];
    if (w === "," || w === ";" || w === ":") return null;
    if (cueForm(w) !== "finite" || isWeakCue(w)) continue;
    let end = k;
    while (end > 1 && GAP.has(words[end - 1][0])) end--;
    const subject = sentence.slice(from, from + words[end - 1].index + words[end - 1][0].length);
    // A noun phrase: a determiner and up to four words, or a name.
    return /^(?:(?:the|a|an)\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,3}$/iu.test(subject) ? { subject, offset: from } : null;
  }
  return null;
}

/**
 * Whom the sentence before the quotation reports as speaking: undefined when it reports no one (no verb of speech
 * straight after its subject, a pronoun subject, or a quotation of its own), null when it does but the article
 * cannot tell who.
 */
export function reporterBefore(
  ctx: Context,
  paragraph: number,
  openAt: number,
  closeAt: number,
  mentions: Mention[],
  resolve: (words: string, head: string, at: number) => Resolved,
): string | null | undefined {
  if (narratedAfter(ctx.article.paragraphs[paragraph - 1], closeAt)) return undefined;
  const found = sentenceBefore(ctx, paragraph, openAt);
  if (!found) return undefined;
  const text = ctx.article.paragraphs[found.paragraph - 1];
  const { start, end } = found.sentence;
  const sentence = text.slice(start, end);
  if (/["“”]/.test(sentence)) return undefined;
  const report = reportingSubject(sentence);
  if (!report) return undefined;
  const { subject } = report;
  if (/^(?:he|she|it|they|we|i|you|this|that)$/i.test(subject)) return undefined;
  const at = start + report.offset;
  // A name the index placed there: the subject's head, not an owner before it ("The ANC's Dakota Legoete told",
  // "Matthew Herren from EduVision told").
  for (let i = lastBefore(mentions, found.paragraph, at) + 1; i < mentions.length; i++) {
    const x = mentions[i];
    if (x.paragraph !== found.paragraph || x.start >= at + subject.length) break;
    if (!/^['’]/.test(text.slice(x.end, x.end + 1))) return x.name;
  }
  if (/^\p{Lu}/u.test(subject) && !/^(?:The|A|An)\s/u.test(subject)) return null;
  const words = subject.toLowerCase();
  const head = words.slice(words.lastIndexOf(" ") + 1);
  // A body by its common noun ("the ministry"), the one holder of a role, or a name the article knows for it.
  const known = ctx.people.resolve(words.replace(/^(?:the|a|an)\s+/, ""));
  if (known) return known;
  if (/^(?:a|an)\s/.test(words)) return null;
  if (ORGANISATION.has(head)) return resolve(words, head, at).speaker;
  const holders = holdersOf(ctx.people.people, head);
  if (holders.length === 1) return holders[0].name;
  // "Officials said …": no one the article names. ("The Ofsted chief said …" may well be the one just quoted: the
  // turn decides.)
  return PERSON.has(head) ? undefined : null;
}

/** Whether the quotation's own sentence goes on after it with a verb of speech ("…" said the report): its own cue. */
export function narratedAfter(text: string, closeAt: number): boolean {
  if (closeAt < 0) return false;
  const rest = text.slice(closeAt + 1, closeAt + 160);
  const stop = rest.search(/[.!?](?:\s|$)|["“]/);
  const words = (stop >= 0 ? rest.slice(0, stop) : rest).match(/\p{Ll}+/gu) ?? [];
  return words.some((w) => cueForm(w) !== null || w === "quotes" || w === "quoted");
}

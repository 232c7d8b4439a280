// Direct quotations and who said them, in visible stages:
//   1. spans      marks.ts pairs the quotation marks of each paragraph (paragraphs.ts reads them once);
//   2. cue        speaker-cue.ts finds the verb or shape that attributes each span and the phrase naming its
//                 speaker (speaker-phrase.ts reads that phrase);
//   3. entity     speaker-entity.ts resolves the phrase to a person or organisation of the article;
//   4. check      speaker-check.ts keeps only a speaker who can have said the words;
//   5. turns      turns.ts gives spans with no cue of their own the speaker of the turn they continue.
// Spans that are not speech (titles, nicknames, scare quotes) are left out (speech.ts). When the speaker cannot
// be told, it is null: a quotation with no speaker is better than one in the wrong mouth.
import { cueFinder, tailBefore } from "./before-quote.ts";
import { describedMentions } from "./described-mentions.ts";
import { readParagraphs, type ParagraphReading } from "./paragraphs.ts";
import type { Span } from "./marks.ts";
import type { Mention, PeopleIndex } from "./people.ts";
import { canSpeak } from "./speaker-check.ts";
import { findCue } from "./speaker-cue.ts";
import { resolvePhrase, subjectBefore, type Context, type Draft } from "./speaker-entity.ts";
import { isPartial, isSpeech } from "./speech.ts";
import { sentenceAt } from "./text.ts";
import { tokenize } from "./tokens.ts";
import { reporterBefore } from "./speech-report.ts";
import { continueTurns } from "./turns.ts";
import type { ArticleText, Quote } from "./types.ts";

export function findQuotes(article: ArticleText, people: PeopleIndex, read: ParagraphReading = readParagraphs(article)): Quote[] {
  const drafts: Draft[] = [];
  const byParagraph = mentionsByParagraph(people.mentions, article.paragraphs.length);
  // Names said inside quotations are not candidates for "he" and "she" outside them.
  const outside = [...people.mentions, ...describedMentions(article.paragraphs, people)]
    .sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)
    .filter(outsideQuotes(read.quotes));
  const ctx: Context = { article, people, outside, drafts, paragraph: 0, sentences: read.sentences };

  article.paragraphs.forEach((p, pi) => {
    const spans = read.quotes[pi];
    if (spans.length === 0) return;
    ctx.paragraph = pi + 1;
    const tokens = tokenize(p, spans, byParagraph[pi]);
    // (A loop, not flatMap: a long paragraph has hundreds of thousands of tokens, and flatMap an array for each.)
    const quoteAt: number[] = [];
    for (let k = 0; k < tokens.length; k++) if (tokens[k].kind === "quote") quoteAt.push(k);
    const cueIn = cueFinder(p);
    spans.forEach((span, si) => {
      const text = p.slice(span.start, span.end);
      const sentence = sentenceAt(read.sentences[pi], span.openAt);
      const from = sentence ? Math.min(sentence.start, span.openAt) : 0;
      // The sentence up to the mark, as far as isPartial and isSpeech read it (its end).
      const before = tailBefore(p, from, span.openAt);
      const partial = isPartial(before, text);
      const found = findCue(tokens, quoteAt[si]);
      const around = { left: p.slice(Math.max(0, span.openAt - 20), span.openAt), right: span.closeAt >= 0 ? p.slice(span.closeAt + 1, span.closeAt + 3) : "" };
      const cueBefore = found !== null && tokens[quoteAt[si] - 1]?.text !== undefined && cueIn(from, span.openAt, found.cue);
      if (!isSpeech(text, before, around, partial, found !== null, cueBefore)) return;
      let speaker: string | null = null;
      let confidence = 0;
      if (found?.phrase) {
        const resolved = resolvePhrase(found.phrase, tokens[found.phrase.from].start, ctx);
        // (A body's statement names the body as "the Ministry", "the Company": that is the speaker, not its subject.)
        const mentioned = mentionedIn(
          byParagraph[pi],
          span.start,
          span.end,
          (m) =>
            !(m.kind === "organisation" && /^\p{Lu}\p{Ll}+$/u.test(p.slice(m.start, m.end)) && /\bthe\s+$/i.test(p.slice(Math.max(0, m.start - 4), m.start))),
        );
        if (resolved.speaker && canSpeak(resolved.speaker, found.phrase, mentioned, people)) {
          speaker = resolved.speaker;
          confidence = Math.min(resolved.confidence, found.weight);
        }
      }
      drafts.push({
        paragraph: pi + 1,
        start: span.start,
        end: span.end,
        openAt: span.openAt,
        closeAt: span.closeAt,
        text,
        partial,
        speaker,
        cue: found?.cue ?? null,
        confidence,
        own: found !== null,
        named: found?.phrase?.kind === "name",
        unnamed: found?.phrase?.kind === "unnamed" || (found?.phrase !== null && found?.phrase !== undefined && speaker === null),
        document: (found?.phrase?.kind === "name" || found?.phrase?.kind === "pronoun") && found.phrase.document === true,
      });
    });
  });

  // Names the index could not place still end a turn when they stand between two quotations.
  const named = [...outside, ...(people.unplaced ?? [])].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start).filter(outsideQuotes(read.quotes));
  continueTurns(
    drafts,
    named,
    article,
    people,
    (d) => subjectBefore(ctx, d.paragraph, d.openAt),
    (d) =>
      reporterBefore(ctx, d.paragraph, d.openAt, d.closeAt, outside, (words, head, at) =>
        resolvePhrase({ kind: "description", words, head, of: null, from: 0 }, at, ctx),
      ),
  );
  return drafts
    .filter((d) => d.confidence >= 0)
    .map((d) => {
      const sure = d.speaker !== null && d.confidence >= 0.5;
      return {
        text: d.text,
        speaker: sure ? d.speaker : null,
        cue: d.cue,
        partial: d.partial,
        confidence: sure ? d.confidence : 0,
        paragraph: d.paragraph,
        start: d.start,
        end: d.end,
        mentions: mentionedIn(byParagraph[d.paragraph - 1], d.start, d.end),
      };
    });
}

function mentionsByParagraph(mentions: Mention[], count: number): Mention[][] {
  const out: Mention[][] = Array.from({ length: count }, () => []);
  for (const m of mentions) out[m.paragraph - 1].push(m);
  return out;
}

/**
 * A filter for mentions in reading order that keeps those outside every quotation: one walk over mentions and spans
 * together, since both are in order.
 */
function outsideQuotes(spans: Span[][]): (m: Mention) => boolean {
  let paragraph = 0;
  let k = 0;
  return (m) => {
    if (m.paragraph !== paragraph) {
      paragraph = m.paragraph;
      k = 0;
    }
    const list = spans[m.paragraph - 1];
    while (k < list.length && list[k].end < m.start) k++;
    const q = list[k];
    return !(q && m.start >= q.start && m.end <= q.end);
  };
}

/** Canonical names of the people and bodies named between two offsets of a paragraph (mentions in order). */
function mentionedIn(mentions: Mention[], start: number, end: number, keep: (m: Mention) => boolean = () => true): string[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const names = new Set<string>();
  for (let i = lo; i < mentions.length && mentions[i].start < end; i++) if (mentions[i].end <= end && keep(mentions[i])) names.add(mentions[i].name);
  return [...names];
}

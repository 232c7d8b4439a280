// Direct quotations and who said them. Marks are paired first (marks.ts); then each span is read in its
// sentence: a cue verb before it ("He wrote: “…”") or after it ("“…,” said X"), a possessive ("Duncan
// Smith's letter: “…”"), or none, when it continues the quotation before it. Scare quotes and titles —
// short spans nobody is said to have said — are not speech. When the speaker cannot be told, it is null.
import type { Span } from "./marks.ts";
import { readParagraphs, type ParagraphReading } from "./paragraphs.ts";
import type { Mention, PeopleIndex } from "./people.ts";
import { ROLE_WORDS } from "./names.ts";
import { matchesOf, type Sentence } from "./text.ts";
import type { ArticleText, Quote } from "./types.ts";

// Plural subjects take the base form ("critics claim", "analysts warn"), but most of these are nouns too ("China's
// claim"), so they count only after a plural subject. -ing forms follow "is" or a comma ("is urging", ", calling").
const BASE_FORMS = "say tell add write warn insist claim admit argue explain declare announce reply respond note suggest urge describe accuse predict stress maintain reveal complain agree fear";
const ING_FORMS = "telling adding urging claiming insisting arguing describing calling accusing admitting suggesting predicting promising complaining explaining writing noting stressing";
const BASE = new Set(BASE_FORMS.split(" "));
const ING = new Set(ING_FORMS.split(" "));
const CUES = (
  "said says say saying told tells telling added adds adding wrote writes writing tweeted tweets posted warned warns warning " +
  "insisted insists claimed claims admitted admits argued argues explained explains stated states declared declares announced " +
  "announces asked asks replied replies responded responds continued continues noted notes observed commented comments remarked " +
  "acknowledged acknowledges conceded concedes confirmed confirms denied denies suggested suggests urged urges called calls " +
  "described describes dismissed accused accuses believes believed thinks predicted predicts promised promises vowed vows pledged " +
  "stressed stresses emphasised emphasized maintained maintains recalled recalls revealed reveals joked complained complains " +
  "concluded cautioned countered agreed agrees boasted quipped criticised criticized praised labelled labeled branded attacked " +
  "welcomed welcomes condemned condemns hailed blamed reckoned reckons feared fears hoped hopes estimated estimates forecast " +
  "predicted wants wanted announced announcing explained " +
  // Plural subjects take the base form ("critics claim", "analysts warn"); -ing forms follow "is" or a comma.
  BASE_FORMS + " " + ING_FORMS
).split(" ");
const CUE = new Set(CUES);
// Verbs that attribute only when followed by a colon or "that" ("He believes: …"); others attribute alone.
const PRONOUNS: Record<string, "m" | "f" | "org" | "any"> = { he: "m", she: "f", his: "m", her: "f", they: "org", their: "org", it: "org", its: "org" };
const SAYING_NOUNS = /^(?:\s*(?:resignation|open|final|farewell|leaked|own|latest|written|joint|official|new)\b)*\s*(?:letter|statement|tweet|message|speech|words|email|e-mail|memo|blog|post|note|report|warning|response|reply|verdict|view|argument|testimony|evidence|interview|remarks|comments|spokesman|spokeswoman|spokesperson)\b/i;
const ORG_ANAPHORS = /^(?:the\s+)?(?:company|firm|group|bank|government|party|ministry|department|agency|union|council|club|organisation|organization|association|body|regulator|committee|board|report|study|survey)$/i;

interface Draft extends Span {
  paragraph: number;
  text: string;
  speaker: string | null;
  cue: string | null;
  confidence: number;
  partial: boolean;
  /** Attributed by its own sentence rather than inherited. */
  own: boolean;
}

export function findQuotes(article: ArticleText, people: PeopleIndex, read: ParagraphReading = readParagraphs(article)): Quote[] {
  const drafts: Draft[] = [];
  const spans = read.quotes;
  // Names said inside quotations are not candidates for "he" and "she" outside them.
  const outside = people.mentions.filter((m) => !spans[m.paragraph - 1].some((q) => m.start >= q.start && m.end <= q.end));

  article.paragraphs.forEach((p, pi) => {
    const paragraph = pi + 1;
    const sentences = read.sentences[pi];
    for (const span of spans[pi]) {
      const text = p.slice(span.start, span.end);
      const sentence = sentenceAround(sentences, span, p);
      const before = p.slice(sentence.start, span.openAt);
      const after = span.closeAt >= 0 ? p.slice(span.closeAt + 1, sentenceEnd(p, span.closeAt + 1)) : "";
      const partial = isPartial(before, text);
      const ctx: Ctx = { article, drafts, people, outside, paragraph, p };
      const attribution =
        (span.closeAt >= 0 ? passiveBy(before, after, span.closeAt + 1, ctx) : null) ??
        (span.closeAt >= 0 ? afterCue(after, span.closeAt + 1, ctx, text) : null) ??
        beforeCue(before, sentence.start, ctx) ??
        possessive(before, sentence.start, ctx) ??
        (span.closeAt >= 0 && partial ? trailingCue(p, sentence, span.closeAt, ctx) : null);
      const words = text.split(/\s+/).length;
      // A nickname between a forename and a surname (David "Fathead" Newman) is nobody's speech.
      if (words <= 3 && /\p{Lu}[\p{L}'’-]*\s$/u.test(p.slice(Math.max(0, span.openAt - 20), span.openAt)) && /^\s\p{Lu}/u.test(p.slice(span.closeAt + 1, span.closeAt + 3))) continue;
      // A capitalised coined term inside a sentence ("the US emphasis on an “Axis of Evil”") is a name, not speech.
      if (partial && words >= 2 && isTitle(text) && !/[.!?]$/.test(text)) continue;
      if (!attribution) {
        // Short spans with no speaker are titles, nicknames and scare quotes, not speech.
        if (words <= 4 && !/[.!?,]$/.test(text)) continue;
        if (isTitle(text)) continue;
      } else if (words <= 2 && isTitle(text) && !hasCue(before)) continue;
      if (/\bso-called\s*$/i.test(before)) continue;
      // Properties spelled out: in this V8 an object spread followed by more properties costs microseconds.
      drafts.push({
        start: span.start, end: span.end, openAt: span.openAt, closeAt: span.closeAt, paragraph, text, partial,
        speaker: attribution?.speaker ?? null, cue: attribution?.cue ?? null,
        confidence: attribution?.confidence ?? 0, own: attribution !== null,
      });
    }
  });

  // A span with no attribution of its own continues the quotation next to it: the one it runs into in the
  // same paragraph, else the one before it (same or previous paragraph).
  drafts.forEach((d, i) => {
    if (d.own) return;
    const next = drafts[i + 1];
    const prev = drafts[i - 1];
    if (next && next.own && next.paragraph === d.paragraph && d.closeAt < 0) inherit(d, next);
    else if (prev && prev.speaker && d.paragraph - prev.paragraph <= 1 && !namedBetween(prev, d, outside, article)) inherit(d, prev);
    else if (d.text.split(/\s+/).length < 6) d.confidence = -1;
  });

  return drafts
    .filter((d) => d.confidence >= 0)
    .map((d) => {
      const sure = d.speaker !== null && d.confidence >= 0.5;
      return {
        text: d.text, speaker: sure ? d.speaker : null, cue: d.cue, partial: d.partial, confidence: sure ? d.confidence : 0,
        paragraph: d.paragraph, start: d.start, end: d.end,
        mentions: [...new Set(people.mentions.filter((m) => m.paragraph === d.paragraph && m.start >= d.start && m.end <= d.end).map((m) => m.name))],
      };
    });
}

function inherit(d: Draft, from: Draft): void {
  d.speaker = from.speaker;
  d.cue = from.cue;
  d.confidence = Math.min(from.confidence, 0.7);
}

/**
 * A person named outside quotes between two quotations means the second may be someone else's. The
 * sentence that attributes the first ("…," Vincent Koen, an economist with the OECD, said.) does not count.
 */
function namedBetween(a: Draft, b: Draft, mentions: Mention[], article: ArticleText): boolean {
  let from = { paragraph: a.paragraph, offset: a.end };
  if (a.paragraph === b.paragraph) {
    const p = article.paragraphs[a.paragraph - 1];
    const tail = p.slice(a.closeAt >= 0 ? a.closeAt + 1 : a.end, b.openAt);
    const stop = /[.!?](?=\s|$)/.exec(tail);
    if (stop) from = { paragraph: a.paragraph, offset: (a.closeAt >= 0 ? a.closeAt + 1 : a.end) + stop.index };
  }
  return mentions.some((m) => {
    const afterA = m.paragraph > from.paragraph || (m.paragraph === from.paragraph && m.start > from.offset);
    const beforeB = m.paragraph < b.paragraph || (m.paragraph === b.paragraph && m.end < b.start);
    return afterA && beforeB && m.name !== a.speaker;
  });
}

interface Ctx {
  article: ArticleText;
  /** Quotations read so far, in order. */
  drafts: Draft[];
  people: PeopleIndex;
  outside: Mention[];
  paragraph: number;
  p: string;
}

interface Attribution {
  speaker: string | null;
  cue: string;
  confidence: number;
}

type Subject = { speaker: string | null; confidence: number };

/**
 * The speaker found with its cue. Built field by field: `{ ...who, cue }` would do the same, but in this V8 an
 * object spread followed by more properties costs a microsecond or more per object.
 */
function attributed(who: Subject, cue: string, confidence = who.confidence): Attribution {
  return { speaker: who.speaker, confidence, cue };
}

/** `“…,” X said`, `“…,” said X`, `“…,” he added`, `“…,” according to X`. */
function afterCue(after: string, offset: number, ctx: Ctx, text: string): Attribution | null {
  const verbFirst = /^[\s,–—-]*(?:[a-z]+ly\s+)?(according to|[a-z]+)\b\s+/i.exec(after);
  // After a quotation the verb is finite ("said X", "X added"); a participle (", arguing that…") shares the main subject.
  const finite = (w: string) => CUE.has(w) && !BASE.has(w) && !ING.has(w);
  if (verbFirst && (finite(verbFirst[1].toLowerCase()) || verbFirst[1].toLowerCase() === "according to")) {
    const at = offset + verbFirst[0].length;
    // The subject stands in the same sentence, right after the verb: "…," said vice-chairman Vivek Paul. Wipro is…
    const window = ctx.p.slice(at, at + 80);
    const stop = /[.!?](?=\s|$)/.exec(window.replace(/\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rev|\p{Lu})\./gu, (m) => m.slice(0, -1) + " "));
    const who = subjectAt(ctx, at, stop ? window.slice(0, stop.index) : window, "first");
    if (who) return attributed(who, verbFirst[1].toLowerCase());
  }
  // A quotation that ends its sentence ("… sure.") is followed by a new sentence, whose cue belongs to the next quotation.
  const endsSentence = /[.!?]$/.test(text);
  // The first cue word of the sentence after the quote; what stands before it is its subject.
  const cue = matchesOf(after, /\b[a-z]+\b/g).find((w) => finite(w[0]));
  if (cue && cue.index! > 0) {
    const subject = after.slice(0, cue.index).replace(/\b(?:has|had|have|also|then|later|once|would|will|was|is)\s+$/, "").replace(/^[\s,–—-]+/, "");
    const rest = after.slice(cue.index! + cue[0].length);
    if (subject.trim() === "" || subject.split(/\s+/).length > 14 || /[.!?;:]/.test(subject.replace(/\b(?:\p{Lu}\.)+/gu, ""))) return null;
    // After a quotation that ends its own sentence, a cue belongs to it only when the sentence stops soon after
    // the verb (`"…." he said.`); `"…." Baker said the plan was flawed` opens new reported speech.
    const runsIntoQuote = /["“]/.test(ctx.p[offset + after.length] ?? "");
    if (endsSentence && (/:/.test(rest) || runsIntoQuote || !/^[\s,]/.test(after) || !/^(?:\s+[\p{L}'’-]+){0,5}\s*[.!?]?\s*$/u.test(rest) || /\bthat\b/.test(rest))) return null;
    const at = offset + after.indexOf(subject);
    const who = subjectAt(ctx, at, subject, "first");
    if (who) return attributed(who, cue[0]);
  }
  return null;
}

/** `X said: “…”`, `He wrote: “…”`, `She then said that Cameron “…”`, `According to X, “…”`. */
function beforeCue(before: string, offset: number, ctx: Ctx): Attribution | null {
  const acc = /according to\s+([^,]{1,80}),?\s*$/i.exec(before);
  if (acc) {
    const who = subjectAt(ctx, offset + acc.index + acc[0].indexOf(acc[1]), acc[1], "first");
    if (who) return attributed(who, "according to");
  }
  // Words inside earlier quotation marks of the sentence are someone's speech, not its subject or its verb.
  const plain = maskQuotes(before);
  const words = matchesOf(plain, /[\p{L}'’-]+/gu);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k][0].toLowerCase();
    if (!CUE.has(w)) continue;
    if (BASE.has(w) && !/(?:\b(?:they|we|i|you|will|would|to|did|does|do|can|could|should|might|must|shall|may|also|then)|[\p{L}]{3,}s|\p{Lu}\p{L}+)\s+$/iu.test(plain.slice(Math.max(0, words[k].index! - 30), words[k].index!))) continue;
    if (!w.endsWith("ing") && /\b(?:being|been|was|were|be|is|are)\s+$/i.test(plain.slice(0, words[k].index))) continue; // "was asked"
    const region = plain.slice(0, words[k].index);
    // The clause's subject stands at its start, once an opening phrase ("In a letter to Cameron, ") is set
    // aside: "his lawyer, Antony Townsden, told the BBC … and added:" is Townsden speaking.
    // "…the producer Quincy Jones, who described him as…": the verb's subject is the name "who" stands for.
    const rel = /,\s+who\s+(?:[\p{L}'’-]+\s+){0,3}$/u.exec(region);
    if (rel) {
      const head = region.slice(0, rel.index);
      const from = Math.max(head.lastIndexOf(","), head.lastIndexOf(";"), -1) + 1;
      const named = subjectAt(ctx, offset + from, head.slice(from), "last");
      if (named) return attributed(named, w);
    }
    let clause = region.slice(Math.max(region.lastIndexOf(";"), region.lastIndexOf(" but "), -1) + 1);
    const opening = LEADING_PHRASE.exec(clause);
    if (opening && opening[0].length < clause.length) clause = clause.slice(opening[0].length);
    const at = offset + region.length - clause.length;
    const who = subjectAt(ctx, at, clause, "first");
    if (who) return attributed(who, w);
    // "said Mr X:" — verb first, then the subject (but after "told" stands the listener: "told the BBC:").
    const tail = before.slice(words[k].index! + w.length);
    const after = /^tel|^told/.test(w) ? null : subjectAt(ctx, offset + words[k].index! + w.length, tail, "first");
    if (after) return attributed(after, w);
    // "He said … but predicted a more “…”": a second verb shares the sentence's subject.
    if (clause.length < region.length) {
      const whole = region.replace(LEADING_PHRASE, (m) => " ".repeat(m.length));
      const shared = subjectAt(ctx, offset, whole, "first");
      if (shared) return attributed(shared, w);
    }
    // "Critics claim…", "Analysts said…": speech, by people the article does not name.
    if (/\b(?:critics|analysts|experts|observers|commentators|campaigners|officials|sources|economists|observers|opponents|supporters|residents|witnesses)\s+$/i.test(region)) {
      return { speaker: null, cue: w, confidence: 0 };
    }
    // "A senior source told the BBC: “…”": speech, introduced by its own cue, by someone the article does not name.
    if (/:\s*$/.test(before)) return { speaker: null, cue: w, confidence: 0 };
    return null;
  }
  return null;
}

// An opening adverbial phrase, set off by a comma, that holds no subject.
const LEADING_PHRASE = /^\s*(?:(?:in|on|at|after|before|during|despite|following|speaking|writing|asked|responding|referring|when|while|as|earlier|later|meanwhile|however|but|and|yesterday|today|last|in an?)\b[^,]{0,80},\s*)+/i;

/** The text with every quoted stretch blanked out (same length, so offsets still hold). */
function maskQuotes(text: string): string {
  return text.replace(/["“][^"“”]*(?:["”]|$)/g, (m) => " ".repeat(m.length));
}

/** `…was dismissed as “ridiculous” by Justice David Souter`: a passive cue names its speaker after "by". */
function passiveBy(before: string, after: string, offset: number, ctx: Ctx): Attribution | null {
  const verb = /\b(?:was|were|been|being|is|are)\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)\b[^.!?]{0,40}$/u.exec(maskQuotes(before));
  const by = /^\s*,?\s*by\s+/.exec(after);
  if (!verb || !by || !CUE.has(verb[1]) || BASE.has(verb[1]) || ING.has(verb[1])) return null;
  const at = offset + by[0].length;
  const who = subjectAt(ctx, at, after.slice(by[0].length, by[0].length + 60), "first");
  return who ? attributed(who, verb[1]) : null;
}

/**
 * A sentence that ends with its attribution covers every quotation in it: `China's booming economy and a
 * “spectacular comeback” in Japan would help recovery, the OECD said.`, `Britain was “uniquely placed”, he suggested.`
 */
function trailingCue(p: string, sentence: Sentence, closeAt: number, ctx: Ctx): Attribution | null {
  const rest = p.slice(closeAt + 1, sentence.end);
  const comma = rest.lastIndexOf(",");
  if (comma < 0 || /["“”]/.test(rest)) return null;
  const tail = rest.slice(comma + 1);
  const words = matchesOf(tail, /[\p{L}'’.-]+/gu);
  const k = words.findIndex((w) => CUE.has(w[0].replace(/\.$/, "")));
  // The attribution is the whole clause after the comma: a short subject and its verb, or the verb first.
  if (k < 0 || words.length > 10 || words.length - k > 6) return null;
  const from = k > 0 ? words[0].index! : words[k].index! + words[k][0].length;
  const to = k > 0 ? words[k].index! : tail.length;
  const at = closeAt + 1 + comma + 1 + from;
  const who = subjectAt(ctx, at, tail.slice(from, to), "first");
  return who ? attributed(who, words[k][0].replace(/\.$/, ""), Math.min(who.confidence, 0.8)) : null;
}

/** `Duncan Smith's resignation letter: “…”`, `a BT spokesman: “…”`. */
function possessive(before: string, offset: number, ctx: Ctx): Attribution | null {
  if (!/:\s*$/.test(before)) return null;
  const m = /([\p{L}'’ -]{2,60}?)['’]s?\s*((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s*:\s*$/u.exec(before);
  if (m && SAYING_NOUNS.test(m[2])) {
    const who = subjectAt(ctx, offset + m.index, m[1] + "'s", "last");
    if (who) return attributed(who, m[2].trim().split(/\s+/).pop()!.toLowerCase(), who.confidence - 0.05);
  }
  return null;
}

/**
 * Who a stretch of text names: a person or organisation mentioned in it (the first or the last), a pronoun
 * resolved to the last person named before it, or a role the article gave someone ("the chancellor").
 */
function subjectAt(ctx: Ctx, at: number, text: string, which: "first" | "last"): Subject | null {
  const end = at + text.length;
  const inside = ctx.outside.filter((m) => m.paragraph === ctx.paragraph && m.start >= at && m.end <= end + 1);
  const persons = inside.filter((m) => ctx.people.kind(m.name) === "person");
  const pick = (list: Mention[]) => (which === "first" ? list[0] : list[list.length - 1]);
  const tokens = matchesOf(text, /[\p{L}'’]+/gu);
  // Read from the start, a possessive ("his lawyer, Antony Townsden,") is not the subject; a name after it may be.
  const subjectForm = (t: string) => (which === "first" ? /^(?:he|she|they|it)$/i.test(t) : t.toLowerCase() in PRONOUNS);
  const pronoun = (which === "first" ? tokens : [...tokens].reverse()).find((t) => subjectForm(t[0])) ??
    (which === "first" ? tokens.find((t) => t[0].toLowerCase() in PRONOUNS) : undefined);
  const pronounAt = pronoun ? at + pronoun.index! : -1;
  const named = pick(persons) ?? pick(inside);
  // The nearer of a name and a pronoun to the verb is the subject.
  // A possessive read from the start ("his friend Michael Pointon") gives way to the name it introduces.
  const possessiveOnly = which === "first" && pronoun !== undefined && !subjectForm(pronoun[0]);
  if (named && (!pronoun || possessiveOnly || (which === "last" ? named.start > pronounAt : named.start < pronounAt))) {
    return { speaker: named.name, confidence: 0.9 };
  }
  if (pronoun) {
    const kind = PRONOUNS[pronoun[0].toLowerCase()];
    const speaker = antecedent(ctx, pronounAt, kind, ctx.article);
    return { speaker, confidence: speaker ? 0.75 : 0 };
  }
  // "A BBC spokesman", "a Conservative spokeswoman": the body the spokesperson speaks for, even when the
  // name index passed it over.
  const body = /\b(?:[Aa]n?|[Tt]he)\s+(\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,3})\s+spokes(?:man|woman|person)\b/u.exec(text);
  if (body) {
    const speaker = ctx.people.resolve(body[1]) ?? ctx.people.resolve(body[1] + "s") ?? body[1];
    return { speaker, confidence: 0.7 };
  }
  const words = text.trim().replace(/[,.:]+$/, "").replace(/^(?:the|a|an)\s+/i, "");
  const role = ctx.people.resolve(words) ?? ctx.people.resolve(words.replace(/^(?:former|then|new|outgoing)\s+/i, ""));
  if (role && words.split(/\s+/).length <= 6) return { speaker: role, confidence: 0.8 };
  if (ORG_ANAPHORS.test(text.trim().replace(/[,.:]+$/, ""))) {
    const speaker = antecedent(ctx, at, "org", ctx.article);
    return { speaker, confidence: speaker ? 0.6 : 0 };
  }
  // "said the American", "the 30-year-old added", "the striker said": a description of someone already named.
  const described = /^\s*the\s+(?:[\p{L}\d-]+\s+){0,2}([\p{L}\d-]+)\s*[,.:]?\s*$/u.exec(text);
  if (described && (/^\p{Lu}\p{Ll}/u.test(described[1]) || ROLE_WORDS.has(described[1].toLowerCase()) || /(?:er|ist|year-old|man|woman)$/.test(described[1]))) {
    const speaker = antecedent(ctx, at, /woman$/.test(described[1]) ? "f" : /man$/.test(described[1]) ? "m" : "any", ctx.article);
    return { speaker, confidence: speaker ? 0.6 : 0 };
  }
  return null;
}

/**
 * The person (or organisation) a pronoun points back to: in the last sentence before the position that names
 * someone of the right gender outside quotations, the first such name — the sentence's subject more often
 * than its object ("Jez Moxey defended the decision to give Hoddle a contract. “…,” he said" → Moxey).
 */
function antecedent(ctx: Ctx, at: number, kind: "m" | "f" | "org" | "any", article?: ArticleText): string | null {
  const fits = (m: Mention) => {
    const k = ctx.people.kind(m.name);
    if (kind === "org") return k === "organisation";
    // "A spokesman for the BSA said…": later "he said" is the spokesman, who speaks for the organisation.
    if (k === "organisation") return kind !== "any" && spokesperson(ctx.article.paragraphs[m.paragraph - 1], m) === kind;
    if (k !== "person") return false;
    const g = ctx.people.gender(m.name);
    return kind === "any" || g === null || g === kind;
  };
  for (let i = ctx.outside.length - 1; i >= 0; i--) {
    const m = ctx.outside[i];
    if (m.paragraph > ctx.paragraph || (m.paragraph === ctx.paragraph && m.start >= at)) continue;
    if (ctx.paragraph - m.paragraph > 3) return null;
    if (!fits(m)) continue;
    const text = m.paragraph === ctx.paragraph ? ctx.p : article?.paragraphs[m.paragraph - 1] ?? "";
    const stops = matchesOf(text.slice(0, m.start), /[.!?]["”]?\s/g);
    const sentenceStart = stops.length ? stops[stops.length - 1].index! : 0;
    // A quotation in that sentence attributed to someone who fits: "…Quincy Jones, who described him as a
    // “brother…”. “There will never be…,” he said" — the pronoun goes on with the one just quoted.
    const stop = /[.!?]["”]?(?=\s|$)/.exec(text.slice(m.end));
    const sentenceEnd = stop ? m.end + stop.index : text.length;
    const quoted = ctx.drafts.findLast((d) => d.paragraph === m.paragraph && d.openAt >= sentenceStart && d.openAt < sentenceEnd && d.speaker !== null && d.confidence >= 0.5);
    if (quoted && ctx.outside.some((x) => x.name === quoted.speaker && fits(x))) return quoted.speaker;
    const first = ctx.outside.find((x) => x.paragraph === m.paragraph && x.start >= sentenceStart && x.start <= m.start && fits(x));
    return (first ?? m).name;
  }
  return null;
}

/** "m" or "f" when the organisation's mention is a spokesman's or spokeswoman's ("a BT spokesman", "a spokeswoman for BT"). */
function spokesperson(p: string, m: Mention): "m" | "f" | null {
  const near = /\bspokes(man|woman|person)\s+(?:for|from|at)\s+(?:the\s+)?$/i.exec(p.slice(Math.max(0, m.start - 30), m.start))?.[1] ??
    /^['’]?s?\s+spokes(man|woman|person)\b/i.exec(p.slice(m.end, m.end + 20))?.[1];
  if (!near) return null;
  return near.toLowerCase() === "woman" ? "f" : "m";
}

function sentenceAround(sentences: Sentence[], span: Span, p: string): Sentence {
  const s = sentences.find((x) => span.openAt >= x.start && span.openAt < x.end) ?? sentences[0] ?? { text: p, start: 0, end: p.length };
  return s;
}

function sentenceEnd(p: string, from: number): number {
  const m = /[.!?](?=\s|$)|["“]/.exec(p.slice(from));
  return m ? from + m.index : p.length;
}

/** Words before the mark in the same sentence, and no colon or comma introducing it: reported speech. */
function isPartial(before: string, text: string): boolean {
  const b = before.trimEnd();
  if (b === "" || /[:,]$/.test(b)) return /^\p{Ll}/u.test(text);
  return true;
}

function hasCue(before: string): boolean {
  return (before.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => CUE.has(w));
}

/** Every word capitalised ("The Da Vinci Code"): a title, not speech. */
function isTitle(text: string): boolean {
  const ws = text.replace(/[.,!?]+$/, "").split(/\s+/);
  return ws.length <= 6 && ws.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:of|the|and|a|an|in|on|for|to|with)$/.test(w));
}

// Stage 5 of attribution: quotations with no cue of their own continue a turn. A quotation left open that
// restarts (in the same paragraph, or at the start of the next) runs on with its speaker; one that runs into an
// attributed quotation in its paragraph takes that one's speaker; any other goes on with the last speaker until
// the text names someone else, or, opening a turn, belongs to the person the sentence before it is about. Short
// spans that belong to no turn are dropped as scare quotes.
import type { Mention, PeopleIndex } from "./people.ts";
import { lastBefore } from "./mention-order.ts";
import type { Draft } from "./speaker-entity.ts";
import { PERSON } from "./speaker-nouns.ts";
import type { ArticleText } from "./types.ts";

export function continueTurns(
  drafts: Draft[],
  outside: Mention[],
  article: ArticleText,
  people: PeopleIndex,
  subjectBefore: (d: Draft) => string | null,
  reporterBefore: (d: Draft) => string | null | undefined,
): void {
  const runEnd = openRunEnds(drafts);
  drafts.forEach((d, i) => {
    if (d.own) return;
    const prev = drafts[i - 1];
    if (prev?.speaker && runsOn(prev, d)) return inherit(d, prev, 0.8);
    // "…(left open) "…," he said.": the spans run into the attributed one.
    const k = runEnd[i];
    const next = drafts[k + 1];
    // A quotation left open at a paragraph's end goes on in the next one: "“…", "…," the statement said.'
    const continues = next?.paragraph === d.paragraph || (next?.paragraph === d.paragraph + 1 && next.openAt === 0 && next.speaker !== null);
    if (drafts[k].closeAt < 0 && next?.own && continues) return inherit(d, next, 0.7);
    // "The police stated that the report was false. "…"": a sentence reporting someone speaking hands them the
    // quotation after it, and ends the turn of whoever spoke before (no speaker, when the article cannot tell who).
    const reporter = d.partial ? undefined : reporterBefore(d);
    if (reporter !== undefined) {
      d.speaker = reporter;
      d.confidence = reporter ? 0.6 : 0;
      return;
    }
    // A whole sentence quoted inside someone else's narration is speech, though whose is not known.
    const other = !d.partial && narratedByOther(d, prev?.speaker ?? null, article, outside);
    if (prev?.speaker && d.paragraph - prev.paragraph <= 1 && !namedBetween(prev, d, outside, article, people) && !other) return inherit(d, prev, 0.7);
    // A whole sentence quoted straight after a sentence about one person: "Mr Brown outlined his view. "As our…""
    const about = d.partial ? null : subjectBefore(d);
    if (about) {
      d.speaker = about;
      d.confidence = 0.6;
      return;
    }
    if (d.text.split(/\s+/).length < 6 && !other) d.confidence = -1;
  });
}

/**
 * A quotation whose own sentence says something else around it — "“Proud of the team,” Smith wrote on X.", "“…,” the
 * report said", "“…,” said Kurt Karl" — is not simply more of the last speaker's turn, unless that narration points
 * back to them: a pronoun, their name, or a description of a person ("said the Ealing North MP"). Read in a window
 * around the quotation, so a long paragraph costs no rescans.
 */
function narratedByOther(d: Draft, speaker: string | null, article: ArticleText, outside: Mention[]): boolean {
  const p = article.paragraphs[d.paragraph - 1];
  const close = d.closeAt >= 0 ? d.closeAt + 1 : d.end;
  const before = p.slice(Math.max(0, d.openAt - 200), d.openAt);
  const after = p.slice(close, close + 200);
  const lead = before.slice(Math.max(before.search(/[.!?]["”’]?\s+(?=[^.!?]*$)/) + 1, 0));
  const stop = after.search(/[.!?](?:\s|$)/);
  // A quotation that ends its own sentence ("… right away.") has no narration after it.
  const trail = /[.!?]["'”’]?$/.test(d.text.trimEnd()) ? "" : stop >= 0 ? after.slice(0, stop) : after;
  const words = `${lead} ${trail}`.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < 2) return false;
  // Someone else named in it ("said Kurt Karl", "a crestfallen Mr Lim confided").
  const from = d.openAt - lead.length;
  const to = close + trail.length;
  for (let i = lastBefore(outside, d.paragraph, to); i >= 0 && outside[i].paragraph === d.paragraph && outside[i].end > from; i--) {
    // (A name that qualifies a description, or ends in a role, is not someone else: "the Arsenal boss", "the Ealing
    // North MP".)
    const noun = /^\s+([\p{L}-]+)/u.exec(p.slice(outside[i].end, outside[i].end + 30))?.[1].toLowerCase();
    const last = outside[i].name.slice(outside[i].name.lastIndexOf(" ") + 1).toLowerCase();
    if (outside[i].name !== speaker && !(noun && PERSON.has(noun)) && !PERSON.has(last)) return true;
  }
  // Any part of their name: "Mr Kim" for Kim Yungmin as "Mr Brown" for Gordon Brown.
  const names = new Set(speaker?.toLowerCase().split(" "));
  const lower = words.map((w) => w.toLowerCase().replace(/['’]s$/, ""));
  if (lower.some((w) => /^(?:he|she|they|his|her|their)$/.test(w) || names.has(w))) return false;
  const described = lower.some((w, i) => PERSON.has(w) && lower.slice(Math.max(0, i - 4), i).some((x) => x === "the" || x === "our"));
  return !described;
}

/**
 * For each draft, the last of the quotations left open that run on from it in its paragraph with no cue of their
 * own (itself when it is closed): found once from the end, not walked again from each quotation of a run (a
 * transcript with unbalanced marks is thousands of them in one paragraph).
 */
function openRunEnds(drafts: Draft[]): number[] {
  const ends = new Array<number>(drafts.length);
  for (let k = drafts.length - 1; k >= 0; k--) {
    const next = drafts[k + 1];
    ends[k] = drafts[k].closeAt < 0 && next?.paragraph === drafts[k].paragraph && !next.own ? ends[k + 1] : k;
  }
  return ends;
}

/** A quotation left open that restarts straight after: later in its paragraph, or opening the next one. */
function runsOn(prev: Draft, d: Draft): boolean {
  if (prev.closeAt >= 0) return false;
  return prev.paragraph === d.paragraph || (prev.paragraph === d.paragraph - 1 && d.openAt === 0);
}

function inherit(d: Draft, from: Draft, most: number): void {
  d.speaker = from.speaker;
  d.cue = from.cue;
  d.confidence = Math.min(from.confidence, most);
}

/**
 * A person named outside quotes between two quotations means the second may be someone else's. The sentence that
 * attributes the first ("…," Vincent Koen, an economist with the OECD, said.) does not count.
 */
function namedBetween(a: Draft, b: Draft, mentions: Mention[], article: ArticleText, people: PeopleIndex): boolean {
  let from = { paragraph: a.paragraph, offset: a.end };
  // The sentence that attributes the first quotation follows it only when the quotation does not end a sentence.
  if (a.paragraph === b.paragraph && !/[.!?]$/.test(a.text)) {
    const p = article.paragraphs[a.paragraph - 1];
    const after = a.closeAt >= 0 ? a.closeAt + 1 : a.end;
    const stop = /[.!?](?=\s|$)/.exec(p.slice(after, b.openAt));
    if (stop) from = { paragraph: a.paragraph, offset: after + stop.index };
  }
  for (let i = lastBefore(mentions, from.paragraph, from.offset + 1) + 1; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.paragraph > b.paragraph || (m.paragraph === b.paragraph && m.end >= b.start)) return false;
    if (m.name === a.speaker || sameSpeakerNarrates(article.paragraphs[m.paragraph - 1], m, a.speaker)) continue;
    if (people.kind(m.name) !== "organisation" || speaksNext(article.paragraphs[m.paragraph - 1], m)) return true;
  }
  return false;
}

/**
 * "And he added that Andy Johnson and Stewart Downing would get a chance": names inside reported speech that the
 * speaker narrates (led by "he", "she", a description, or the speaker's own name) do not end the speaker's turn.
 */
function sameSpeakerNarrates(p: string, m: Mention, speaker: string | null): boolean {
  if (!speaker) return false;
  const start = Math.max(p.lastIndexOf(". ", m.start), p.lastIndexOf('" ', m.start), p.lastIndexOf("” ", m.start), -2) + 2;
  const lead = p.slice(start, m.start);
  // Without a cue verb the speaker's pattern cannot match: it is not built (compiling one costs 15-30 ms).
  return NARRATED.test(lead) && narratorLead(speaker).test(lead);
}

const NARRATED = /(?:said|says|added|adds|told|insisted|explained|admitted|revealed|warned|stressed)\b/iu;

// One pattern per speaker, built once: a pattern compiled per name read made a long paragraph slow.
const leads = new Map<string, RegExp>();
function narratorLead(speaker: string): RegExp {
  const known = leads.get(speaker);
  if (known) return known;
  if (leads.size > 1000) leads.clear();
  const surname = speaker
    .split(" ")
    .pop()!
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const lead = new RegExp(
    `^(?:(?:and|but|so|later|earlier|meanwhile|however),?\\s+)?(?:he|she|(?:the|a)\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+)?|(?:\\p{Lu}\\p{L}+\\s+)*${surname})\\s+(?:\\p{Ll}+\\s+){0,2}?(?:said|says|added|adds|told|insisted|explained|admitted|revealed|warned|stressed)\\b`,
    "iu",
  );
  leads.set(speaker, lead);
  return lead;
}

/** An organisation named as the subject of speech ("Ofcom said"); one named in passing does not end a turn. */
function speaksNext(p: string, m: Mention): boolean {
  return /^(?:['’]s?)?\s+(?:\p{Ll}+\s+){0,2}?(?:said|says|added|told|argued|warned|claimed|insisted|stated|announced)\b/u.test(p.slice(m.end, m.end + 40));
}

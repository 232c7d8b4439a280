// Stage 2 of attribution: for one quotation, the cue that attributes it and the phrase that names its speaker.
// The shapes of English news writing, tried in this order:
//   passive     was dismissed as "…" by Judge Ann Cole
//   after       "…," said X  ·  "…," X said  ·  "…," the cardinal will ask  ·  "…," according to X
//   before      X said: "…"  ·  X told the BBC "…"  ·  X called the plan "reckless"  ·  According to X, "…"
//               X welcomed the move, saying "…" (the main clause's subject)  ·  "…," said X, "…" (interrupted)
//   possessive  X's resignation letter: "…"  ·  X issued a statement: "…"
//   trailing    growth was "badly hurt" by the strike, he suggested.
// A cue found with no phrase (`a voice called out`, `analysts said`) still marks the words as speech.
import { cueForm, isCue, isNamedIngCue, isWeakCue, namesListener } from "./cues.ts";
import { baseCanCue, finiteCueAt, isAdverb, phrasalCueAt, word } from "./cue-at.ts";
import { phraseAfter, phraseBefore, type Phrase } from "./speaker-phrase.ts";
import { firstIn, scanIndex, stopBefore } from "./token-scan.ts";
import { endsSentence, quoteEndsSentence, type Token } from "./tokens.ts";

export interface Cue {
  phrase: Phrase | null;
  /** The verb or shape: "said", "according to", "letter". */
  cue: string;
  /** How much the shape itself is worth, before the phrase is resolved. */
  weight: number;
}

const SAYING_NOUNS = new Set(
  "letter statement tweet message speech words email e-mail memo blog post note report warning response reply verdict view argument testimony evidence interview remarks comments".split(
    " ",
  ),
);
const PASSIVE_AUX = new Set("was were been being is are be".split(" "));
const LEADING = new Set(
  "in on at after before during despite following speaking writing asked responding referring when while as earlier later meanwhile however but and yesterday today last".split(
    " ",
  ),
);

export function findCue(ts: Token[], qi: number): Cue | null {
  return passive(ts, qi) ?? after(ts, qi) ?? before(ts, qi) ?? possessive(ts, qi) ?? trailing(ts, qi);
}

/** Where the sentence holding token `qi` starts: after a full stop, or after a quotation that ended a sentence. */
function sentenceStart(ts: Token[], qi: number): number {
  return scanIndex(ts).starts[qi];
}

/** Where the narration after token `qi` stops: a sentence end or the next quotation. */
function narrationEnd(ts: Token[], qi: number): number {
  for (let k = qi + 1; k < ts.length; k++) if (endsSentence(ts[k]) || ts[k].kind === "quote") return k;
  return ts.length;
}

function passive(ts: Token[], qi: number): Cue | null {
  if (word(ts[qi + 1]) !== "by") return null;
  const start = sentenceStart(ts, qi);
  for (let k = stopBefore(ts, qi); k > start; k = stopBefore(ts, k)) {
    if (cueForm(word(ts[k])) !== "finite") continue;
    let j = k - 1;
    while (j >= start && isAdverb(ts[j])) j--;
    if (!PASSIVE_AUX.has(word(ts[j]))) return null;
    const phrase = phraseAfter(ts, qi + 2, narrationEnd(ts, qi));
    return phrase ? { phrase, cue: ts[k].lower, weight: 0.9 } : null;
  }
  return null;
}

function after(ts: Token[], qi: number): Cue | null {
  const quote = ts[qi];
  let j = qi + 1;
  while (ts[j]?.kind === "punct" && ",—–-".includes(ts[j].text)) j++;
  const end = narrationEnd(ts, qi);
  const reported = quotedAsSaying(ts, j, end);
  if (reported) return reported;
  let v = j;
  if (isAdverb(ts[v])) v++;
  // Inverted: "…," said X / "…," added Mr Smith / "…," according to X.
  const w = word(ts[v]);
  if (cueForm(w) === "finite" && !isWeakCue(w) && !namesListener(w)) {
    const phrase = phraseAfter(ts, v + 1, end);
    if (phrase) return { phrase, cue: w, weight: 0.9 };
  }
  if (w === "according" && word(ts[v + 1]) === "to") {
    const phrase = phraseAfter(ts, v + 2, end);
    if (phrase) return { phrase, cue: "according to", weight: 0.9 };
  }
  // Subject first: "…," X said / "…," the cardinal will ask / "…," Jane Doe, an analyst, told reporters.
  for (let k = j + 1; k < end; k++) {
    if (!finiteCueAt(ts, k)) continue;
    const phrase = phraseBefore(ts, k);
    if (!phrase || !modifiesOnly(ts, j, phrase.from, phrase.kind === "name" && ts[k - 1]?.text === ",")) return null;
    // After a quotation that ends its sentence, a cue belongs to it only when its sentence stops soon after the
    // verb (`"…." he said.`); `"…." Baker said the plan was flawed` opens new reported speech.
    if (quoteEndsSentence(quote) && (end - k > 6 || ts[end]?.kind === "quote" || ts.slice(k + 1, end).some((t) => t.text === ":" || t.lower === "that")))
      return null;
    if (quoteEndsSentence(quote) && j === qi + 1 && ts[j].kind !== "word") return null;
    // `"…." Mr Valentine, who grew up there, agreed.`: a subject given a clause of its own opens a new sentence.
    if (quoteEndsSentence(quote) && ts.slice(phrase.from, k).some((t) => t.lower === "who" || t.lower === "which")) return null;
    return { phrase, cue: ts[k].lower, weight: 0.9 };
  }
  return null;
}

function before(ts: Token[], qi: number): Cue | null {
  const start = sentenceStart(ts, qi);
  for (let k = stopBefore(ts, qi); k >= start; k = stopBefore(ts, k)) {
    const w = word(ts[k]);
    // "a claim by Peter Hain that the leader is acting like an "attack mongrel"": the claim's author speaks.
    if (w === "that") {
      const by = claimAuthor(ts, k);
      if (by) return { phrase: by, cue: "claim", weight: 0.85 };
    }
    if (w === "according" && word(ts[k + 1]) === "to") {
      const phrase = phraseAfter(ts, k + 2, qi);
      if (phrase) return { phrase, cue: "according to", weight: 0.9 };
    }
    // "The Tory leader went on: "…"", "Mr Kennedy pointed out that …".
    if (phrasalCueAt(ts, k) && (ts[k + 1]?.text === ":" || k + 1 === qi || word(ts[k + 1]) === "that")) {
      const phrase = phraseBefore(ts, k - 1);
      return { phrase, cue: `${word(ts[k - 1])} ${w}`, weight: 0.9 };
    }
    const form = cueForm(w);
    if (!form) continue;
    const next = ts[k + 1];
    // "the claims", "his comments": a verb-noun attributes only when a colon, "that" or the quotation follows it.
    if (isWeakCue(w) && !(k + 1 === qi || next.text === ":" || next.lower === "that")) continue;
    if (form === "base" && !baseCanCue(ts, k)) continue;
    // "was asked", "were told": the subject is the one spoken to.
    if (form === "finite" && PASSIVE_AUX.has(word(ts[k - 1]))) continue;
    if (form === "ing") {
      const aux = word(ts[k - 1]);
      // "with leader Charles Kennedy saying his party was the "…"": a name straight before the -ing form says it.
      const named = ts[k - 1]?.mention;
      if (named && !ts[k - 1].possessive && (ING_SAYING.has(w) || isNamedIngCue(w)) && !afterPlacePreposition(ts, k - 1))
        return { phrase: { kind: "name", name: named.name, from: k - 1 }, cue: w, weight: 0.8 };
      // "X welcomed the move, saying …", "she left the house saying: "…"": the main clause's subject speaks.
      if (ts[k - 1]?.text === "," || k === start || next.text === ":" || k + 1 === qi)
        return { phrase: speakerOfClause(ts, start, k) ?? mainSubject(ts, start, k), cue: w, weight: 0.8 };
      if (!PASSIVE_AUX.has(aux)) continue;
    }
    let phrase = phraseBefore(ts, k);
    // "…told the BBC and added:", "He said … but predicted": a second verb shares the clause's subject.
    if (!phrase && (word(ts[k - 1]) === "and" || word(ts[k - 1]) === "but")) {
      for (let m = k - 2; m >= start && !phrase; m--) if (finiteCueAt(ts, m)) phrase = phraseBefore(ts, m);
      phrase ??= mainSubject(ts, start, k);
    }
    // "…," said Mr Hardy, "…" / said Mr X: — the verb first, then its subject (after "told" stands the listener).
    // Only where no subject stands before the verb: in "Analysts said Wal-Mart faced…" Wal-Mart is not speaking.
    if (!phrase && !namesListener(w) && (k === start || ts[k - 1].kind !== "word")) phrase = phraseAfter(ts, k + 1, qi);
    // "Mr Howard told MPs that "every independent expert" … had suggested "…"": the words are reported by the one
    // who reports the unnamed speakers.
    if (!phrase || phrase.kind === "unnamed") phrase = reporter(ts, start, k) ?? phrase;
    return { phrase, cue: w, weight: 0.9 };
  }
  return null;
}

/**
 * Whether the words from `from` up to a phrase are only what may open it: a role or an affiliation ("Nissan chief
 * executive Carlos Ghosn", "director of telecoms research Tony Lavender"), no clause of their own.
 */
function modifiesOnly(ts: Token[], from: number, phraseFrom: number, apposition = false): boolean {
  // (`…," the Minister of Information, Michael Makuei Lueth, said`: a post, then the name in apposition to it.)
  const end = apposition && phraseFrom - 1 > from && ts[phraseFrom - 1]?.text === "," ? phraseFrom - 1 : phraseFrom;
  if (phraseFrom < from || end - from > 6) return false;
  for (let k = from; k < end; k++) {
    const t = ts[k];
    if (t.kind !== "word" || isCue(t.lower) || CLAUSE_WORDS.has(t.lower)) return false;
  }
  return true;
}

const CLAUSE_WORDS = new Set("that which who whom and but or when while if because as".split(" "));

/** `…," the paper quoted Mr Chernin as saying`: the one quoted is the speaker, not the paper. */
function quotedAsSaying(ts: Token[], from: number, end: number): Cue | null {
  for (let k = from; k < end - 2; k++) {
    if (word(ts[k]) !== "quoted" && word(ts[k]) !== "quotes") continue;
    const as = firstIn(ts, k + 1, end, (t, m) => t.lower === "as" && ING_SAYING.has(word(ts[m + 1])));
    if (as < 0) return null;
    const phrase = phraseAfter(ts, k + 1, as);
    return phrase ? { phrase, cue: "quoted", weight: 0.9 } : null;
  }
  return null;
}

const ING_SAYING = new Set(["saying", "telling", "describing", "adding", "warning"]);
/** "leaflets dropped at Munich University calling for…": a name after these is where, not who. */
const PLACE_PREPOSITIONS = new Set("at in into from of to for on by near outside inside across".split(" "));
function afterPlacePreposition(ts: Token[], at: number): boolean {
  let m = at;
  while (m > 0 && ts[m - 1].mention === ts[at].mention) m--;
  return PLACE_PREPOSITIONS.has(word(ts[m - 1]));
}

const CLAIMS = new Set(
  "claim claims suggestion accusation accusations description warning remark remarks comment comments charge allegation allegations criticism assertion".split(
    " ",
  ),
);

/** The author of "a claim by X that" or "X's claim that", the "that" at k. */
function claimAuthor(ts: Token[], k: number): Phrase | null {
  for (let m = k - 1; m >= Math.max(0, k - 6); m--) {
    if (word(ts[m]) === "by" && CLAIMS.has(word(ts[m - 1]))) return phraseAfter(ts, m + 1, k);
    if (CLAIMS.has(word(ts[m])) && ts[m - 1]?.possessive && ts[m - 1].mention) return { kind: "name", name: ts[m - 1].mention!.name, from: m - 1 };
    if (ts[m].kind !== "word") return null;
  }
  return null;
}

/** The named subject of an earlier verb of speech in the sentence whose "that" opens the clause at `inner`. */
function reporter(ts: Token[], start: number, inner: number): Phrase | null {
  for (let k = inner - 1; k >= start; k--) {
    const phrasal = phrasalCueAt(ts, k);
    if (!phrasal && (!finiteCueAt(ts, k) || isWeakCue(word(ts[k])))) continue;
    const that = firstIn(ts, k + 1, Math.min(inner, k + 5), (t) => t.lower === "that");
    if (that < 0) return null;
    const phrase = phraseBefore(ts, phrasal ? k - 1 : k);
    return phrase?.kind === "name" || phrase?.kind === "pronoun" ? phrase : null;
  }
  return null;
}

/**
 * "“…,” he said, accusing users of “bad behaviour”", "said Mr Cole, adding: “…”": an -ing cue after a comma goes on
 * with the speaker of the verb of speech just before it in the sentence.
 */
function speakerOfClause(ts: Token[], start: number, ing: number): Phrase | null {
  if (ts[ing - 1]?.text !== ",") return null;
  for (let m = ing - 2; m >= Math.max(start, ing - 8); m--) {
    if (ts[m].kind === "quote") return null;
    if (!finiteCueAt(ts, m) || isWeakCue(word(ts[m]))) continue;
    return phraseBefore(ts, m) ?? (ts[m - 1]?.kind !== "word" ? phraseAfter(ts, m + 1, ing - 1) : null);
  }
  return null;
}

/** The subject of the sentence's main clause, past an opening phrase ("In a statement, ", "Speaking on Radio 4, "). */
function mainSubject(ts: Token[], start: number, verb: number): Phrase | null {
  let s = start;
  if (LEADING.has(word(ts[s]))) {
    const comma = firstIn(ts, s + 1, verb, (t) => t.text === ",");
    if (comma > 0) s = comma + 1;
  }
  return phraseAfter(ts, s, verb);
}

/** `Duncan Smith's resignation letter: "…"`. */
function possessive(ts: Token[], qi: number): Cue | null {
  if (ts[qi - 1]?.text !== ":") return null;
  for (let k = qi - 2; k >= Math.max(0, qi - 5); k--) {
    if (!SAYING_NOUNS.has(word(ts[k]))) continue;
    for (let m = k - 1; m >= Math.max(0, k - 4); m--) {
      const t = ts[m];
      if (t.possessive && t.mention) return { phrase: { kind: "name", name: t.mention.name, from: m }, cue: ts[k].lower, weight: 0.85 };
    }
    // "His spokesman Mike Anderson later offered a statement: "…"", "the club issued a statement:": the one who gave it.
    if ((word(ts[k - 1]) === "a" || word(ts[k - 1]) === "an") && ts[k - 2]?.kind === "word" && /ed$/.test(word(ts[k - 2]))) {
      const phrase = mainSubject(ts, sentenceStart(ts, qi), k - 2);
      return phrase ? { phrase, cue: ts[k].lower, weight: 0.8 } : null;
    }
    return null;
  }
  return null;
}

/** A sentence that ends with its attribution covers the quotations in it: `…"badly hurt" by the strike, he suggested.` */
function trailing(ts: Token[], qi: number): Cue | null {
  const end = narrationEnd(ts, qi);
  if (ts[end]?.kind === "quote") return null;
  let comma = -1;
  for (let k = end - 1; k > qi; k--)
    if (ts[k].text === ",") {
      comma = k;
      break;
    }
  if (comma < 0 || end - comma > 9) return null;
  for (let k = comma + 1; k < end; k++) {
    if (!finiteCueAt(ts, k) || isWeakCue(word(ts[k]))) continue;
    // (", told The Associated Press": after "told" stands the listener, never the speaker.)
    if (k === comma + 1 && namesListener(word(ts[k]))) return null;
    const phrase = k > comma + 1 ? phraseBefore(ts, k) : phraseAfter(ts, k + 1, end);
    if (phrase && (k === comma + 1 || modifiesOnly(ts, comma + 1, phrase.from))) return { phrase, cue: ts[k].lower, weight: 0.8 };
    return null;
  }
  return null;
}

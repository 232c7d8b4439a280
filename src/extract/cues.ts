// The verbs that attribute speech, in the forms news writing uses them. A closed class: the lemmas of the
// Gender Gap Tracker's quote-verb list and their kin (say, tell, add, warn, insist…), plus the verbs that
// report a judgement in the speaker's words (call, brand, describe, dismiss…). Spelled out per form, because
// each form says something different about where its subject stands:
//   finite  "said", "adds"      — the subject stands before it, or after it when inverted ("…," said X)
//   base    "say", "warn"       — after a plural subject ("critics say") or a modal ("will say", "to warn")
//   -ing    "saying", "adding"  — after a comma the subject is the main clause's ("X welcomed it, saying …")

const LEMMAS: [base: string, third: string, past: string, ing: string][] = [
  ["say", "says", "said", "saying"],
  ["tell", "tells", "told", "telling"],
  ["add", "adds", "added", "adding"],
  ["write", "writes", "wrote", "writing"],
  ["tweet", "tweets", "tweeted", "tweeting"],
  ["post", "posts", "posted", "posting"],
  ["warn", "warns", "warned", "warning"],
  ["insist", "insists", "insisted", "insisting"],
  ["claim", "claims", "claimed", "claiming"],
  ["admit", "admits", "admitted", "admitting"],
  ["argue", "argues", "argued", "arguing"],
  ["explain", "explains", "explained", "explaining"],
  ["state", "states", "stated", "stating"],
  ["declare", "declares", "declared", "declaring"],
  ["announce", "announces", "announced", "announcing"],
  ["ask", "asks", "asked", "asking"],
  ["reply", "replies", "replied", "replying"],
  ["respond", "responds", "responded", "responding"],
  ["continue", "continues", "continued", "continuing"],
  ["note", "notes", "noted", "noting"],
  ["observe", "observes", "observed", "observing"],
  ["comment", "comments", "commented", "commenting"],
  ["remark", "remarks", "remarked", "remarking"],
  ["acknowledge", "acknowledges", "acknowledged", "acknowledging"],
  ["concede", "concedes", "conceded", "conceding"],
  ["confirm", "confirms", "confirmed", "confirming"],
  ["deny", "denies", "denied", "denying"],
  ["suggest", "suggests", "suggested", "suggesting"],
  ["urge", "urges", "urged", "urging"],
  ["call", "calls", "called", "calling"],
  ["describe", "describes", "described", "describing"],
  ["dismiss", "dismisses", "dismissed", "dismissing"],
  ["accuse", "accuses", "accused", "accusing"],
  ["predict", "predicts", "predicted", "predicting"],
  ["promise", "promises", "promised", "promising"],
  ["vow", "vows", "vowed", "vowing"],
  ["pledge", "pledges", "pledged", "pledging"],
  ["stress", "stresses", "stressed", "stressing"],
  ["emphasise", "emphasises", "emphasised", "emphasising"],
  ["emphasize", "emphasizes", "emphasized", "emphasizing"],
  ["maintain", "maintains", "maintained", "maintaining"],
  ["recall", "recalls", "recalled", "recalling"],
  ["reveal", "reveals", "revealed", "revealing"],
  ["joke", "jokes", "joked", "joking"],
  ["complain", "complains", "complained", "complaining"],
  ["conclude", "concludes", "concluded", "concluding"],
  ["caution", "cautions", "cautioned", "cautioning"],
  ["counter", "counters", "countered", "countering"],
  ["agree", "agrees", "agreed", "agreeing"],
  ["boast", "boasts", "boasted", "boasting"],
  ["quip", "quips", "quipped", "quipping"],
  ["criticise", "criticises", "criticised", "criticising"],
  ["criticize", "criticizes", "criticized", "criticizing"],
  ["praise", "praises", "praised", "praising"],
  ["label", "labels", "labelled", "labelling"],
  ["brand", "brands", "branded", "branding"],
  ["dub", "dubs", "dubbed", "dubbing"],
  ["term", "terms", "termed", "terming"],
  ["attack", "attacks", "attacked", "attacking"],
  ["welcome", "welcomes", "welcomed", "welcoming"],
  ["condemn", "condemns", "condemned", "condemning"],
  ["denounce", "denounces", "denounced", "denouncing"],
  ["hail", "hails", "hailed", "hailing"],
  ["blame", "blames", "blamed", "blaming"],
  ["reckon", "reckons", "reckoned", "reckoning"],
  ["fear", "fears", "feared", "fearing"],
  ["hope", "hopes", "hoped", "hoping"],
  ["estimate", "estimates", "estimated", "estimating"],
  ["forecast", "forecasts", "forecast", "forecasting"],
  ["believe", "believes", "believed", "believing"],
  ["think", "thinks", "thought", "thinking"],
  ["want", "wants", "wanted", "wanting"],
  ["slam", "slams", "slammed", "slamming"],
  ["blast", "blasts", "blasted", "blasting"],
  ["lament", "laments", "lamented", "lamenting"],
  ["demand", "demands", "demanded", "demanding"],
  ["assert", "asserts", "asserted", "asserting"],
  ["mention", "mentions", "mentioned", "mentioning"],
  ["report", "reports", "reported", "reporting"],
  ["testify", "testifies", "testified", "testifying"],
  ["plead", "pleads", "pleaded", "pleading"],
  ["shout", "shouts", "shouted", "shouting"],
  ["exclaim", "exclaims", "exclaimed", "exclaiming"],
  ["whisper", "whispers", "whispered", "whispering"],
  ["recount", "recounts", "recounted", "recounting"],
  ["tout", "touts", "touted", "touting"],
  // Reporting verbs of wire copy and of other English house styles (Nigerian, Ghanaian, Indian, US).
  ["disclose", "discloses", "disclosed", "disclosing"],
  ["reiterate", "reiterates", "reiterated", "reiterating"],
  ["assure", "assures", "assured", "assuring"],
  ["contend", "contends", "contended", "contending"],
  ["opine", "opines", "opined", "opining"],
  ["aver", "avers", "averred", "averring"],
  ["retort", "retorts", "retorted", "retorting"],
  ["confess", "confesses", "confessed", "confessing"],
  ["reminisce", "reminisces", "reminisced", "reminiscing"],
  ["allege", "alleges", "alleged", "alleging"],
];

/** "said", "says", "told": the speaker is the subject, before the verb or straight after it. */
const FINITE = new Set(LEMMAS.flatMap(([, third, past]) => [third, past]));
/** "say", "warn": a cue only after a plural subject or a modal ("analysts say", "will say", "to warn"). */
const BASE = new Set(LEMMAS.map(([base]) => base));
/** "saying", "adding": a cue after a comma or "is/was". */
const ING = new Set(LEMMAS.map(([, , , ing]) => ing));

/**
 * Finite forms that are also common nouns or adjectives ("the claims", "a call", "reports", "fears", "states") or
 * whose subject is often not the speaker ("thought", "wanted"): they attribute speech only when a colon, "that" or
 * a quotation follows them, never inside a longer stretch of reported speech.
 */
const WEAK = new Set(
  "claims calls reports fears hopes states notes comments remarks thought wants wanted estimates forecasts forecast believes thinks believed mentions posts demands welcomes attacks terms brands blames reckons alleged".split(
    " ",
  ),
);

/** Verbs that take a description of something in the speaker's words: `called the plan "reckless"`. */
const JUDGING = new Set(
  "call describe dismiss brand label dub term hail condemn denounce criticise criticize praise attack slam blast welcome accuse blame tout"
    .split(" ")
    .flatMap((b) => LEMMAS.filter((l) => l[0] === b).flatMap((l) => [...l])),
);

/**
 * The verbs whose base form after "to" is speech ("declined to say", "went on to warn"); others ("to blame the
 * public", "to call an election") are not.
 */
const SPEECH = new Set(
  "say tell add warn insist claim admit argue explain declare announce reply respond note suggest urge stress ask write tweet deny confirm comment".split(" "),
);
export const isSpeechVerb = (base: string): boolean => SPEECH.has(base);

/** Words that make a following base form a cue: "will say", "is expected to tell", "did not deny". */
const MODALS = new Set("will would can could should shall may might must to did does do".split(" "));

export type CueForm = "finite" | "base" | "ing";

export function cueForm(lower: string): CueForm | null {
  if (FINITE.has(lower)) return "finite";
  if (ING.has(lower)) return "ing";
  if (BASE.has(lower)) return "base";
  return null;
}

export const isCue = (lower: string): boolean => FINITE.has(lower) || ING.has(lower) || BASE.has(lower);
export const isWeakCue = (lower: string): boolean => WEAK.has(lower);
export const isJudgingCue = (lower: string): boolean => JUDGING.has(lower);
export const isModal = (lower: string): boolean => MODALS.has(lower);
/** "told": what follows the verb is the listener, not the speaker. */
export const namesListener = (lower: string): boolean => lower === "told" || lower === "tells" || lower === "telling" || lower === "tell";

/**
 * Words that may stand between a subject and its cue verb: auxiliaries, negation and the adverbs news writing
 * puts there ("has also said", "had earlier told", "will later say", "is understood to have said").
 */
export const VERB_GAP = new Set(
  "has have had also then later earlier again previously once now will would is was were are be been being not never still already further yesterday today subsequently recently quickly simply repeatedly reportedly publicly privately separately understood expected due set going to".split(
    " ",
  ),
);

/** -ing forms whose subject, named straight before them, says the words: "with X accusing Y of a "…"". */
const NAMED_ING = new Set(
  "insisting claiming arguing urging admitting stating declaring predicting accusing calling branding dismissing labelling dubbing condemning denouncing criticising criticizing attacking blaming".split(
    " ",
  ),
);
export const isNamedIngCue = (lower: string): boolean => NAMED_ING.has(lower);

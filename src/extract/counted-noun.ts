// What a count counts: the plural noun after the number ("640,000 disabled people", "56,000 American deaths",
// "28 of the world's largest entertainment firms"), or a sign that the number is not a count at all
// (a duration, a distance, a score).

/**
 * Nouns after which a number is a time, a distance, a measure or a stage of play, never a count of things.
 * What is scored is counted ("23 goals", "817 points", "45 wickets"); the games, sets and laps it is scored
 * over are the span of a record, like a duration ("in 20 games"). "runs" is more often a verb than a score.
 */
export const NOT_COUNTED = new Set(
  (
    "year years month months week weeks day days hour hours minute minutes second seconds decade decades century centuries " +
    "am pm miles mile km kilometres kilometers metres meters feet foot ft yards yard inches inch mph kph " +
    "sets games matches rounds laps innings strokes shots holes seeds runs " +
    "degrees mins secs hrs yrs pounds"
  ).split(" "),
);

// After "N times" these make a multiplier ("10 times faster", "30 times the amount", "14 times as much"),
// not a count of occasions ("downloaded 20,000 times", "raised taxes 66 times").
const MULTIPLIER_NEXT =
  /^(?:as|the|a|an|more|less|fewer|what|that|its|their|his|her|our|over|higher|lower|larger|greater|bigger|smaller|faster|slower|better|worse|cheaper|[a-z]+er)$/i;

// Plurals without a final s, and nouns that count people when singular in form.
const IRREGULAR = new Set(
  "people staff children men women police personnel cattle sheep aircraft livestock crew troops folk fish deer offspring data media".split(" "),
);

// Words that end a noun phrase: a count with nothing plural before one of these has no noun.
const STOP = new Set(
  (
    "of who whom that which were was would will are is be been being have has had in on at to from and or by for with a an the " +
    "than as into over under after before since while when if but not also each per its their his her this these " +
    "those it they we he she up down out off about around against between among so such can could may might must should " +
    "do does did yet still just only now then there here all both " +
    // another number: "0-2 four seasons ago", "19-13 Six Nations"
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion"
  ).split(" "),
);

const TEMPORAL = new Set(["last", "next", "every", "this"]);

// Words ending in s that are not plural nouns.
const NOT_PLURAL =
  /(?:ss|us|sis|ous|ness|less)$|^(?:was|has|does|is|its|his|this|thus|yes|plus|gas|news|series|species|across|always|perhaps|towards|afterwards|besides|sometimes|says|means|whereas|chaos|lens)$/;

/** True for a plural noun as news writes it: "jobs", "MPs", "Ethiopians", "people". */
export function isPlural(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR.has(w)) return true;
  // Compounds of men and women: "policemen", "businesswomen"; not "specimen", "abdomen".
  if (/.(?:wo)?men$/.test(w) && !/^(?:specimen|abdomen|regimen|stamen|acumen|hymen|omen)$/.test(w)) return true;
  // Capitalised plurals name peoples and parties ("Tutsis", "Tories"): the -sis of "crisis" does not apply.
  return w.length > 2 && /s$/.test(w) && (!NOT_PLURAL.test(w) || (/^\p{Lu}/u.test(word) && /sis$/.test(w)));
}

export type Counted = { noun: string } | { notCount: true } | null;

/**
 * The plural head of the noun phrase that starts the text: up to three modifiers ("disabled", "American",
 * "phone"), then the plural. A time, distance or score noun makes it not a count; anything else without a
 * plural head (a singular noun, a verb) gives null: "3,000m title", "46.46 ahead".
 */
export function countedNoun(after: string, maxModifiers = 3, whole = true): Counted {
  const tokens = after.match(/^\s+((?:[\p{L}][\p{L}\p{N}'’-]*\s+){0,5}[\p{L}][\p{L}\p{N}'’-]*)/u)?.[1].split(/\s+/) ?? [];
  let modifiers = 0;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i];
    const w = raw.replace(/['’]s$/, "");
    const low = w.toLowerCase();
    // "1.5 million square feet", "a 25 year period", "18-24 year-olds"
    if (NOT_COUNTED.has(low) || NOT_COUNTED.has(low.split("-")[0])) return { notCount: true };
    if (low === "times") return !whole || i > 0 || MULTIPLIER_NEXT.test(tokens[i + 1] ?? "") ? { notCount: true } : { noun: low };
    if (isPlural(w) && !/['’]s$/.test(raw)) {
      // A capitalised "plural" before another capitalised word is a name: "21 Nicolas Kiefer".
      const following = tokens[i + 1];
      if (/^\p{Lu}/u.test(w) && following && /^\p{Lu}/u.test(following)) return null;
      // "50 basis points" are hundredths of a percentage point, not points of an index or a game.
      return { noun: low === "points" && tokens[i - 1]?.toLowerCase() === "basis" ? "basis points" : low };
    }
    // "15 deep and surface mines": modifiers joined by and/or.
    if ((low === "and" || low === "or") && modifiers > 0 && modifiers < maxModifiers) continue;
    // "189,000 last year": a time phrase, not the noun ("the 49 Next stores" is a name).
    if (STOP.has(low) || TEMPORAL.has(raw) || modifiers >= maxModifiers) return null;
    modifiers++;
  }
  return null;
}

/**
 * A partitive count: "28 of the world's largest entertainment firms" → "firms"; "45 of them" → "them"
 * (the caller takes the noun of the count it refers back to).
 */
export function partitiveNoun(after: string): string | null {
  // "12 of the 20 clubs": the number inside is a count of its own; "500 of its 777-200LR planes": a model number.
  const m = /^\s+of\s+(?:(them|whom|which|those)\b|(?:the|its|their|his|her|our|these|those)\s+(?:[\w-]*\d[\w,-]*\s+)?)/i.exec(after);
  if (!m) return null;
  if (m[1]) return "them";
  // The match ends in white space, which countedNoun reads first: no copy of the rest of the paragraph is made.
  const counted = countedNoun(after.slice(m[0].length - 1), 4);
  return counted && "noun" in counted ? counted.noun : null;
}

// A count whose noun the sentence implies rather than states: "a congregation of 2,000", "a majority of 5,907",
// "sales will hit 200,000 in 2005", "the rise, from 189,000 last year", "the firm employs 5,000 in Wales".
// The number stands where an amount goes — after a noun of quantity or collection and "of", after a verb or
// noun of change or level, or after a verb whose object is people ("killed 150,000") — and is a whole number of at least 100 (smaller bare numbers after these words are
// more often ages, majorities of a few, or positions). Sentences about market indices, share prices, rates,
// ages, ranks and measurements are left out: there a bare number is a level, a price or a measure, not a count.

// Nouns of quantity and of collection (closed classes): "a total of", "a crowd of", "an increase of".
import { countedNoun } from "./counted-noun.ts";

// Nouns of a collection of people: "a crowd of 40,000" counts people.
const PEOPLE_NOUN =
  "audience|crowd|congregation|population|workforce|staff|membership|electorate|army|force|garrison|contingent|readership|following|intake|headcount";
const QUANTITY_NOUN =
  "total|tally|number|majority|minority|increase|rise|fall|drop|decline|reduction|cut|jump|gain|loss|shortfall|surplus|" +
  `backlog|peak|average|maximum|minimum|record|turnout|influx|toll|${PEOPLE_NOUN}`;
// Verbs of change, level and reach, and of employing or drawing people (closed classes).
const CHANGE_VERB =
  "rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|increased|increase|increases|decreased|dropped|drop|drops|" +
  "climbed|climb|climbs|jumped|jump|jumps|grew|grow|grows|grown|soared|soar|soars|slumped|plunged|declined|decline|" +
  "reached|reach|reaches|reaching|hit|hits|hitting|totalled|" +
  "totaled|totals|topped|exceeded|exceed|passed|surpassed|stood|stands|doubled|tripled|trebled|halved|revised|" +
  "attracted|attracts|drew|draws|sold|sells|shipped|registered|recorded|received|welcomed|expects|expected|forecast|" +
  "predicted|estimated";
// Verbs whose object is people (closed class): "the firm employs 47,000", "the wave killed 150,000".
const PEOPLE_VERB =
  "employs|employed|employ|employing|recruited|hired|killed|kills|injured|wounded|arrested|detained|evacuated|displaced|" + "rescued|infected|affected|housed";
const ADVERB = String.raw`(?:\s+(?:sharply|slightly|steadily|further|again|just|only|already|now|also))?`;
const PREP = String.raw`(?:\s+(?:to|at|by|from|of|on|around|about))?`;
const APPROX = String.raw`(?:\s+(?:about|around|nearly|almost|roughly|some|more than|over|under|less than|fewer than|just over|just under|at least|up to|an estimated|a record|a total of|as many as|close to|just|only))?`;

const AFTER_QUANTITY_NOUN = new RegExp(String.raw`\b(${QUANTITY_NOUN})\s+of${APPROX}\s+$`, "i");
const OF_PEOPLE = new RegExp(String.raw`^(?:${PEOPLE_NOUN})$`, "i");
// "The number of civil servants rose to 520,000": the noun the sentence counts.
const NUMBER_OF = /\bnumbers? of\s+((?:[\p{L}][\p{L}'’-]*\s+){0,4})/iu;
const NUMBER_OF_AT = new RegExp(NUMBER_OF.source, "iuy");
const AFTER_PEOPLE_VERB = new RegExp(String.raw`\b(?:${PEOPLE_VERB})${ADVERB}${APPROX}\s+$`, "i");
// "rose to 520,000", "the rise, from 189,000", and past a percentage: "sales will grow 16% to 250,000".
const AFTER_CHANGE = new RegExp(
  String.raw`\b(?:${CHANGE_VERB})${ADVERB}(?:\s+(?:by\s+)?[\d.]+\s?(?:%|per\s?cent|percent)(?=\s+to\b))?${PREP}${APPROX}\s+$|` +
    String.raw`\b(?:rise|fall|increase|drop|jump|decline|cut|up|down)${ADVERB}\s*,?${PREP}${APPROX}\s+$`,
  "i",
);
// "take the total number of jobs to go to 5,500": a number the sentence's "number of" reaches.
const AFTER_PREPOSITION = new RegExp(String.raw`\b(?:to|at|of|from|by)${APPROX}\s+$`, "i");
// Where a bare number is a level, a price, a rate, an age or a measure.
const NOT_A_COUNT =
  /\b(?:index|indices|indexes|rank|ranked|ranking|rankings|place|places|position|seed|seeded|points|shares?|stocks?|Dow|Nasdaq|FTSE|Nikkei|Dax|Cac|Sensex|Hang Seng|exchange rates?|age|aged|ages|temperatures?|degrees|miles|metres|meters|feet|km|mph|seconds|minutes|hours|pence|cents)\b/i;
// After the number: a clause goes on, or the sentence ends; not a noun of its own or another number.
const CLAUSE_GOES_ON =
  /^(?:\s*[,.;:)"”’]|\s*$|\s+(?:in|on|at|by|for|from|to|and|or|but|last|this|next|a|an|the|over|after|before|since|during|compared|against|than|year|years|with|while|as|when|which|who|that|of|,)\b)/i;

/**
 * Whether the bare whole number at `start`..`end` of `p` is a count whose noun its sentence implies, and which
 * noun: the one "the number of …" names, "people" after a noun of people ("a crowd of 40,000"), or none — then a
 * number after a word of change may take what the paragraph counted before ("200,000 cars … the rise, from
 * 189,000"), and any other is a count of something unnamed.
 */
export function impliedCount(
  p: string,
  sentence: { start: number; end: number },
  start: number,
  end: number,
  value: number,
): { noun: string | null; borrow: boolean } | null {
  if (value < 100 || !Number.isInteger(value)) return null;
  if (!CLAUSE_GOES_ON.test(p.slice(end, end + 24))) return null;
  const before = p.slice(Math.max(sentence.start, start - 60), start);
  const quantity = AFTER_QUANTITY_NOUN.exec(before);
  const people = !quantity && AFTER_PEOPLE_VERB.test(before);
  const numberOf = numberOfBefore(p, sentence, start);
  const change = AFTER_CHANGE.test(before) || fromTo(p, before, start, end);
  if (!quantity && !people && !change && !(numberOf && AFTER_PREPOSITION.test(before))) return null;
  if (factsOf(p, sentence).notACount) return null;
  const named = numberOf ? countedNoun(" " + numberOf[1], 3) : null;
  if (named && "noun" in named) return { noun: named.noun, borrow: false };
  if (quantity || people) return { noun: people || OF_PEOPLE.test(quantity![1]) ? "people" : null, borrow: false };
  return { noun: null, borrow: true };
}

// A number that may stand at either end of a change "from N to M": written with thousands commas or under 1,000
// ("0900", "1130" are times of day; years never reach here), and no noun after it.
const LEVEL = String.raw`(?:\d{1,3}(?:,\d{3})+|[1-9]\d{2})(?![\d.,]\d)`;
const LEVEL_ONLY = new RegExp(String.raw`^${LEVEL}$`);
const FROM_BEFORE = /\bfrom\s+$/i;
const TO_LEVEL_AFTER = new RegExp(String.raw`^\s+to\s+(?:just\s+|about\s+|around\s+|nearly\s+|almost\s+)?${LEVEL}`, "i");
const FROM_LEVEL_TO_BEFORE = new RegExp(String.raw`\bfrom\s+${LEVEL}\s+to\s+(?:just\s+|about\s+|around\s+|nearly\s+|almost\s+)?$`, "i");

/**
 * "revised the gains from 157,000 to 133,000", "a decline since October from 785 to 708": a bare number that
 * changes to (or from) another bare one is a level that moved, a count of what the paragraph counted before.
 * Both ends must be levels and the clause must go on after the upper one ("from 1130 to 1215 GMT" is a time,
 * "from 2,000 to 3,000 metres" a measure).
 */
function fromTo(p: string, before: string, start: number, end: number): boolean {
  if (!LEVEL_ONLY.test(p.slice(start, end).trim())) return false;
  if (FROM_LEVEL_TO_BEFORE.test(before)) return true;
  if (!FROM_BEFORE.test(before)) return false;
  const upper = TO_LEVEL_AFTER.exec(p.slice(end, end + 40));
  return !!upper && CLAUSE_GOES_ON.test(p.slice(end + upper[0].length, end + upper[0].length + 24));
}

// What impliedCount reads off a whole sentence, read once per sentence (object) rather than once per number in
// it: a paragraph of one endless sentence has thousands of numbers.
const FACTS = new WeakMap<object, { firstNumberOf: number; notACount: boolean }>();

function factsOf(p: string, sentence: { start: number; end: number }): { firstNumberOf: number; notACount: boolean } {
  let facts = FACTS.get(sentence);
  if (!facts) {
    const text = p.slice(sentence.start, sentence.end);
    FACTS.set(sentence, (facts = { firstNumberOf: NUMBER_OF.exec(text)?.index ?? -1, notACount: NOT_A_COUNT.test(text) }));
  }
  return facts;
}

/**
 * `NUMBER_OF.exec(p.slice(sentence.start, start))`, from the sentence's first "number of": a match before
 * `start` can only be that one (two cannot overlap, and one that fits before `start` fits in the sentence).
 */
function numberOfBefore(p: string, sentence: { start: number; end: number }, start: number): RegExpExecArray | null {
  const first = factsOf(p, sentence).firstNumberOf;
  if (first < 0) return null;
  NUMBER_OF_AT.lastIndex = first;
  return NUMBER_OF_AT.exec(p.slice(sentence.start, start));
}

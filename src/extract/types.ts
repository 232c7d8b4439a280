// What extraction reads and what it finds. Extraction is a pure function of an article's text: it knows
// nothing of files, databases or chat, so it can be tested on a sentence and reused by every store.

/** The text of one article, as extraction sees it. */
export interface ArticleText {
  title: string;
  /** Body paragraphs, verbatim (the title is not among them). */
  paragraphs: string[];
}

/** A position in the article: 1-based paragraph, as a reader counts, and character offsets inside it. */
export interface Span {
  paragraph: number;
  start: number;
  end: number;
}

export interface Quote extends Span {
  /** The words between the marks, exactly as printed. Never edited. */
  text: string;
  /** Canonical name of the speaker as resolved in this article; null when a careful reader could not tell. */
  speaker: string | null;
  /** The verb or shape that attributes it: "said", "tweeted", "according to", "letter"… */
  cue: string | null;
  /** A fragment inside reported speech (`warned that firms could be "crippled"`). */
  partial: boolean;
  /** How sure the attribution is, 0..1. Below 0.5 the speaker is null. */
  confidence: number;
  /** Canonical names of the people the quote itself mentions. */
  mentions: string[];
}

export interface Figure extends Span {
  /** The number as written: "£4.4 billion", "15 per cent", "640,000". */
  text: string;
  /** Normalised value: 4.4e9, 15, 640000. */
  value: number;
  /** GBP, USD, EUR, %, pp (percentage points), pence, or the counted noun (people, jobs…). */
  unit: string;
  /** "year" in "£3,500 a year". */
  per: string | null;
  /** "around", "more than", "nearly"… */
  approx: string | null;
  /** Upper bound when the text gives a range ("between 2% and 3%"). */
  upTo: number | null;
  /** What it measures, a short phrase from the sentence. */
  measure: string;
  /** Who says so (canonical name), when the article says. */
  source: string | null;
  /** The sentence the figure stands in. */
  sentence: string;
  /** The sentence plus the earlier sentences its "the changes"/"the cuts" refer back to: what topic search reads. */
  context: string;
}

export interface Person {
  /** Canonical name: the fullest form the article uses ("Iain Duncan Smith"). */
  name: string;
  kind: "person" | "organisation";
  /** Other names the article uses: surname, initials, title + surname, roles. */
  aliases: string[];
  /** Roles from titles and appositions ("First Minister", "Work and Pensions Secretary"). */
  roles: string[];
  /** How many times the article names them, all forms together. */
  mentions: number;
}

/** An abbreviation the article defines: "Personal Independence Payments (PIP)". */
export interface Acronym {
  short: string;
  long: string;
}

export interface Extraction {
  quotes: Quote[];
  figures: Figure[];
  people: Person[];
  acronyms: Acronym[];
}

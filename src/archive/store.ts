// The archive behind an interface, in five parts: what ingestion writes, what commands read, the digest
// ledger, the leases of replicas and the chat buttons' memory. SQLite (src/archive/sqlite/) is the embedded default; a PostgreSQL store
// (src/archive/postgres/) implements the same contract (tests/archive/contract.ts runs against both).
import type { Acronym, Extraction, Figure, Quote } from "../extract/types.ts";
import type { AliasIdentities, AliasRow, DictionaryDump, IdentityRow } from "./names/dictionary.ts";
import type { OrderedNameEntry } from "./names/identities.ts";
import type { ArticleRecord } from "./read.ts";
import type { QuoteOccurrence } from "./rows.ts";

export type { QuoteOccurrence } from "./rows.ts";

/** What the archive remembers of a file, to tell whether it changed since it was indexed. */
export interface FileState {
  /** Relative to the articles folder. */
  path: string;
  size: number;
  mtimeMs: number;
  /** sha1 of the content. */
  hash: string;
  /** Why the file was not indexed, when it was not. */
  skipped: string | null;
}

export interface IndexedArticle {
  record: ArticleRecord;
  extraction: Extraction;
  /** The article's distinct words (src/archive/terms.ts), when ingestion worked them out off the writing thread. */
  terms?: string[];
}

/** The article fields that answers show. */
export interface ArticleMeta {
  id: number;
  key: string;
  title: string;
  date: string | null;
  url: string | null;
  byline: string | null;
  outlet: string | null;
  section: string | null;
  /** When it entered the archive (ISO), for "what was published since" when a file has no date. */
  addedAt: string;
}

export interface QuoteHit {
  quote: Quote;
  article: ArticleMeta;
}

export interface FigureHit {
  figure: Figure;
  article: ArticleMeta;
}

export interface ArticleHit {
  article: ArticleMeta;
  snippet: string;
}

/** One name the archive knows: an alias (or the canonical name itself) of a person or organisation. */
export interface NameEntry {
  alias: string;
  person: string;
  kind: "person" | "organisation";
  /** In how many articles this alias names this person. */
  articles: number;
}

/**
 * A person's other names and roles are read from the latest this many articles naming them: all of them for
 * nearly everyone; for an organisation named in a hundred thousand articles, its current names and roles
 * without reading every mention (the counts stay exact).
 */
export const PERSON_ROWS = 1000;

export interface PersonFacts {
  name: string;
  kind: "person" | "organisation";
  aliases: string[];
  roles: string[];
  articles: number;
  quotes: number;
}

/**
 * A text query: every group must match (AND); a group matches when any of its phrases does (OR). Phrases
 * are folded words ("personal independence payments"); the store decides how to search them.
 */
export interface TextQuery {
  groups: string[][];
}

/**
 * Days of the articles' dates, both ends inclusive (YYYY-MM-DD), an end left open when null. An article with
 * no date (a plain .txt) counts from the day it was added to the archive, as NEWEST orders it.
 */
export interface Period {
  from: string | null;
  to: string | null;
}

/** A month of a speaker's quotes: "2016-03", and how many. */
export interface QuoteMonth {
  month: string;
  quotes: number;
}

/**
 * How many matches of a text query are ranked. Up to this many, every match is ranked by relevance (bm25);
 * past it (a common word over a large archive) only the most recently added this many are, so that an
 * answer takes the same few milliseconds at a million articles as at a thousand, and the newest reporting
 * wins over an old article that uses the word more. Both stores apply the same bound.
 */
export const RANKED_MATCHES = 1000;

export interface ArchiveStats {
  files: number;
  skipped: number;
  articles: number;
  quotes: number;
  figures: number;
  people: number;
}

/** A person named in a set of articles: how often and in how many. */
export interface PersonMentions {
  name: string;
  kind: "person" | "organisation";
  mentions: number;
  articles: number;
}

/** What happened to one scheduled digest: claimed (being posted), then posted, empty (skipped) or failed. */
export type DigestStatus = "claimed" | "posted" | "skipped" | "failed";

/** What ingestion writes: files and the articles extracted from them, one transaction per file. */
export interface ArchiveWriter {
  /** What the archive remembers of every file, to tell which changed. */
  fileStates(): Promise<Map<string, FileState>>;
  /** Replaces everything a file had with these articles, in one transaction per file. */
  putFiles(files: { state: FileState; articles: IndexedArticle[] }[]): Promise<void>;
  /** Records a file that could not be indexed (and drops what it had before). */
  markSkipped(state: FileState): Promise<void>;
  /** Records a new size and mtime for a file whose content did not change. */
  touchFile(state: FileState): Promise<void>;
  /** Forgets files and everything they had. */
  removeFiles(paths: string[]): Promise<void>;
  /**
   * About `files` files are to be written now (a first ingest, a folder copied in): the store may write them
   * in bulk, putting off index upkeep until endBatch, which must follow (in a `finally`). Readers see every
   * file as soon as it is written; names may be found by their new articles only at the end. A process
   * killed in between leaves the work to the next writer, which finishes it first.
   */
  beginBatch(files: number): Promise<void>;
  endBatch(): Promise<void>;
  /** Stored with the archive: a different extractor version means every file is read again. */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
}

/**
 * The articles folder the archive mirrors (its absolute path), null before the first sync records it.
 * History, not derived: kept across rebuilds. A process with another folder neither indexes nor removes.
 */
export interface ArchiveSource {
  archiveSource(): Promise<string | null>;
  recordSource(folder: string): Promise<void>;
  /** PostgreSQL: throws when a newer newsbot has upgraded the archive's layout since this process opened it. */
  checkLayout?(): Promise<void>;
}

/**
 * The name dictionary (src/archive/names/): identities, their aliases and the aliases' words, kept at
 * ingestion. Every read is an indexed look-up, so nothing here grows with the archive.
 */
export interface NameReader {
  /** The identities each folded alias names, in answer order; aliases the dictionary lacks are left out. */
  identitiesByAlias(keys: string[]): Promise<AliasIdentities[]>;
  /** Identities in answer order (names/dictionary.ts byRank): `limit` of them, after `after` (the last of the previous page). */
  rankedIdentities(limit: number, after?: IdentityRow): Promise<IdentityRow[]>;
  /**
   * The best `limit` identities with a word starting with `prefix`, or null when more than `most` alias
   * words start with it (then walking rankedIdentities finds them sooner).
   */
  identitiesWithWordPrefix(prefix: string, limit: number, most: number): Promise<IdentityRow[] | null>;
  /**
   * Words of the dictionary: which of `words` it has (word → its number of aliases), the words each of
   * `variants` is a one-letter deletion of (sorted), and the first `rangeLimit` words starting with `prefix`.
   */
  nameWords(
    words: string[],
    variants: string[],
    prefix: string | null,
    rangeLimit: number,
  ): Promise<{ counts: Map<string, number>; deletes: Map<string, string[]>; range: string[] }>;
  /** The aliases with each of these words. */
  aliasesWithWords(words: string[]): Promise<{ word: string; alias: AliasRow }[]>;
  /** Which of these folded aliases also name an identity other than `identity` (a probe each, stopping at the first). */
  aliasesNamingOthers(keys: string[], identity: string): Promise<Set<string>>;
  /** The whole dictionary (reads it all): for tests and checks against a rebuild. */
  nameDictionary(): Promise<DictionaryDump>;
}

/** What commands and the digest read. */
export interface ArchiveReader extends NameReader {
  /** The names rows the dictionary is made from: (alias, person) → articles, first seen first (`ord`). Reads them all. */
  names(): Promise<OrderedNameEntry[]>;
  acronyms(): Promise<Acronym[]>;
  /** Quotes whose speaker is one of `speakers` (canonical names), newest first; only those of `period` when given. */
  quotesBy(speakers: string[], limit: number, period?: Period | null): Promise<QuoteHit[]>;
  /**
   * Quotes whose text matches, best first (among the RANKED_MATCHES most recently added matches); with a
   * period, among the matches in articles of that period.
   */
  quotesMatching(query: TextQuery, limit: number, period?: Period | null): Promise<QuoteHit[]>;
  /**
   * The quotes with every one of these folded words, by `speaker` or by no one named (anyone's when null): a
   * quotation's other occurrences. Unranked (no bm25): the RANKED_MATCHES most recently added, newest first,
   * without their articles' rows (at 1M a quotation is in hundreds): quotesById reads the few shown.
   */
  quotesWithWords(words: string[], speaker: string | null): Promise<QuoteOccurrence[]>;
  /** These quotes with their articles, in the order asked; an id not in the archive is left out. */
  quotesById(ids: number[]): Promise<QuoteHit[]>;
  /** Figures whose sentence, context, measure or article title match, best first (as quotesMatching). */
  figuresMatching(query: TextQuery, limit: number, period?: Period | null): Promise<FigureHit[]>;
  /** Articles whose title or body match, best first (as quotesMatching), each with a snippet around the words. */
  articlesMatching(query: TextQuery, limit: number, period?: Period | null): Promise<ArticleHit[]>;
  /**
   * Quotes by `speakers` in the articles whose title or body match `query`, newest first: the articles are
   * the RANKED_MATCHES most recently added matches (of `period`, when given), so the work is bounded however
   * common the words. What a person said in the articles about a topic.
   */
  quotesByIn(speakers: string[], query: TextQuery, limit: number, period?: Period | null): Promise<QuoteHit[]>;
  /** The text of these paragraphs (article id, 1-based paragraph), in the order asked; "" for one that is not there. */
  paragraphs(at: { article: number; paragraph: number }[]): Promise<string[]>;
  /** How many quotes `speakers` have in each month (of `period`, when given), oldest first. */
  quoteMonths(speakers: string[], period?: Period | null): Promise<QuoteMonth[]>;
  /** In how many articles each of these words occurs (the vocabulary termsStartingWith reads); absent words are left out. */
  termDocs(terms: string[]): Promise<Map<string, number>>;
  /** Articles added or dated on or after `since` (ISO), newest first. */
  articlesSince(since: string, limit: number): Promise<ArticleMeta[]>;
  person(names: string[]): Promise<PersonFacts | null>;
  /** Words of the archive that start with `prefix` (folded), most frequent first: for typo and prefix expansion. */
  termsStartingWith(prefix: string, limit: number): Promise<string[]>;
  stats(): Promise<ArchiveStats>;
  /** Quotes in these articles, article by article in the given order, then in reading order. */
  quotesIn(articleIds: number[], limit: number): Promise<QuoteHit[]>;
  /** Figures in these articles, article by article in the given order, then in reading order. */
  figuresIn(articleIds: number[], limit: number): Promise<FigureHit[]>;
  /** People and organisations named in these articles, most mentioned first. */
  peopleIn(articleIds: number[], limit: number): Promise<PersonMentions[]>;
  /**
   * A number that changes whenever the archived articles change, whoever wrote them: a replica compares it
   * to the one it last saw to know when to reload its in-memory indexes.
   */
  revision(): Promise<number>;
}

/** Which scheduled digests went out: history, kept when the derived tables are rebuilt. */
export interface DigestLedger {
  /**
   * Claims the digest for `channel` at `scheduledAt` (ISO): true for exactly one caller, ever, across
   * processes sharing the archive (a unique row, inserted before anything is posted).
   */
  claimDigest(channel: string, scheduledAt: string, owner: string): Promise<boolean>;
  /** Records how a claimed digest ended. */
  finishDigest(channel: string, scheduledAt: string, status: Exclude<DigestStatus, "claimed">, detail?: string): Promise<void>;
  /** The latest scheduled time claimed for `channel` (ISO), null when none. */
  lastDigest(channel: string): Promise<{ scheduledAt: string; status: DigestStatus } | null>;
}

/** Work that must run in one process of several sharing the archive: the folder watch, feeds, the digest. */
export interface Leases {
  /**
   * Takes or renews the lease `name` for `owner` until `ttlMs` from now, by the archive's clock: true when
   * `owner` holds it afterwards. A holder that stops renewing (it died) loses the lease when it expires, and
   * the next caller takes it.
   */
  acquireLease(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up at once (on a clean stop), so another replica need not wait for it to expire. */
  releaseLease(name: string, owner: string): Promise<void>;
}

/**
 * What a chat button needs and cannot carry itself (a query longer than Discord's 100-character custom_id),
 * kept for a while where every replica finds it.
 */
export interface ButtonMemory {
  /** Keeps `value` under `key` for `ttlMs` from now; the same key again takes the new value and time. */
  rememberButton(key: string, value: string, ttlMs: number): Promise<void>;
  /** What is kept under `key`, or null when nothing is or its time has run out. */
  recallButton(key: string): Promise<string | null>;
}

/** The whole archive: each part is also a type of its own, so code can ask for only what it uses. */
export interface ArchiveStore extends ArchiveWriter, ArchiveReader, DigestLedger, Leases, ButtonMemory, ArchiveSource {
  readonly kind: "sqlite" | "postgres";
  close(): Promise<void>;
}

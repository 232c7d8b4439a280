// The platform-neutral reply every command returns. It is structure, not chat text: each renderer
// (terminal, JSON, Slack blocks, Discord embeds) decides how to show it and how to fit its platform's
// limits. Text in here is plain and unescaped; escaping is the renderer's job.

/** Where a quote or figure comes from: enough to link back to the article and the paragraph. */
export interface SourceRef {
  articleId: string;
  title: string;
  /** ISO date (YYYY-MM-DD) when the article has one. */
  date: string | null;
  url: string | null;
  /** The article's file, relative to the articles folder. */
  path: string;
  /** 1-based paragraph. */
  paragraph: number;
}

export interface QuoteBlock {
  kind: "quote";
  text: string;
  speaker: string | null;
  partial: boolean;
  /** "by": the person asked about said it; "mentions": it only names them; "topic": matched the words. */
  match: "by" | "mentions" | "topic";
  source: SourceRef;
  /** A heading above the quote: the month of a timeline ("March 2016 · 4 quotes"). */
  label?: string;
  /** The same quotation in other articles: in how many in all, the first to report it, the others (oldest first). */
  reported?: { articles: number; first: SourceRef; others: SourceRef[] };
  /** A partial quote's longer quotation by the same speaker: the one to cite. */
  partOf?: QuotedPart;
  /** Partial quotes of this quotation elsewhere: some of its words, quoted on their own. */
  parts?: QuotedPart[];
}

/** Another quotation a quote points to, with where it is. */
export interface QuotedPart {
  text: string;
  source: SourceRef;
}

export interface FigureBlock {
  kind: "figure";
  /** As written in the first article that has it. */
  text: string;
  value: number;
  unit: string;
  per: string | null;
  approx: string | null;
  measure: string;
  /** Who says so, when an article says. */
  claimedBy: string | null;
  sentence: string;
  /** Every article that gives this figure, newest first. */
  sources: SourceRef[];
  /** Other claims measure the same thing with a different value: every value given (this one too), each once up to rounding. */
  disagree?: { text: string; claimedBy: string | null; source: SourceRef }[];
}

export interface ArticleBlock {
  kind: "article";
  snippet: string;
  source: SourceRef;
}

export interface PersonBlock {
  kind: "person";
  name: string;
  type: "person" | "organisation";
  aliases: string[];
  roles: string[];
  articles: number;
  quotes: number;
}

export interface TextBlock {
  kind: "text";
  text: string;
}

/** Small print under a result list: counts, hints, "speaker unsure". */
export interface NoteBlock {
  kind: "note";
  text: string;
}

/**
 * Where a new section of a long reply begins (the digest's "Key quotes"), under `title`; an empty title only
 * separates. In a chat answer it reads as a note; a message posted to a channel may give each section a
 * part of its own (on Discord, an embed).
 */
export interface SectionBlock {
  kind: "section";
  title: string;
}

export interface SuggestionsBlock {
  kind: "suggestions";
  /** What to type next: each one a full command ("/quote George Osborne"). */
  commands: string[];
}

export type Block = QuoteBlock | FigureBlock | ArticleBlock | PersonBlock | TextBlock | NoteBlock | SectionBlock | SuggestionsBlock;

export interface Paging {
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
  /** The command gathered as many results as it reads at most: there are more, and `total` is a floor. */
  capped?: boolean;
}

export interface Reply {
  command: string;
  query: string;
  /** A short headline: "Quotes by Nicola Sturgeon". */
  title: string;
  blocks: Block[];
  paging: Paging | null;
  /** "ok": an answer; "empty": nothing found (suggestions may follow); "usage": help for the command; "error": our fault. */
  status: "ok" | "empty" | "usage" | "error";
}

// What more than one extractor reads off each paragraph — its sentences and its pairs of quotation marks —
// worked out once per article. extractArticle hands it to each extractor; one called on its own (as the
// tests do) works it out for itself.
import { quoteSpans, quoteStyle, type QuoteStyle, type Span } from "./marks.ts";
import { splitSentences, type Sentence } from "./text.ts";
import type { ArticleText } from "./types.ts";

export interface ParagraphReading {
  /** Sentences of each paragraph, in order (index 0 is paragraph 1). */
  sentences: Sentence[][];
  /** Quotation spans of each paragraph. */
  quotes: Span[][];
  /** Whether the article quotes with double marks (nesting with single) or the reverse. */
  style: QuoteStyle;
}

export function readParagraphs(article: ArticleText): ParagraphReading {
  const style = quoteStyle(article.paragraphs);
  return { sentences: article.paragraphs.map(splitSentences), quotes: article.paragraphs.map((p) => quoteSpans(p, style)), style };
}

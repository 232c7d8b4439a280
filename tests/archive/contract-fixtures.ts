// The articles, quotes, figures and people the store contract writes, and the file states it records.
import type { ArchiveStore, FileState, IndexedArticle } from "../../src/archive/store.ts";
import type { Figure, Person, Quote } from "../../src/extract/types.ts";

let fileNo = 0;
export const state = (path: string, extra: Partial<FileState> = {}): FileState => ({
  path,
  size: 100 + fileNo++,
  mtimeMs: 1717171717171.5,
  hash: `h${fileNo}`,
  skipped: null,
  ...extra,
});

export function quote(text: string, speaker: string | null, paragraph = 1, extra: Partial<Quote> = {}): Quote {
  return { text, speaker, cue: "said", partial: false, confidence: 0.9, paragraph, start: 0, end: text.length, mentions: [], ...extra };
}

export function figure(text: string, value: number, sentence: string, extra: Partial<Figure> = {}): Figure {
  return {
    text,
    value,
    unit: "GBP",
    per: null,
    approx: null,
    upTo: null,
    measure: "",
    source: null,
    sentence,
    context: sentence,
    paragraph: 1,
    start: 0,
    end: text.length,
    ...extra,
  };
}

export function person(name: string, aliases: string[] = [], extra: Partial<Person> = {}): Person {
  return { name, kind: "person", aliases, roles: [], mentions: 1, ...extra };
}

export function article(
  key: string,
  title: string,
  paragraphs: string[],
  x: Partial<IndexedArticle["extraction"]> = {},
  date: string | null = "2024-05-01",
): IndexedArticle {
  return {
    record: { key, title, date, byline: "A Reporter", outlet: "The Paper", url: `https://example.org/${key}`, section: "news", tags: ["t"], paragraphs },
    extraction: { quotes: [], figures: [], people: [], acronyms: [], ...x },
  };
}

export async function put(store: ArchiveStore, path: string, ...articles: IndexedArticle[]) {
  await store.putFiles([{ state: state(path), articles }]);
}

export const words = (phrase: string) => ({ groups: [[phrase]] });

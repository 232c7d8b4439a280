// Builders for the replies every command shares: usage, nothing found, and our own failure.
import { Messages } from "./messages.ts";
import type { Block, Reply, SourceRef } from "./model.ts";

export function reply(command: string, query: string, title: string, blocks: Block[], paging: Reply["paging"] = null): Reply {
  return { command, query, title, blocks, paging, status: "ok" };
}

/** Help for a command: shown for an empty query, an unknown command or a query we cannot read. */
export function usageReply(command: string, query: string, message: string, examples: string[] = []): Reply {
  const blocks: Block[] = [{ kind: "text", text: message }];
  if (examples.length) blocks.push({ kind: "suggestions", commands: examples });
  return { command, query, title: `/${command}`, blocks, paging: null, status: "usage" };
}

/** Nothing found: says so, and offers the nearest things the archive does have. */
export function emptyReply(command: string, query: string, suggestions: string[], message = Messages.nothingFor(query)): Reply {
  const blocks: Block[] = [{ kind: "text", text: message }];
  if (suggestions.length) blocks.push({ kind: "text", text: Messages.didYouMean }, { kind: "suggestions", commands: suggestions });
  return { command, query, title: `/${command} ${query}`.trim(), blocks, paging: null, status: "empty" };
}

export function errorReply(command: string, query: string): Reply {
  return { command, query, title: Messages.internalError, blocks: [{ kind: "text", text: Messages.internalError }], paging: null, status: "error" };
}

/** The page of `items` asked for, and the paging the reply reports. */
/**
 * Results a command reads at most, per kind: ten pages of five. On a large archive every row read may be a
 * disk read; a reader who wants older ones narrows the query.
 */
export const READ_AT_MOST = 50;

/**
 * The first `max` of results read with a limit of `max + 1`: the extra one only tells that there are more
 * (the "50+" of the paging line), which reading exactly `max` cannot.
 */
export function firstOf<T>(read: T[], max: number): { items: T[]; more: boolean } {
  return { items: read.slice(0, max), more: read.length > max };
}

export function pageOf<T>(items: T[], page: number, pageSize: number, capped = false): { items: T[]; paging: Reply["paging"] } {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const p = Math.min(page, pages);
  return {
    items: items.slice((p - 1) * pageSize, p * pageSize),
    paging: items.length > pageSize ? { page: p, pages, total: items.length, ...(capped ? { capped } : {}) } : null,
  };
}

/** The link back to an article and paragraph that every quote and figure carries. */
export function sourceRef(article: { key: string; title: string; date: string | null; url: string | null }, paragraph: number): SourceRef {
  return { articleId: article.key, title: article.title, date: article.date, url: article.url, path: article.key.replace(/#\d+$/, ""), paragraph };
}

// Agencies send corrections as new versions of an item (same ninjs uri, NITF doc-id or G2 guid, a higher
// version number). Within one file (a newsMessage holding two versions of an item), the latest is kept.
import type { ArticleRecord } from "./fields.ts";

export function keepLatest(articles: ArticleRecord[]): { articles: ArticleRecord[]; replaced: string[] } {
  const latest = new Map<string, ArticleRecord>();
  for (const a of articles) {
    if (!a.identity) continue;
    const seen = latest.get(a.identity.id);
    if (!seen || a.identity.version >= seen.identity!.version) latest.set(a.identity.id, a);
  }
  const replaced: string[] = [];
  const kept = articles.filter((a) => {
    const winner = a.identity ? latest.get(a.identity.id) : a;
    if (winner === a) return true;
    replaced.push(`${a.key}: replaced by version ${winner!.identity!.version} of the same item (${winner!.key})`);
    return false;
  });
  return { articles: kept, replaced };
}

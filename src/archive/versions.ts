// Wire items across files: agencies deliver each version of an item as a file of its own (AP-123-v1.xml,
// then AP-123-v2.xml with the correction). The archive must hold the latest version only, whichever file
// came first, and bring an earlier one back if the later file is removed.
//
// Each sync knows every file's item ids and versions: remembered in the archive's meta for files it does
// not re-read, read ahead for new and changed files that can carry ids (wire, feed and JSON files; parsing
// is far cheaper than extraction, bench/reading.ts). An item's winner is its highest version (on a tie, the
// first path in order, so a duplicate delivery is indexed once). An unchanged file whose items won or lost
// since the last sync is read again; articles that lost are left out and reported.
import { extname, join } from "node:path";
import type { ArchiveStore, FileState } from "./store.ts";
import { readArticleFile, type ReadResult } from "./read.ts";
import { shown } from "./listing.ts";

const META_KEY = "reading:wire-items";
const READ_AHEAD_KEPT = 5000;
/** Files whose formats carry item ids and versions; other files are never read ahead. */
const CARRIERS = new Set([".json", ".ninjs", ".jsonl", ".ndjson", ".xml", ".nitf", ".newsml", ".g2", ".rss", ".atom", ".rdf", ""]);

interface FileItems {
  /** [id, version] of each article of the file. */
  items: [string, number][];
  /** Ids left out when the file was last read (another file holds a later version). */
  dropped: string[];
}

export class WireVersions {
  private winners = new Map<string, { version: number; path: string }>();
  private reread = new Set<string>();
  /** Files read ahead, kept for the sync's own read (up to READ_AHEAD_KEPT articles: memory stays bounded). */
  private ahead = new Map<string, ReadResult>();

  private constructor(
    private store: ArchiveStore,
    private files: Map<string, FileItems>,
    private saved: string,
  ) {}

  /** Reads what the archive remembers and reads ahead the new and changed files among `listed`. */
  static async open(
    store: ArchiveStore,
    dir: string,
    listed: { path: string; size: number; mtimeMs: number; raw?: Buffer }[],
    known: Map<string, FileState>,
    stale: boolean,
  ): Promise<WireVersions> {
    const before = (await store.getMeta(META_KEY)) ?? "{}";
    const saved = JSON.parse(before) as Record<string, FileItems>;
    const files = new Map<string, FileItems>();
    const ahead = new Map<string, ReadResult>();
    let kept = 0;
    for (const { path, size, mtimeMs, raw } of listed) {
      const before = known.get(path);
      const same = before && !stale && before.size === size && before.mtimeMs === mtimeMs;
      if (same) {
        if (saved[path]) files.set(path, saved[path]);
        continue;
      }
      if (!CARRIERS.has(extname(path).toLowerCase())) continue;
      const read = readArticleFile(raw ?? join(dir, path), path);
      const items = idsOf(read);
      if (items.length) files.set(path, { items, dropped: saved[path]?.dropped ?? [] });
      if (read.ok && kept + read.articles.length <= READ_AHEAD_KEPT) {
        ahead.set(path, read);
        kept += read.articles.length;
      }
    }
    const v = new WireVersions(store, files, before);
    v.ahead = ahead;
    for (const [path, f] of files) {
      for (const [id, version] of f.items) {
        const w = v.winners.get(id);
        if (!w || version > w.version || (version === w.version && path < w.path)) v.winners.set(id, { version, path });
      }
    }
    // An unchanged file whose set of lost items changed is read again.
    for (const [path, f] of files) {
      const lost = v.lostBy(path, f).sort().join("\n");
      if (lost !== [...f.dropped].sort().join("\n")) v.reread.add(path);
    }
    // A file that lost items before and carries none now (it was removed or rewritten) needs nothing.
    return v;
  }

  /** True when `path` must be read again although it did not change. */
  mustRead(path: string): boolean {
    return this.reread.has(path);
  }

  /**
   * Reads the file (or takes what was read ahead) and leaves out the articles another file holds a later
   * version of; each left out is reported.
   */
  read(full: string | Buffer, path: string): ReadResult {
    const read = this.ahead.get(path) ?? readArticleFile(full, path);
    this.ahead.delete(path);
    if (!read.ok) return read;
    const problems = [...read.problems];
    const dropped: string[] = [];
    const articles = read.articles.filter((a) => {
      const w = a.identity ? this.winners.get(a.identity.id) : undefined;
      if (!w || w.path === path) return true;
      dropped.push(a.identity!.id);
      problems.push(
        `${shown(a.key)}: ${w.version > a.identity!.version ? `replaced by version ${w.version} of the same item` : "the same item as"} in ${shown(w.path)}`,
      );
      return false;
    });
    const f = this.files.get(path);
    if (f) f.dropped = dropped;
    if (articles.length === 0 && dropped.length > 0) return { ok: false, reason: problems[problems.length - 1].replace(/^.*?: /, "") };
    return { ...read, articles, problems };
  }

  /** Remembers every file's items for the next sync (written only when they changed: a sync that found nothing new writes nothing). */
  async save(): Promise<void> {
    const now = JSON.stringify(Object.fromEntries(this.files));
    if (now !== this.saved) await this.store.setMeta(META_KEY, now);
  }

  private lostBy(path: string, f: FileItems): string[] {
    return f.items.filter(([id]) => this.winners.get(id)?.path !== path).map(([id]) => id);
  }
}

function idsOf(read: ReadResult): [string, number][] {
  if (!read.ok) return [];
  return read.articles.filter((a) => a.identity).map((a) => [a.identity!.id, a.identity!.version]);
}

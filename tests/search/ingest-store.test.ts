// Ingestion for speed (issue 6): extraction on worker threads gives the archive exactly what extraction on
// the main thread gives, and the name dictionary kept at ingestion equals the one recomputed from people.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { syncFolder } from "../../src/archive/ingest.ts";
import { openSqliteStore } from "../../src/archive/sqlite/store.ts";
import { logger, memoryLogger } from "../../src/log.ts";
import { tempDir } from "../helpers/tmp.ts";

const samples = ["000_2ea4bb40d2f84377.txt", "003_a45378febf24a42f.txt"].map((f) => readFileSync(join("data/articles", f), "utf8"));
const log = logger("error");

function folder(root: string, copies: number): string {
  const dir = join(root, "articles");
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < copies; i++) samples.forEach((text, s) => writeFileSync(join(dir, `c${i}-${s}.txt`), text.replace(/\n/, ` ${i}\n`)));
  return dir;
}

function dump(path: string) {
  const db = new Database(path, { readonly: true });
  const all = (sql: string) => db.prepare(sql).all();
  const out = {
    quotes: all(
      "SELECT a.key, q.text, q.speaker, q.paragraph, q.start FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.key, q.paragraph, q.start",
    ),
    figures: all("SELECT a.key, f.text, f.value, f.unit, f.measure FROM figures f JOIN articles a ON a.id = f.article_id ORDER BY a.key, f.paragraph, f.start"),
    people: all("SELECT a.key, p.name, p.aliases FROM people p JOIN articles a ON a.id = p.article_id ORDER BY a.key, p.name"),
    // Counted from words worked out on the threads, or on the main thread.
    terms: all("SELECT term, docs FROM terms ORDER BY term"),
  };
  db.close();
  return out;
}

/** The dictionary as it was computed before it was kept at ingestion: from every people row. */
function namesFromPeople(path: string) {
  const db = new Database(path, { readonly: true });
  const counts = new Map<string, number>();
  for (const r of db.prepare("SELECT name, aliases FROM people").all() as { name: string; aliases: string }[]) {
    for (const alias of new Set([r.name, ...(JSON.parse(r.aliases) as string[])]))
      counts.set(`${alias}|${r.name}`, (counts.get(`${alias}|${r.name}`) ?? 0) + 1);
  }
  db.close();
  return counts;
}

describe("ingestion at scale", () => {
  const root = tempDir("newsbot-ingest-");
  const dir = folder(root, 20);

  it("extracts the same on worker threads as on the main thread", async () => {
    const results = [];
    for (const workers of [0, 2]) {
      const path = join(root, `w${workers}.db`);
      const store = openSqliteStore(path);
      const lines = memoryLogger();
      const report = await syncFolder(store, dir, { log: lines, workers });
      expect(report.added).toBe(40);
      // The threads did the work: no fall-back to this thread, no extraction error.
      expect(lines.lines.filter((l) => /extraction thread failed|extraction failed/.test(l))).toEqual([]);
      await store.close();
      results.push(dump(path));
    }
    expect(results[0].quotes.length).toBeGreaterThan(40);
    expect(results[1]).toEqual(results[0]);
  }, 60_000);

  it("keeps the name dictionary and the vocabulary in step with files added, changed and removed", async () => {
    const path = join(root, "names.db");
    const store = openSqliteStore(path);
    await syncFolder(store, dir, { log, workers: 0 });
    const check = async () => {
      const kept = new Map((await store.names()).map((e) => [`${e.alias}|${e.person}`, e.articles]));
      expect(kept).toEqual(namesFromPeople(path));
    };
    await check();
    rmSync(join(dir, "c0-0.txt"));
    rmSync(join(dir, "c1-1.txt"));
    writeFileSync(join(dir, "c2-0.txt"), samples[1]);
    await syncFolder(store, dir, { log, workers: 0 });
    await check();
    expect((await store.names()).length).toBeGreaterThan(5);
    // The vocabulary kept at ingestion counts what the full-text index counts.
    const db = new Database(path, { readonly: true });
    const vocab = db.prepare("SELECT term, doc AS docs FROM articles_vocab ORDER BY term").all();
    const terms = db.prepare("SELECT term, docs FROM terms ORDER BY term").all();
    db.close();
    expect(terms).toEqual(vocab);
    expect(await store.termsStartingWith("s", 3)).toHaveLength(3);
    await store.close();
  }, 60_000);

  it("returns a speaker's newest quotes first, merged across the speaker's names", async () => {
    const store = openSqliteStore(join(root, "w2.db"));
    const [name] = (await store.names())
      .filter((e) => e.alias === e.person)
      .sort((a, b) => b.articles - a.articles)
      .map((e) => e.person);
    const hits = await store.quotesBy([name, "Nobody at all"], 7);
    expect(hits.length).toBe(7);
    expect(hits.every((h) => h.quote.speaker === name)).toBe(true);
    for (let i = 1; i < hits.length; i++) expect((hits[i - 1].article.date ?? "") >= (hits[i].article.date ?? "")).toBe(true);
    await store.close();
  });
});

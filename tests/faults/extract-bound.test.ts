// One pathological article must not hold ingestion up (issue 18): the extraction pool abandons an article
// that overruns its bound, ends the thread stuck on it, reports it, and extracts the rest of its chunk on
// a fresh thread; the thread that answers (this one) keeps running meanwhile.
import { describe, expect, it } from "vitest";
import { ExtractPool } from "../../src/archive/extract-pool.ts";
import type { ArticleRecord } from "../../src/archive/read.ts";
import { memoryLogger } from "../../src/log.ts";

const record = (key: string, title = key): ArticleRecord => ({
  key,
  title,
  date: null,
  byline: null,
  outlet: null,
  url: null,
  section: null,
  tags: [],
  paragraphs: ["text"],
});

describe("the extraction pool's per-article bound", () => {
  it("abandons the article that overruns, keeps the others, and leaves this thread free", async () => {
    const log = memoryLogger();
    const pool = new ExtractPool({ size: 2, timeoutMs: 1000, log, worker: new URL("./fixtures/stalling-worker.mjs", import.meta.url) });
    // The stalling article sits in the middle of a chunk: the ones after it must still be extracted.
    const records = [
      record("a.txt"),
      record("b.jsonl#1"),
      record("b.jsonl#2", "STALL"),
      record("b.jsonl#3"),
      ...Array.from({ length: 30 }, (_, i) => record(`c${i}.txt`)),
    ];
    let ticks = 0;
    const tick = setInterval(() => ticks++, 20);
    try {
      const outcomes = await pool.extract(records);
      expect(outcomes.map((o) => o.ok)).toEqual(records.map((r) => r.title !== "STALL"));
      expect(outcomes[2]).toEqual({ ok: false, key: "b.jsonl#2", reason: "extraction took longer than 1 s (NEWSBOT_EXTRACT_SECONDS): abandoned" });
      expect(outcomes[3]).toMatchObject({ ok: true, article: { record: { key: "b.jsonl#3" }, terms: ["b.jsonl#3"] } });
      expect(log.lines.filter((l) => /abandoned/.test(l))).toEqual([
        expect.stringContaining('extraction of "b.jsonl#2" (4 characters) took longer than 1 s: abandoned'),
      ]);
      // This thread ran its timers all along (it would not have, had the stall been on it).
      expect(ticks).toBeGreaterThan(5);
      // The pool goes on working after a thread was ended.
      expect((await pool.extract([record("d.txt"), record("e.txt", "STALL")])).map((o) => o.ok)).toEqual([true, false]);
    } finally {
      clearInterval(tick);
      await pool.close();
    }
  });
});

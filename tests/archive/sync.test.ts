import { copyFileSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syncFolder } from "../../src/archive/ingest.ts";
import { openSqliteStore } from "../../src/archive/sqlite/store.ts";
import { memoryLogger } from "../../src/log.ts";
import { tempDir } from "../helpers/tmp.ts";

const root = tempDir();

function folder(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe("keeping the archive in step with the articles folder", () => {
  it("indexes new files, re-reads only changed ones, and forgets removed ones", async () => {
    const dir = folder("sync");
    writeFileSync(join(dir, "a.txt"), "Pay deal agreed\n\nUnions said the deal was fair.");
    writeFileSync(join(dir, "b.txt"), "Rail strike\n\nTrains stopped on Monday.");
    const store = openSqliteStore(join(root, "sync.db"));
    const log = memoryLogger();

    const first = await syncFolder(store, dir, { log });
    expect(first).toMatchObject({ added: 2, updated: 0, removed: 0, unchanged: 0, changed: true });

    const again = await syncFolder(store, dir, { log });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2, changed: false });

    writeFileSync(join(dir, "a.txt"), "Pay deal rejected\n\nUnions said the deal was unfair.");
    utimesSync(join(dir, "a.txt"), new Date(), new Date(Date.now() + 5000));
    rmSync(join(dir, "b.txt"));
    const third = await syncFolder(store, dir, { log });
    expect(third).toMatchObject({ added: 0, updated: 1, removed: 1, changed: true });
    const hits = await store.articlesMatching({ groups: [["rejected"]] }, 10);
    expect(hits.map((h) => h.article.title)).toEqual(["Pay deal rejected"]);
    expect(await store.articlesMatching({ groups: [["accepted", "agreed"]] }, 10)).toEqual([]);
    expect(await store.articlesMatching({ groups: [["trains"]] }, 10)).toEqual([]);
    expect((await store.stats()).articles).toBe(1);
    await store.close();
  });

  it("skips a bad file with a one-line reason and still indexes the rest", async () => {
    const dir = folder("bad");
    writeFileSync(join(dir, "good.txt"), "Good story\n\nA council approved the plan.");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0, 1, 2, 3, 0, 5]));
    writeFileSync(join(dir, "empty.md"), "");
    writeFileSync(join(dir, "broken.md"), "---\ntitle: [oops\n---\ntext");
    writeFileSync(join(dir, "notes.docx"), "not an article type: reported, never silently ignored");
    const store = openSqliteStore(join(root, "bad.db"));
    const log = memoryLogger();
    const report = await syncFolder(store, dir, { log });
    expect(report.added).toBe(1);
    expect(report.skipped.map((s) => s.path).sort()).toEqual(["binary.txt", "broken.md", "empty.md", "notes.docx"]);
    expect(report.skipped.find((s) => s.path === "notes.docx")?.reason).toBe("not an article file (.docx files are not read)");
    expect(log.lines.filter((l) => l.includes("skipped"))).toHaveLength(4);
    expect((await store.stats()).articles).toBe(1);
    // Unchanged bad files are not read again, but are still reported.
    const again = await syncFolder(store, dir, { log });
    expect(again).toMatchObject({ unchanged: 5, changed: false });
    expect(again.skipped).toHaveLength(4);
    await store.close();
  });

  it("keeps what it had when reopened: a restart re-extracts nothing", async () => {
    const dir = folder("restart");
    copyFileSync("data/articles/000_2ea4bb40d2f84377.txt", join(dir, "seed.txt"));
    const db = join(root, "restart.db");
    const log = memoryLogger();
    const s1 = openSqliteStore(db);
    await syncFolder(s1, dir, { log });
    const stats = await s1.stats();
    await s1.close();
    const s2 = openSqliteStore(db);
    expect(await syncFolder(s2, dir, { log })).toMatchObject({ unchanged: 1, changed: false });
    expect(await s2.stats()).toEqual(stats);
    await s2.close();
  });
});

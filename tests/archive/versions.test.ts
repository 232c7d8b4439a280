// A later version of a wire item in another file replaces the earlier one, whichever arrived first, and the
// earlier one comes back when the later file goes — on the real SQLite store through syncFolder.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syncFolder } from "../../src/archive/ingest.ts";
import { openSqliteStore } from "../../src/archive/sqlite/store.ts";
import { memoryLogger } from "../../src/log.ts";
import { tempDir } from "../helpers/tmp.ts";

const ninjs = (version: number, words: string) =>
  JSON.stringify({
    uri: "urn:wire:bridge",
    type: "text",
    version: String(version),
    versioncreated: "2026-03-20T10:00:00Z",
    headline: `Bridge v${version}`,
    body_text: `The bridge ${words}.`,
  });
const nitf = (version: number, words: string) =>
  `<nitf><head><docdata><doc-id regsrc="WX" id-string="tram-1"/><du-key version="${version}"/></docdata></head><body><body.head><hedline><hl1>Tram v${version}</hl1></hedline></body.head><body.content><p>The tram ${words}.</p></body.content></body></nitf>`;

describe("wire item versions across files", () => {
  it("keeps the latest version only, reports the earlier, and restores it when the later file is removed", async () => {
    const root = tempDir();
    const dir = join(root, "articles");
    mkdirSync(dir);
    const store = openSqliteStore(join(root, "v.db"));
    const log = memoryLogger();
    const titles = async (word: string) => (await store.articlesMatching({ groups: [[word]] }, 10)).map((h) => h.article.title).sort();

    writeFileSync(join(dir, "bridge-v1.json"), ninjs(1, "opens in May"));
    writeFileSync(join(dir, "tram-v2.nitf"), nitf(2, "runs at night now"));
    const first = await syncFolder(store, dir, { log });
    expect(first).toMatchObject({ added: 2 });
    expect(await titles("bridge")).toEqual(["Bridge v1"]);

    // The correction arrives as a file of its own: it replaces version 1, which stays on disk.
    writeFileSync(join(dir, "bridge-v2.json"), ninjs(2, "opens in June"));
    // An older version of the tram story arrives late: it does not replace the newer one.
    writeFileSync(join(dir, "tram-v1.xml"), nitf(1, "runs by day"));
    const second = await syncFolder(store, dir, { log });
    expect(await titles("bridge")).toEqual(["Bridge v2"]);
    expect(await titles("tram")).toEqual(["Tram v2"]);
    expect(second.skipped).toEqual(
      expect.arrayContaining([
        { path: "bridge-v1.json", reason: "replaced by version 2 of the same item in bridge-v2.json" },
        { path: "tram-v1.xml", reason: "replaced by version 2 of the same item in tram-v2.nitf" },
      ]),
    );
    expect((await store.stats()).articles).toBe(2);

    // Nothing changed: nothing is read again, and the same is reported.
    const third = await syncFolder(store, dir, { log });
    expect(third).toMatchObject({ added: 0, updated: 0, changed: false, unchanged: 4 });
    expect(third.skipped).toHaveLength(2);

    // The correction is withdrawn from the folder: version 1 is back.
    rmSync(join(dir, "bridge-v2.json"));
    const fourth = await syncFolder(store, dir, { log });
    expect(fourth).toMatchObject({ removed: 1, updated: 1 });
    expect(await titles("bridge")).toEqual(["Bridge v1"]);
    expect(await titles("june")).toEqual([]);
    await store.close();
  });
});

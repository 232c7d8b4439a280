// The folder watch re-syncs for every file, whatever its extension (issue 18): a file of a kind newsbot
// does not read, dropped into a running bot's folder, is reported skipped with its reason at once, not
// only at the next sync something else sets off; hidden files (a feed item being written) are passed over.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchArticles } from "../../src/archive/watch.ts";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { memoryLogger } from "../../src/log.ts";
import { tempDir } from "../helpers/tmp.ts";

/** Polls (bounded, no fixed sleep) until `check` holds; false when `ms` ran out. */
async function eventually(check: () => boolean, ms = 10_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe("the folder watch", () => {
  const root = tempDir("newsbot-watch-every-");
  const articles = join(root, "articles");
  mkdirSync(articles);
  writeFileSync(join(articles, "first.txt"), "Council budget\n\nThe council agreed the budget on Monday.\n");
  const config = loadConfig({ env: { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles } });
  let bot: Bot;
  let stop = async () => {};
  afterAll(async () => {
    await stop();
    await bot?.close();
  });

  it("reports a file of another kind as soon as it lands, and passes over hidden files", async () => {
    bot = await openBot(config, { log: memoryLogger() });
    const log = memoryLogger();
    const syncs: string[][] = [];
    const watcher = watchArticles(
      articles,
      async () => {
        const r = await bot.sync();
        syncs.push(r.skipped.map((s) => `${s.path}: ${s.reason}`));
        return r;
      },
      log,
      { debounceMs: 50 },
    );
    stop = () => watcher.stop();
    await watcher.ready;

    writeFileSync(join(articles, ".draft.json.part"), "{");
    writeFileSync(join(articles, "minutes.docx"), "PK\u0003\u0004 not really a document");
    const reported = () => syncs.some((s) => s.includes("minutes.docx: not an article file (.docx files are not read)"));
    expect(await eventually(reported), JSON.stringify(syncs)).toBe(true);
    expect(syncs.flat().some((s) => s.includes(".draft"))).toBe(false);
    expect((await bot.store.stats()).articles).toBe(1);
  });
});

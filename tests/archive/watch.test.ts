import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FSWatcher } from "chokidar";
import { afterAll, describe, expect, it, vi } from "vitest";
import { watchArticles } from "../../src/archive/watch.ts";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { logger } from "../../src/log.ts";
import { tempDir } from "../helpers/tmp.ts";

// The real chokidar, with its watcher kept where the test can hear what it reports.
const watchers: FSWatcher[] = vi.hoisted(() => []);
vi.mock("chokidar", async (real: () => Promise<typeof import("chokidar")>) => {
  const chokidar = await real();
  return {
    ...chokidar,
    watch: (...args: Parameters<typeof chokidar.watch>) => {
      const w = chokidar.watch(...args);
      watchers.push(w);
      return w;
    },
  };
});

const root = tempDir("newsbot-watch-");
const articles = join(root, "articles");
mkdirSync(articles);
writeFileSync(join(articles, "first.md"), "---\ntitle: Council budget\n---\n“The budget is balanced,” said Mary Firstperson, the council leader.\n");
const config = loadConfig({ env: { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles } });

/** Asks until the answer passes `ok`; returns the time it took, or throws after `ms`. */
async function within(ms: number, bot: Bot, command: string, query: string, ok: (text: string) => boolean): Promise<number> {
  const start = Date.now();
  for (;;) {
    const reply = await bot.handle({ command, query, platform: "cli" });
    if (ok(JSON.stringify(reply))) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`no answer within ${ms} ms: ${JSON.stringify(reply).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("live ingestion: watching the articles folder", async () => {
  const bot = await openBot(config, { log: logger("error") });
  const watcher = watchArticles(config.articlesDir, () => bot.sync(), logger("error"), { debounceMs: 200 });
  await watcher.ready;
  afterAll(async () => {
    await watcher.stop();
    await bot.close();
  });

  it("a file dropped into the folder answers /quote within 5 seconds", async () => {
    expect(JSON.stringify(await bot.handle({ command: "quote", query: "Harriet Dropwell", platform: "cli" }))).not.toMatch(/potholes/);
    // Written elsewhere and moved in, as editors' tools do; then one written in place.
    writeFileSync(join(root, "dropped.md"), "---\ntitle: Roads\n---\n“We will fill every pothole by spring,” said Harriet Dropwell, the transport chief.\n");
    renameSync(join(root, "dropped.md"), join(articles, "dropped.md"));
    const took = await within(5000, bot, "quote", "Harriet Dropwell", (t) => t.includes("fill every pothole") && t.includes('"status":"ok"'));
    expect(took).toBeLessThan(5000);
    mkdirSync(join(articles, "sub"));
    writeFileSync(join(articles, "sub", "nested.txt"), "Schools\n\n“Every school will get a nurse,” said Oscar Nestwell, the education chief.\n");
    await within(5000, bot, "quote", "Oscar Nestwell", (t) => t.includes("get a nurse"));
  });

  it("a changed file is re-read and a removed one is forgotten", async () => {
    writeFileSync(join(articles, "first.md"), "---\ntitle: Council budget\n---\n“The budget is in deficit,” said Mary Firstperson, the council leader.\n");
    await within(5000, bot, "quote", "Mary Firstperson", (t) => t.includes("in deficit") && !t.includes("is balanced"));
    rmSync(join(articles, "dropped.md"));
    await within(5000, bot, "quote", "fill every pothole", (t) => !t.includes("fill every pothole by spring"));
    expect((await bot.store.stats()).articles).toBe(2);
  });

  it("hears files of every kind (one it does not read is reported by the sync), and ignores hidden ones", async () => {
    const heard: string[] = [];
    watchers[0].on("all", (_event, path) => heard.push(path.slice(articles.length + 1)));
    writeFileSync(join(articles, "notes.docx"), "not an article");
    writeFileSync(join(articles, ".hidden.md"), "---\ntitle: Hidden\n---\nHidden text.\n");
    // Then an article: the watcher reports files in the order they settle, so once it has reported this
    // one, it would have reported the hidden one before it had it not ignored it.
    writeFileSync(join(articles, "after.md"), "---\ntitle: After\n---\n“Last one in,” said Peter Afterwards.\n");
    await within(5000, bot, "quote", "Peter Afterwards", (t) => t.includes("Last one in"));
    await watcher.idle();
    expect(heard.sort()).toEqual(["after.md", "notes.docx"]);
    const indexed = [...(await bot.store.fileStates()).values()].filter((s) => !s.skipped).map((s) => s.path);
    expect(indexed.sort()).toEqual(["after.md", "first.md", "sub/nested.txt"]);
  });
});

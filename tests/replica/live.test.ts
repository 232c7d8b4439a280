// Two bots in one test process on one archive file: the one holding the ingest lease indexes and watches
// the folder, the other follows the archive's revision and answers what the first ingested; /health says
// which replica does what, and 503 when the archive does not answer.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openBot, type Bot } from "../../src/core.ts";
import { startLive, type Live } from "../../src/live.ts";
import { memoryLogger } from "../../src/log.ts";
import { eventually } from "../helpers/net.ts";
import { tempDir } from "../helpers/tmp.ts";

const root = tempDir();
const articles = join(root, "articles");
mkdirSync(articles);
copyFileSync(join(process.cwd(), "data/articles/003_a45378febf24a42f.txt"), join(articles, "comment.txt"));

const env = { NEWSBOT_ARTICLES: articles, NEWSBOT_DB: join(root, "shared.db"), NEWSBOT_LEASE_SECONDS: "1", NEWSBOT_HEALTH_PORT: "0" };
const running: { live: Live; bot: Bot }[] = [];
afterAll(async () => {
  for (const r of running) {
    await r.live.stop();
    await r.bot.close();
  }
});

async function replica(owner: string) {
  const config = loadConfig({ env, cwd: root });
  const log = memoryLogger();
  const bot = await openBot(config, { log, sync: false });
  const live = await startLive(bot, config, log, { owner, followMs: 100 });
  running.push({ live, bot });
  return { bot, live, log };
}

async function health(port: number | null): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("two replicas on one archive", () => {
  it("one indexes and watches, the other answers what it ingested, and /health tells them apart", async () => {
    const a = await replica("A");
    const b = await replica("B");
    expect(a.live.duties()).toEqual({ ingest: true });
    expect(b.live.duties()).toEqual({ ingest: false });
    // B never read the folder, yet answers from the archive A filled.
    expect(b.bot.lastSync).toBeNull();
    const osborne = await b.bot.handle({ command: "who", query: "osborne", platform: "cli" });
    expect(JSON.stringify(osborne)).toContain("George Osborne");
    const before = await b.bot.handle({ command: "quote", query: "sturgeon", platform: "cli" });
    expect(JSON.stringify(before)).not.toContain("time for a fundamental rethink");

    // A file dropped into the folder: A's watcher ingests it; B's indexes follow the archive's revision,
    // so a speaker only that article has becomes one B knows.
    copyFileSync(join(process.cwd(), "data/articles/000_2ea4bb40d2f84377.txt"), join(articles, "resignation.txt"));
    const sturgeon = await eventually(async () => {
      const r = await b.bot.handle({ command: "quote", query: "sturgeon", platform: "cli" });
      return JSON.stringify(r).includes("time for a fundamental rethink") ? r : null;
    }, "B answering from the article A ingested");
    expect(sturgeon.status).toBe("ok");

    const ha = await health(a.live.healthPort);
    expect(ha.status).toBe(200);
    expect(ha.body).toMatchObject({ ready: true, replica: "A", store: "sqlite", duties: { ingest: true } });
    const hb = await health(b.live.healthPort);
    expect(hb.body).toMatchObject({ ready: true, replica: "B", duties: { ingest: false } });
    expect(hb.body.revision).toBe(ha.body.revision);
  });

  it("hands the folder watch to the survivor when the holder stops, and the survivor ingests new files", async () => {
    const [a, b] = running;
    await a.live.stop();
    await eventually(async () => b.live.duties().ingest, "B taking the folder watch over");
    writeFileSync(join(articles, "late.txt"), 'Budget row deepens\n\nThe chancellor, George Osborne, said: "We will not change course on welfare."');
    const reply = await eventually(async () => {
      const r = await b.bot.handle({ command: "quote", query: "osborne", platform: "cli" });
      return JSON.stringify(r).includes("We will not change course on welfare.") ? r : null;
    }, "B answering from the file dropped after the hand-over");
    expect(reply.status).toBe("ok");
  });

  it("answers 503 with the reason when its archive does not answer, and 404 elsewhere", async () => {
    const { live, bot } = running[1];
    const port = live.healthPort;
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    await bot.close();
    const h = await health(port);
    expect(h.status).toBe(503);
    expect(h.body.ready).toBe(false);
    expect(String((h.body.problems as string[])[0])).toMatch(/archive does not answer/);
  });
});

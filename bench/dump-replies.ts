// Every bench query's reply, one JSON line each, to compare answers before and after a change:
// `node bin/run-ts.js bench/dump-replies.ts DIR DB OUT` (DB: a SQLite file or a postgres:// URL).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import { openBot } from "../src/core.ts";
import { logger } from "../src/log.ts";
import { buildQueries } from "./queries.ts";
import type { Manifest } from "./generate.ts";

const [dir, db, out] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
// DB: the SQLite file, or a postgres:// URL.
const where = db.startsWith("postgres") ? { NEWSBOT_DATABASE_URL: db } : { NEWSBOT_DB: db };
const config = loadConfig({ env: { NEWSBOT_ARTICLES: join(dir, "articles"), ...where, NEWSBOT_LOG_LEVEL: "error" }, cwd: process.cwd() });
const bot = await openBot(config, { log: logger("error"), sync: false });
const spoken = [];
for (const p of manifest.people.slice(0, 100)) {
  const hits = await bot.store.quotesBy([p.name], 5);
  const words = [...new Set(hits.flatMap((h) => h.quote.text.toLowerCase().match(/\p{L}{6,}/gu) ?? []))];
  if (words.length) spoken.push({ name: p.name, words });
}
const lines: string[] = [];
for (const q of buildQueries(manifest, 40, 7, spoken)) {
  const reply =
    q.command === "autocomplete"
      ? await bot.suggest("quote", q.query)
      : await bot.handle({ command: q.command === "quote-on" ? "quote" : q.command, query: q.query, platform: "cli" });
  lines.push(JSON.stringify({ q, reply }));
}
writeFileSync(out, lines.join("\n") + "\n");
await bot.close();

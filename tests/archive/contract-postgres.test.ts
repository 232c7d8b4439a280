// The archive store contract on the PostgreSQL store, on the real server tests/global-postgres.ts starts.
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { connectPostgresStore } from "../../src/archive/postgres/store.ts";
import type { ArchiveStore, IndexedArticle } from "../../src/archive/store.ts";
import { loadConfig } from "../../src/config.ts";
import { memoryLogger } from "../../src/log.ts";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { tempDir } from "../helpers/tmp.ts";
import { storeContract } from "./contract.ts";

const root = tempDir();
const urls = new Map<ArchiveStore, string>();

storeContract(
  "PostgreSQL",
  postgresMissing
    ? null
    : {
        async fresh() {
          const url = await freshDatabase("contract");
          const store = await connectPostgresStore(url, memoryLogger());
          urls.set(store, url);
          return store;
        },
        async again(store) {
          return connectPostgresStore(urls.get(store)!, memoryLogger());
        },
        async config(articlesDir) {
          const url = await freshDatabase("bot");
          return loadConfig({ env: { NEWSBOT_ARTICLES: articlesDir, NEWSBOT_DATABASE_URL: url, NEWSBOT_DB: join(root, "never.db") }, cwd: root });
        },
      },
  postgresMissing,
);

describe.skipIf(postgresMissing)("PostgreSQL schema", () => {
  it("is created once when several replicas start on an empty database at the same moment", async () => {
    const url = await freshDatabase("migrate");
    const log = memoryLogger();
    const stores = await Promise.all(Array.from({ length: 4 }, () => connectPostgresStore(url, log)));
    try {
      expect(log.lines.filter((l) => /archive created/.test(l))).toHaveLength(1);
      // Every one of them works on the tables the first made.
      await Promise.all(stores.map((s, i) => s.setMeta(`replica-${i}`, "up")));
      expect(await stores[0].getMeta("replica-3")).toBe("up");
      expect((await stores[3].stats()).articles).toBe(0);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

describe.skipIf(postgresMissing)("PostgreSQL word counts for ranking", () => {
  const article = (key: string, quotes: string[], figures: string[]): IndexedArticle => ({
    record: {
      key,
      title: `${key} budget`,
      date: "2024-05-01",
      byline: null,
      outlet: null,
      url: null,
      section: null,
      tags: [],
      paragraphs: ["Words of the budget."],
    },
    extraction: {
      quotes: quotes.map((text) => ({
        text,
        speaker: null,
        cue: "said",
        partial: false,
        confidence: 0.9,
        paragraph: 1,
        start: 0,
        end: text.length,
        mentions: [],
      })),
      figures: figures.map((sentence) => ({
        text: "£5m",
        value: 5e6,
        unit: "GBP",
        per: null,
        approx: null,
        upTo: null,
        measure: "cuts",
        source: null,
        sentence,
        context: sentence,
        paragraph: 1,
        start: 0,
        end: 3,
      })),
      people: [],
      acronyms: [],
    },
  });
  const file = (path: string, ...articles: IndexedArticle[]) => ({
    state: { path, size: 1, mtimeMs: 1, hash: path + articles.length, skipped: null },
    articles,
  });

  it("keeps every word's rows in quotes, figures and articles equal to a count from scratch, in bulk and as files come, change and go", async () => {
    const url = await freshDatabase("words");
    const store = await connectPostgresStore(url, memoryLogger());
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const kept = async () => (await client.query("SELECT tbl, term, rows FROM row_terms ORDER BY tbl, term")).rows;
    const recount = async () =>
      (
        await client.query(`SELECT tbl, term, count(*)::int AS rows FROM (
      SELECT 'figures' AS tbl, unnest(tsvector_to_array(tsv)) AS term FROM figures UNION ALL SELECT 'quotes', unnest(tsvector_to_array(tsv)) FROM quotes) x
      GROUP BY tbl, term ORDER BY tbl, term`)
      ).rows;
    const same = async () => {
      expect(await kept()).toEqual(await recount());
      expect((await client.query("SELECT term, docs FROM terms ORDER BY term")).rows).toEqual(
        (await client.query("SELECT t AS term, count(*)::int AS docs FROM articles, unnest(tsvector_to_array(tsv)) AS t GROUP BY t ORDER BY t")).rows,
      );
    };
    try {
      await store.beginBatch(1000);
      await store.putFiles([
        file("a.txt", article("a", ["We will cut the cut", "Cuts hurt"], ["A £5m cut to benefits"])),
        file("b.txt", article("b", ["Benefits matter"], [])),
      ]);
      await store.endBatch();
      await same();
      expect((await kept()).find((r) => r.tbl === "quotes" && r.term === "cut")).toEqual({ tbl: "quotes", term: "cut", rows: 1 });
      await store.putFiles([file("c.txt", article("c", ["A cut, again"], ["Another cut of £5m"]), article("c2", ["Cut"], []))]);
      await same();
      await store.putFiles([file("a.txt", article("a", ["Nothing"], []))]);
      await same();
      await store.removeFiles(["c.txt"]);
      await same();
      expect((await kept()).find((r) => r.term === "cut")).toBeUndefined();
    } finally {
      await client.end();
      await store.close();
    }
  });
});

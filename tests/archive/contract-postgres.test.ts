// The archive store contract on the PostgreSQL store, on the real server tests/global-postgres.ts starts.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { connectPostgresStore } from "../../src/archive/postgres/store.ts";
import type { ArchiveStore } from "../../src/archive/store.ts";
import { loadConfig } from "../../src/config.ts";
import { memoryLogger } from "../../src/log.ts";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { tempDir } from "../helpers/tmp.ts";
import { storeContract } from "./contract.ts";

const root = tempDir();
const urls = new Map<ArchiveStore, string>();

storeContract("PostgreSQL", postgresMissing ? null : {
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
}, postgresMissing);

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

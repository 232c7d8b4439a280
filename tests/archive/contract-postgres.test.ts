// The archive store contract on the PostgreSQL store, on the real server tests/global-postgres.ts starts.
import { join } from "node:path";
import { PostgresStore } from "../../src/archive/postgres.ts";
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
    const store = await PostgresStore.connect(url, memoryLogger());
    urls.set(store, url);
    return store;
  },
  async again(store) {
    return PostgresStore.connect(urls.get(store)!, memoryLogger());
  },
  async config(articlesDir) {
    const url = await freshDatabase("bot");
    return loadConfig({ env: { NEWSBOT_ARTICLES: articlesDir, NEWSBOT_DATABASE_URL: url, NEWSBOT_DB: join(root, "never.db") }, cwd: root });
  },
}, postgresMissing);

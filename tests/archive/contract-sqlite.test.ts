// The archive store contract on the embedded SQLite store.
import { join } from "node:path";
import { openSqliteStore } from "../../src/archive/sqlite/store.ts";
import type { ArchiveStore } from "../../src/archive/store.ts";
import { loadConfig } from "../../src/config.ts";
import { tempDir } from "../helpers/tmp.ts";
import { storeContract } from "./contract.ts";

const root = tempDir();
const paths = new Map<ArchiveStore, string>();
let n = 0;

storeContract("SQLite", {
  async fresh() {
    const path = join(root, `archive-${n++}.db`);
    const store = openSqliteStore(path);
    paths.set(store, path);
    return store;
  },
  async again(store) {
    return openSqliteStore(paths.get(store)!);
  },
  async config(articlesDir) {
    return loadConfig({ env: { NEWSBOT_ARTICLES: articlesDir, NEWSBOT_DB: join(root, `bot-${n++}.db`) }, cwd: root });
  },
});

// PostgreSQL archive store (issue 9). Not written yet: saying so plainly beats a half-working store.
import type { Logger } from "../log.ts";
import type { ArchiveStore } from "./store.ts";

export const PostgresStore = {
  async connect(_url: string, _log: Logger): Promise<ArchiveStore> {
    throw new Error("NEWSBOT_DATABASE_URL is set, but this version of newsbot has no PostgreSQL store yet: unset it to use the embedded SQLite archive.");
  },
};

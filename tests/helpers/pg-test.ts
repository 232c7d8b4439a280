// For test files that need PostgreSQL: the server started by tests/global-postgres.ts, and fresh databases on it.
import { inject } from "vitest";
import { createDatabase } from "./postgres.ts";

const provided = inject("postgres");

/** Why the PostgreSQL tests skip, or null when the server runs. */
export const postgresMissing: string | null = provided?.url
  ? null
  : `PostgreSQL could not start: ${provided?.reason ?? "no server was started (tests/global-postgres.ts)"}`;

/** A new, empty database on the test server: its URL. */
export function freshDatabase(prefix = "newsbot"): Promise<string> {
  if (!provided?.url) throw new Error(postgresMissing!);
  return createDatabase(provided.url, prefix);
}

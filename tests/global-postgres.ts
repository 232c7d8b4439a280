// vitest globalSetup: one PostgreSQL server for the whole test run (tests/helpers/postgres.ts), its URL
// given to the test files through inject("postgres"). Each file makes its own databases on it.
// When it cannot start, the tests that need it skip with the reason, except in CI, where the run fails:
// CI installs everything the server needs (npm ci), so a failure there is a real problem.
import type { TestProject } from "vitest/node";
import { startPostgres, type RunningPostgres } from "./helpers/postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { url: string | null; reason: string | null };
  }
}

let server: RunningPostgres | null = null;

export async function setup(project: TestProject) {
  try {
    server = await startPostgres();
    project.provide("postgres", { url: server.url, reason: null });
  } catch (e) {
    const reason = (e as Error).message;
    if (process.env.CI) throw new Error(`CI needs PostgreSQL for the store tests, and it did not start: ${reason}`, { cause: e });
    process.stderr.write(`\nPostgreSQL tests will be skipped: ${reason.split("\n")[0]}\n`);
    project.provide("postgres", { url: null, reason });
  }
}

export async function teardown() {
  await server?.stop();
}

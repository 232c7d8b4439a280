// The SQLite archive's faults, through the real command (issue 18): another application's database given
// as NEWSBOT_DB is refused untouched; a damaged archive file is named with what to do; a full disk (a file
// size limit on the process: writes past it fail as on a full disk) still answers from what is stored,
// and ingest says why it cannot write, the archive as it was; a kill during ingest leaves whole files, and
// the next ingest completes the archive with true counts.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { eventually } from "../helpers/net.ts";
import { articlesFolder, runNewsbot } from "../helpers/process.ts";

const sha1 = (path: string) => createHash("sha1").update(readFileSync(path)).digest("hex");

function oneLine(stderr: string): string {
  const lines = stderr.trim().split("\n");
  expect(lines, stderr).toHaveLength(1);
  return lines[0];
}

const count = (db: string, table = "articles") => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    d.close();
  }
};

describe("a database that is not newsbot's", () => {
  const folder = articlesFolder("newsbot-foreign-");
  const app = join(folder.root, "app.db");
  const db = new Database(app);
  db.exec(
    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('ann'), ('bob'); CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT);",
  );
  db.close();
  const marked = join(folder.root, "marked.db");
  const other = new Database(marked);
  other.pragma("application_id = 1234");
  other.close();

  it("is refused with one line naming it, and not a byte of it changes", async () => {
    for (const [file, why] of [
      [app, /it holds tables newsbot did not make \(users\)/],
      [marked, /it belongs to another application \(application_id 1234\)/],
    ] as const) {
      const before = sha1(file);
      for (const args of [["ingest"], ["ask", "/quote sturgeon"]]) {
        const r = await runNewsbot(args, { env: { ...folder.env, NEWSBOT_DB: file }, cwd: folder.root });
        expect(r.code).toBe(2);
        expect(oneLine(r.stderr)).toMatch(new RegExp(`^newsbot: The archive file ${file} is not newsbot's: ${why.source}\\. Nothing in it was changed\\.`));
        expect(sha1(file)).toBe(before);
      }
    }
    const d = new Database(app, { readonly: true });
    expect(d.prepare("SELECT name FROM users ORDER BY id").all()).toEqual([{ name: "ann" }, { name: "bob" }]);
    d.close();
  }, 120_000);
});

describe("a damaged archive file", () => {
  const folder = articlesFolder("newsbot-damaged-");
  it("says which file, what is wrong and what to do, for ingest and ask", async () => {
    expect((await runNewsbot(["ingest"], { env: folder.env, cwd: folder.root })).code).toBe(0);
    const good = folder.env.NEWSBOT_DB;
    const header = join(folder.root, "header.db");
    const pages = join(folder.root, "pages.db");
    // Garbage in pages that opening the file does not read: only a check of the whole file at open finds it
    // (before, `ask` answered, `/search` died with a stack trace and `ingest` said all was well).
    const middle = join(folder.root, "middle.db");
    copyFileSync(good, header);
    copyFileSync(good, pages);
    copyFileSync(good, middle);
    const garble = (file: string, at: number, bytes: number) => {
      const b = readFileSync(file);
      b.fill(0x5a, at, at + bytes);
      writeFileSync(file, b);
    };
    garble(header, 0, 100);
    garble(pages, 8192, 20_000);
    const half = Math.floor(readFileSync(middle).length / 8192) * 4096;
    garble(middle, half, 4096);
    for (const [file, code] of [
      [header, "SQLITE_NOTADB"],
      [pages, "SQLITE_CORRUPT"],
      [middle, "SQLITE_CORRUPT"],
    ]) {
      const before = sha1(file);
      for (const args of [["ingest"], ["ask", "/quote sturgeon"], ["ask", "/search budget"]]) {
        const r = await runNewsbot(args, { env: { ...folder.env, NEWSBOT_DB: file }, cwd: folder.root });
        expect(r.code, `${file} ${args.join(" ")}: ${r.stdout}`).toBe(2);
        expect(oneLine(r.stderr)).toMatch(
          new RegExp(
            `^newsbot: The archive file ${file} is damaged \\(${code}: .*\\)\\. It is built from the articles folder: move it aside .* and run newsbot ingest to build it again, or restore it from a backup\\.$`,
          ),
        );
      }
      expect(sha1(file), `${file} was changed`).toBe(before);
    }
  }, 120_000);
});

describe("a full disk", () => {
  const folder = articlesFolder("newsbot-full-");
  /** newsbot with writes past 64 KB failing, as on a full disk (SIGXFSZ ignored: the write fails instead). */
  const limited = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn("bash", ["-c", `trap '' XFSZ; ulimit -f 64; exec "$0" "$@"`, process.execPath, resolve("bin/newsbot.js"), ...args], {
        cwd: folder.root,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...folder.env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (code) => done({ code, stdout, stderr }));
    });

  it("answers from what is stored, and ingest says it cannot write, leaving the archive as it was", async () => {
    expect((await runNewsbot(["ingest"], { env: folder.env, cwd: folder.root })).code).toBe(0);
    const db = folder.env.NEWSBOT_DB;
    const articles = count(db);
    writeFileSync(join(folder.articles, "new.txt"), "Bridge reopens\n\n“We are proud of the repairs,” said Gillian Ferris, the county engineer.\n");

    const ask = await limited(["ask", "/quote sturgeon"]);
    expect(ask.code, ask.stderr).toBe(0);
    expect(ask.stdout).toMatch(/Quotes by Nicola Sturgeon/);
    expect(oneLine(ask.stderr)).toMatch(
      new RegExp(`warn  Cannot write the archive ${db}: the disk (is full|refused a write) .* Answering from the archive as it is\\.$`),
    );

    const ingest = await limited(["ingest"]);
    expect(ingest.code).toBe(1);
    expect(
      oneLine(
        ingest.stderr
          .split("\n")
          .filter((l) => !/ (info|warn) /.test(l))
          .join("\n"),
      ),
    ).toMatch(new RegExp(`^newsbot ingest: Cannot write the archive ${db}: the disk (is full|refused a write) .*nothing stored was lost\\.$`));
    expect(count(db)).toBe(articles);

    // Space again: the next ingest takes the new file in.
    const after = await runNewsbot(["ingest"], { env: folder.env, cwd: folder.root });
    expect(after.stdout).toMatch(/Indexed: 1 new/);
    expect(count(db)).toBe(articles + 1);
  }, 120_000);
});

describe("a kill during ingest", () => {
  const samples = ["000_2ea4bb40d2f84377.txt", "003_a45378febf24a42f.txt"].map((f) => readFileSync(join("data/articles", f), "utf8"));
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) samples.forEach((t, s) => (files[`copy-${String(i).padStart(3, "0")}-${s}.txt`] = t.replace(/\n/, ` ${i}\n`)));
  const folder = articlesFolder("newsbot-kill-sqlite-", files, false);
  // The killed process's ingest lease lapses in a second: the next ingest need not wait long.
  folder.env.NEWSBOT_LEASE_SECONDS = "1";

  it("leaves whole files only, and the next ingest completes the archive with true counts", async () => {
    const db = folder.env.NEWSBOT_DB;
    const child = spawn(process.execPath, [resolve("bin/newsbot.js"), "ingest"], {
      cwd: folder.root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...folder.env },
      stdio: "ignore",
    });
    const exited = new Promise((r) => child.once("exit", r));
    // Killed once it has begun writing (the extraction rules' version goes in first), long before it is done.
    for (const end = Date.now() + 120_000; Date.now() < end && child.exitCode === null;) {
      if (
        (await Promise.resolve()
          .then(() => count(db, "meta"))
          .catch(() => 0)) > 0
      )
        break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    await exited;
    expect(child.signalCode, "killed, not finished").toBe("SIGKILL");
    const kept = count(db);
    expect(kept, "killed before it finished").toBeLessThan(600);
    // Every listed file has its article, and every article its file.
    const d = new Database(db, { readonly: true });
    const n = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
    expect(n("SELECT count(*) AS n FROM files f WHERE skipped IS NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.file = f.path)")).toBe(0);
    expect(n("SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.path = a.file)")).toBe(0);
    d.close();

    // The killed process's ingest lease lapses at the time it recorded: poll (bounded) until that time has passed.
    const lapsed = () => {
      const d = new Database(db, { readonly: true });
      try {
        const lease = d.prepare("SELECT expires_ms FROM leases WHERE name = 'ingest'").get() as { expires_ms: number } | undefined;
        return !lease || lease.expires_ms < Date.now();
      } finally {
        d.close();
      }
    };
    await eventually(() => Promise.resolve(lapsed()), "the killed ingest's lease expired", 10_000);
    const next = await runNewsbot(["ingest"], { env: folder.env, cwd: folder.root, timeoutMs: 180_000 });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(new RegExp(`Indexed: ${600 - kept} new, 0 changed, 0 removed, ${kept} unchanged\\.`));
    expect(next.stdout).toMatch(/^600 articles, /m);
  }, 240_000);
});

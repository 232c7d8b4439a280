// One huge file must not freeze the live bot (issue 18): while a 2 MB single-paragraph article (the largest
// article file newsbot reads, in the shape that costs extraction most, then one of news text) is ingested by a running `newsbot
// start`, the bot answers each command within 1 s, and the file ends up indexed or abandoned with its
// reason (extraction runs on worker threads, bounded per article). The test is about the bot staying free,
// not about how fast extraction is: however fast the file is read, every answer asked from before it lands
// until it is accounted for must come within the second.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articlesFolder } from "../helpers/process.ts";
import { MAX_ARTICLE_BYTES } from "../../src/archive/read.ts";

/** Opening marks that never close, each with a capitalised word (the shape that costs extraction most), in exactly `bytes`. */
function pathological(bytes: number): string {
  const head = "A transcript with no end\n\n";
  const unit = "word Word \u201c ";
  const body = unit.repeat(Math.floor((bytes - Buffer.byteLength(head) - 1) / Buffer.byteLength(unit)));
  const text = head + body + " ".repeat(bytes - Buffer.byteLength(head + body) - 1) + "\n";
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

/** The project's sample and fixture articles' paragraphs joined end to end into one paragraph of exactly `bytes`: news as it reads. */
function newsShaped(bytes: number): string {
  const files = [...readdirSync("data/articles").map((f) => join("data/articles", f)), ...listTexts("tests/fixtures")];
  const paragraphs = files
    .flatMap((f) =>
      readFileSync(f, "utf8")
        .split(/\n\s*\n/)
        .slice(1),
    )
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const head = "A speech given whole\n\n";
  const parts: string[] = [];
  for (let i = 0, size = Buffer.byteLength(head); size < bytes; i++) {
    parts.push(paragraphs[i % paragraphs.length]);
    size += Buffer.byteLength(parts[parts.length - 1]) + 1;
  }
  let body = parts.join(" ");
  // Cut to the size on a character boundary (the text is mostly ASCII: a few steps).
  while (Buffer.byteLength(head + body) > bytes - 1) body = body.slice(0, bytes - 1 - Buffer.byteLength(head + body) + body.length - 1);
  const text = head + body + " ".repeat(bytes - 1 - Buffer.byteLength(head + body)) + "\n";
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

function listTexts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listTexts(join(dir, e.name)) : e.name.endsWith(".txt") ? [join(dir, e.name)] : [],
  );
}

describe("a pathological file in a running bot's folder", () => {
  const folder = articlesFolder("newsbot-stall-");
  const child = spawn(process.execPath, [resolve("bin/newsbot.js"), "start"], {
    cwd: folder.root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...folder.env, NEWSBOT_EXTRACT_SECONDS: "2" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += String(d)));
  child.stderr.on("data", (d) => (stderr += String(d)));
  afterAll(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });

  /** Polls every 10 ms until `done` holds, at most `ms`; false when it never did. */
  const until = async (done: () => boolean, ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end;) {
      if (done()) return true;
      await new Promise((r) => setTimeout(r, 10));
    }
    return done();
  };

  /** Sends one command and returns how long the answer took (ms), up to the next prompt. */
  const ask = async (line: string) => {
    const from = stdout.length;
    const began = performance.now();
    child.stdin.write(line + "\n");
    const answered = await until(() => /\n> $|^> $/.test(stdout.slice(from)) && stdout.length > from + 2, 10_000);
    if (!answered) throw new Error(`no answer to ${line} within 10 s:\n${stdout.slice(from)}\n${stderr}`);
    return { ms: performance.now() - began, text: stdout.slice(from) };
  };

  it("answers within a second throughout, and accounts for the file, for the costliest shape and for news", async () => {
    expect(await until(() => /articles, .* quotes/.test(stdout) && stdout.endsWith("> "), 45_000)).toBe(true);
    expect((await ask("/search benefits")).text).toMatch(/benefit/i);

    const files: [string, string, RegExp][] = [
      ["transcript.txt", pathological(MAX_ARTICLE_BYTES), /A transcript with no end/],
      ["speech.txt", newsShaped(MAX_ARTICLE_BYTES), /A speech given whole/],
    ];
    for (const [name, text, title] of files) {
      // The watcher's sync says what it did: indexed ("1 new"), or abandoned after NEWSBOT_EXTRACT_SECONDS ("1 skipped").
      const syncs = () => stderr.match(/articles folder changed.*/g) ?? [];
      const before = syncs().length;
      const finished = () => syncs().length > before;
      const times: number[] = [];
      // Ask without a pause from before the file lands until the watcher has dealt with it (at most a
      // minute), each answer timed; the file is written between the first answers, while the asking goes on.
      let written = 0;
      for (const end = Date.now() + 60_000; !(written && finished()) && Date.now() < end;) {
        const a = await ask("/quote sturgeon");
        expect(a.text).toMatch(/Sturgeon/);
        times.push(a.ms);
        if (times.length === 2) {
          writeFileSync(join(folder.articles, name), text);
          written = times.length;
        }
      }
      expect(finished(), stderr).toBe(true);
      // Answers were asked while the file was taken in, and every one came within a second.
      expect(times.length).toBeGreaterThan(written);
      expect(Math.max(...times), `${name}: ${times.join(", ")}`).toBeLessThan(1000);
      // Indexed (and found), or abandoned with the reason naming it: never silently lost.
      const sync = syncs()[before];
      if (/: 1 new/.test(sync)) expect((await ask(`/search ${name.replace(".txt", "")}`)).text).toMatch(title);
      else {
        // (The count of skipped files takes in the files abandoned before it.)
        expect(sync, stderr).toMatch(/: 0 new, 0 changed, 0 removed, \d+ skipped/);
        expect(stderr).toMatch(new RegExp(`${name.replace(".", "\\.")}.*abandoned`));
      }
    }
    child.stdin.write("/quit\n");
    expect(await until(() => child.exitCode !== null, 15_000)).toBe(true);
  }, 120_000);
});

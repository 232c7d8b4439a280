// One huge file must not freeze the live bot (issue 18): while a pathological 1.9 MB single-paragraph
// article is ingested by a running `newsbot start`, the bot answers each command within 1 s, and the file
// ends up indexed or abandoned with its reason (extraction runs on worker threads, bounded per article).
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articlesFolder } from "../helpers/process.ts";

/** Opening marks that never close, each with a capitalised word: the shape that costs extraction most. */
function pathological(bytes: number): string {
  const unit = "word Word \u201c ";
  return "A transcript with no end\n\n" + unit.repeat(Math.floor(bytes / Buffer.byteLength(unit))) + "\n";
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
    for (const end = Date.now() + ms; Date.now() < end; ) {
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

  it("answers within a second throughout, and accounts for the file", async () => {
    expect(await until(() => /articles, .* quotes/.test(stdout) && stdout.endsWith("> "), 45_000)).toBe(true);
    expect((await ask("/search benefits")).text).toMatch(/benefit/i);

    writeFileSync(join(folder.articles, "transcript.txt"), pathological(1_900_000));
    const finished = () => /transcript\.txt/.test(stderr) && /articles folder changed/.test(stderr);
    const times: number[] = [];
    // Ask until the watcher has dealt with the file (at most a minute), each answer timed.
    for (const end = Date.now() + 60_000; !finished() && Date.now() < end; ) {
      const a = await ask("/quote sturgeon");
      expect(a.text).toMatch(/Sturgeon/);
      times.push(a.ms);
    }
    expect(finished(), stderr).toBe(true);
    // The file was being read for a while, and every answer in that time came within a second.
    expect(times.length).toBeGreaterThan(3);
    expect(Math.max(...times)).toBeLessThan(1000);
    // Indexed, or abandoned with the reason: either way named, never silently lost.
    expect(stderr).toMatch(/transcript\.txt.*(abandoned|1 new)|1 new.*transcript/s);
    child.stdin.write("/quit\n");
    expect(await until(() => child.exitCode !== null, 15_000)).toBe(true);
  }, 120_000);
});

// The real `newsbot` command as a child process, for end-to-end tests that talk to it through local fakes
// on 127.0.0.1: a temporary articles folder (a copy of the samples, plus extra files), a one-shot run that
// does not block this process (so the fakes in it can answer), and a long-running `newsbot start` that a
// test waits on until it is ready and stops with SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { tempDir } from "./tmp.ts";

const BIN = resolve("bin/newsbot.js");

export interface ArticlesFolder {
  /** The temporary folder: the child's working directory. */
  root: string;
  articles: string;
  /** NEWSBOT_ARTICLES and NEWSBOT_DB for this folder. */
  env: Record<string, string>;
}

/**
 * A temporary articles folder: a copy of data/articles (unless `samples` is false) and `files` (name →
 * content, sub-folders allowed), with its own archive file. Removed after the test file.
 */
export function articlesFolder(prefix: string, files: Record<string, string> = {}, samples = true): ArticlesFolder {
  const root = tempDir(prefix);
  const articles = writeArticles(join(root, "articles"), files, samples);
  return { root, articles, env: { NEWSBOT_ARTICLES: articles, NEWSBOT_DB: join(root, "archive.db") } };
}

/** Fills `dir` (made if need be) with a copy of data/articles (unless `samples` is false) and `files`; returns `dir`. */
export function writeArticles(dir: string, files: Record<string, string> = {}, samples = true): string {
  mkdirSync(dir, { recursive: true });
  if (samples) cpSync("data/articles", dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Only these reach the child: nothing from the developer's own environment or `.env` leaks in. */
function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `newsbot args…` (`bin`: another copy of newsbot, default this one) to the end without blocking the event loop (unlike spawnSync, a fake in this process keeps answering). */
export function runNewsbot(args: string[], options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number; bin?: string } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: childEnv(options.env ?? {}),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    const limit = options.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`newsbot ${args.join(" ")} did not finish within ${limit} ms:\n${stderr}`));
    }, limit);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

export interface Running {
  child: ChildProcess;
  /** stdout and stderr together, as they came. */
  output(): string;
  /** Resolves with the exit code when the child exits. */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s; resolves with the exit code ("killed" after SIGKILL). */
  stop(): Promise<number | null | "killed">;
}

/**
 * `newsbot start` (or other long-running arguments) in `cwd`, resolved once `ready` returns true for the
 * output so far (checked every 100 ms); rejects with the output when the child exits first or is not ready
 * within `readyMs`, after stopping it. Call `stop()` in the test file's afterAll.
 */
export async function startNewsbot(
  args: string[],
  options: { env: Record<string, string>; cwd: string; ready: (output: string) => boolean; readyMs?: number; what?: string; bin?: string },
): Promise<Running> {
  const child = spawn(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd, env: childEnv(options.env), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += String(d)));
  child.stderr.on("data", (d) => (output += String(d)));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 10_000))]);
    if (code !== "timeout") return code;
    child.kill("SIGKILL");
    await exited;
    return "killed" as const;
  };
  const started = Date.now();
  const limit = options.readyMs ?? 45_000;
  const what = options.what ?? `newsbot ${args.join(" ")}`;
  while (!options.ready(output)) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${output}`);
    if (Date.now() - started > limit) {
      await stop();
      throw new Error(`${what} was not ready within ${limit / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, exited, stop };
}

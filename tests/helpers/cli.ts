// Runs the real `newsbot` command as a child process, as a user or the scorer would.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const BIN = resolve("bin/newsbot.js");

export function newsbot(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env,
    input: options.input ?? "",
    encoding: "utf8",
    cwd: options.cwd ?? process.cwd(),
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

#!/usr/bin/env node
// A compiled copy of the command line, for `newsbot extract` only: tsx compiling the TypeScript on the fly costs
// about 0.45 s of every start (its loader runs in a thread of its own and answers each import by message), a
// quarter of extracting the largest article. `npm ci` / `npm install` build it (the `prepare` script runs this
// file) into node_modules/.cache/newsbot with a manifest of the sources it was built from and their hashes;
// bin/newsbot.js uses it only while every one of those sources is unchanged, so `npx newsbot` always runs the
// code that is checked out (an edited file means tsx again until `npm run build`). Only `extract` uses it: the
// other commands find files beside their own modules (the extraction rules' fingerprint, the extraction
// worker), which a bundle moves.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BUILD_DIR = join(ROOT, "node_modules", ".cache", "newsbot");

const hash = (file) => createHash("sha1").update(readFileSync(file)).digest("hex");

/** Bundles src/cli.ts into `dir` (written beside it, then moved in place whole) with its manifest. */
export async function build(dir = BUILD_DIR) {
  const { build: esbuild } = await import("esbuild");
  const temp = `${dir}.${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  const result = await esbuild({
    entryPoints: [join(ROOT, "src/cli.ts")],
    outdir: temp,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    outExtension: { ".js": ".mjs" },
    metafile: true,
    absWorkingDir: ROOT,
    logLevel: "warning",
  });
  const sources = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    sources[relative(ROOT, resolve(ROOT, input))] = hash(resolve(ROOT, input));
  }
  // (The recipe too: a change to how it is built is a change to what runs.)
  sources[relative(ROOT, fileURLToPath(import.meta.url))] = hash(fileURLToPath(import.meta.url));
  writeFileSync(join(temp, "manifest.json"), JSON.stringify({ entry: "cli.mjs", sources }, null, 1));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(temp, dir);
}

/** The compiled command line's URL when `dir` holds one built from exactly the sources checked out, else null. */
export function freshBuild(dir = BUILD_DIR, root = ROOT) {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    for (const [file, sum] of Object.entries(manifest.sources)) if (hash(join(root, file)) !== sum) return null;
    return pathToFileURL(join(dir, manifest.entry)).href;
  } catch {
    return null; // not built, or a source is gone: tsx runs the sources themselves
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch (e) {
    // An install must not fail for want of the faster start: the command runs through tsx instead.
    process.stderr.write(`newsbot: the compiled command line was not built (${String(e?.message ?? e).split("\n")[0]}); tsx will run the sources\n`);
  }
}

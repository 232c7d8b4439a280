#!/usr/bin/env node
// The `newsbot` command. The sources are TypeScript; tsx compiles them on the fly (cached), so there is
// no build step to forget and `npx newsbot` always runs the code that is checked out. `extract` starts from the
// compiled copy instead while it is built from exactly these sources (bin/compiled.js): half a second less.
import { freshBuild } from "./compiled.js";

const argv = process.argv.slice(2);
const compiled = argv[0] === "extract" ? freshBuild() : null;
const { main } = compiled ? await import(compiled) : await fromSources();
const code = await main(argv);
process.exitCode = code;
// The command is done: anything still open (a connection or watcher a failed start left behind) must not
// keep the process alive after its message. Unref'd, so a clean exit never waits for it.
setTimeout(() => process.exit(code), 3000).unref();

async function fromSources() {
  const { register } = await import("tsx/esm/api");
  register();
  return import("../src/cli.ts");
}

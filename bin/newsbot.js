#!/usr/bin/env node
// The `newsbot` command. The sources are TypeScript; tsx compiles them on the fly (cached), so there is
// no build step to forget and `npx newsbot` always runs the code that is checked out.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
const code = await main(process.argv.slice(2));
process.exitCode = code;
// The command is done: anything still open (a connection or watcher a failed start left behind) must not
// keep the process alive after its message. Unref'd, so a clean exit never waits for it.
setTimeout(() => process.exit(code), 3000).unref();

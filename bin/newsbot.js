#!/usr/bin/env node
// The `newsbot` command. The sources are TypeScript; tsx compiles them on the fly (cached), so there is
// no build step to forget and `npx newsbot` always runs the code that is checked out.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));

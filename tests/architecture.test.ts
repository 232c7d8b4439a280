// The one-way flow the README promises, read from the import statements themselves: article files →
// extraction → archive and indexes → commands → reply → chat adapters. Every static import, re-export and
// dynamic import() in src/ and commands/ is checked against the rules below.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";

/** Files in commands/ that are not commands: the type every command implements, a shared helper, the registry. */
const NOT_COMMANDS = new Set(["commands/command.ts", "commands/suggest.ts", "commands/index.ts"]);
const PLATFORM_LIBRARY = /^(discord\.js|@discordjs\/|@slack\/)/;

interface Import {
  from: string;
  /** A project file (relative to the root) or a package name. */
  to: string;
}

/** The modules a source file imports: static, type-only, re-exports and import(), comments left out. */
export function importsOf(file: string, source: string): Import[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((line) => !/^\s*\/\//.test(line))
    .join("\n");
  const specifiers = [
    ...code.matchAll(/\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
  ].map((m) => m[1]);
  return specifiers.map((s) => ({ from: file, to: s.startsWith(".") ? normalize(join(dirname(file), s)) : s }));
}

/** Every rule an import breaks, as "from → to: why". */
export function violations(imports: Import[]): string[] {
  const out: string[] = [];
  const under = (path: string, folder: string) => path.startsWith(`${folder}/`);
  const isCommand = (path: string) => under(path, "commands") && !NOT_COMMANDS.has(path);
  for (const { from, to } of imports) {
    const broken = (why: string) => out.push(`${from} → ${to}: ${why}`);
    if (under(from, "src/extract") && !under(to, "src/extract")) broken("src/extract imports only itself");
    if (under(from, "src/archive") && ["commands", "src/reply", "src/chat"].some((f) => under(to, f)))
      broken("src/archive imports nothing from commands/, src/reply or src/chat");
    if (under(from, "commands") && under(to, "src/chat")) broken("commands/ import nothing from src/chat");
    if (under(from, "commands") && from !== "commands/index.ts" && isCommand(to) && to !== from)
      broken("a command imports no other command (shared builders are in src/reply)");
    if (under(from, "src/digest") && under(to, "commands")) broken("src/digest imports nothing from commands/");
    if (under(from, "src/digest") && PLATFORM_LIBRARY.test(to)) broken("src/digest imports no platform library (it posts through src/chat)");
    if (PLATFORM_LIBRARY.test(to) && !under(from, "src/chat")) broken("only the chat adapters (src/chat) know Slack's and Discord's libraries");
  }
  return out;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|mts|mjs|js)$/.test(f))
    .map((f) => join(folder, f));
}

describe("imports follow the flow: extraction → archive → commands → reply → chat", () => {
  const files = [...sourceFiles("src"), ...sourceFiles("commands")];
  const imports = files.flatMap((f) => importsOf(f, readFileSync(f, "utf8")));

  it("reads the imports of every source file", () => {
    expect(files.length).toBeGreaterThan(60);
    expect(imports.length).toBeGreaterThan(files.length);
    // Each form is seen: a static import, a dynamic import(), a type import.
    expect(imports).toContainEqual({ from: "src/chat/platforms.ts", to: "src/chat/slack.ts" });
    expect(imports).toContainEqual({ from: "commands/command.ts", to: "src/search/lookup.ts" });
    expect(imports).toContainEqual({ from: "src/chat/slack.ts", to: "@slack/bolt" });
  });

  it("breaks none of the rules", () => {
    expect(violations(imports)).toEqual([]);
  });

  it("would catch each rule broken", () => {
    const bad = [
      importsOf("src/extract/quotes.ts", 'import { x } from "../archive/store.ts";\nimport fs from "node:fs";'),
      importsOf("src/archive/ingest.ts", 'import type { Reply } from "../reply/model.ts";'),
      importsOf("commands/who.ts", 'import {\n  quoteBlock,\n} from "./quote.ts";\nconst c = await import("../src/chat/slack.ts");'),
      importsOf("src/digest/build.ts", 'export { figure } from "../../commands/figure.ts";\nimport { REST } from "discord.js";'),
      importsOf("src/reply/slack.ts", 'import "@slack/bolt";'),
    ].flat();
    expect(violations(bad).map((v) => v.split(": ")[0])).toEqual([
      "src/extract/quotes.ts → src/archive/store.ts",
      "src/extract/quotes.ts → node:fs",
      "src/archive/ingest.ts → src/reply/model.ts",
      "commands/who.ts → commands/quote.ts",
      "commands/who.ts → src/chat/slack.ts",
      "src/digest/build.ts → commands/figure.ts",
      "src/digest/build.ts → discord.js",
      "src/digest/build.ts → discord.js",
      "src/reply/slack.ts → @slack/bolt",
    ]);
    // Comments are not imports.
    expect(importsOf("src/extract/x.ts", '// import { y } from "../chat/slack.ts";\n/* from "../chat/x.ts" */')).toEqual([]);
  });
});

/** The house rule "small files": a source file this long or shorter. */
const MAX_LINES = 300;

/** Every source file of the project: the code, the benchmark, the scripts, the tests and their helpers (fixtures are data). */
function allSourceFiles(): string[] {
  return ["src", "commands", "bench", "bin", "slack", "tests"].flatMap((folder) => sourceFiles(folder)).filter((f) => !f.startsWith(join("tests", "fixtures")));
}

/** Files longer than `max` lines, as "path: N lines". */
export function overLong(files: { path: string; text: string }[], max = MAX_LINES): string[] {
  return files
    .map(({ path, text }) => ({ path, lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0) }))
    .filter((f) => f.lines > max)
    .map((f) => `${f.path}: ${f.lines} lines`);
}

describe("small files", () => {
  it(`no source file is over ${MAX_LINES} lines`, () => {
    const files = allSourceFiles();
    expect(files.length).toBeGreaterThan(150);
    expect(files).toContain(join("bench", "run.ts"));
    expect(files).toContain(join("tests", "fakes", "discord.ts"));
    expect(overLong(files.map((path) => ({ path, text: readFileSync(path, "utf8") })))).toEqual([]);
  });

  it("counts lines as wc does, with or without a final newline", () => {
    const ok = "x\n".repeat(MAX_LINES);
    expect(
      overLong([
        { path: "a.ts", text: ok },
        { path: "b.ts", text: ok.slice(0, -1) },
      ]),
    ).toEqual([]);
    expect(
      overLong([
        { path: "c.ts", text: ok + "y" },
        { path: "d.ts", text: ok + "y\n" },
      ]),
    ).toEqual(["c.ts: 301 lines", "d.ts: 301 lines"]);
  });
});

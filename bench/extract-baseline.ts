// What the extraction benchmarks share: the corpus read as articles, and the extractor at another git revision
// (src/extract written out of git into a temporary folder and imported from there) to measure beside this one.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readArticleFile } from "../src/archive/read.ts";
import type { ArticleText, Extraction } from "../src/extract/types.ts";

/** Every article of a corpus laid out as section folders of article files (../shared/corpus/bbc). */
export function readCorpus(root: string): ArticleText[] {
  const out: ArticleText[] = [];
  for (const section of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(root, section.name))) {
      const read = readArticleFile(join(root, section.name, file), file);
      if (read.ok) out.push(...read.articles);
    }
  }
  return out;
}

/** The extractor at another revision, written out of git into a temporary folder and imported from there. */
export async function loadBaseline(rev: string): Promise<(a: ArticleText) => Extraction> {
  const dir = mkdtempSync(join(tmpdir(), "newsbot-extract-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const files = execFileSync("git", ["ls-tree", "--name-only", `${rev}:src/extract`], { encoding: "utf8" })
    .split("\n")
    .filter((f) => f.endsWith(".ts"));
  mkdirSync(join(dir, "extract"));
  writeFileSync(join(dir, "package.json"), `{ "type": "module" }`);
  for (const f of files) writeFileSync(join(dir, "extract", f), execFileSync("git", ["show", `${rev}:src/extract/${f}`]));
  const mod = (await import(pathToFileURL(join(dir, "extract", "index.ts")).href)) as { extractArticle: (a: ArticleText) => Extraction };
  return mod.extractArticle;
}

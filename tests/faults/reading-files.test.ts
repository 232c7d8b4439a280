// Issue 18, reading faults, through the real CLI (`newsbot ingest`, `newsbot ask`) and the real SQLite
// store: every file in the folder is indexed or reported skipped with a one-line reason, the good articles
// beside the bad ones are indexed, and the totals account for every file.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newsbot } from "../helpers/cli.ts";
import { tempDir } from "../helpers/tmp.ts";

const story = (title: string, words: string) => `${title}\n\n${words} said the council on Monday.\n\nThe plan goes ahead next year.\n`;

/** `newsbot ingest` over `articles`: its exit code, the "Indexed:" line's numbers, and its skipped lines. */
function ingest(root: string, articles: string) {
  const env = { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles };
  const r = newsbot(["ingest", articles], { env });
  const m = /Indexed: (\d+) new, (\d+) changed, (\d+) removed, (\d+) unchanged(?:, (\d+) skipped)?\./.exec(r.stdout);
  const skipped = r.stdout
    .split("\n")
    .filter((l) => l.startsWith("  skipped "))
    .map((l) => l.slice("  skipped ".length));
  const articlesLine = /(\d+) articles, /.exec(r.stdout);
  return {
    ...r,
    env,
    skipped,
    added: Number(m?.[1]),
    unchanged: Number(m?.[4]),
    skippedCount: Number(m?.[5] ?? 0),
    articles: Number(articlesLine?.[1]),
    ask: (line: string) => JSON.parse(newsbot(["ask", "--json", line], { env }).stdout),
  };
}

describe("reading faults: every file indexed or reported", { timeout: 120_000 }, () => {
  it("a symlinked folder and a symlinked file are indexed once; a loop and a broken link are reported", () => {
    const root = tempDir();
    const elsewhere = join(root, "elsewhere");
    mkdirSync(join(elsewhere, "deep"), { recursive: true });
    writeFileSync(join(elsewhere, "one.txt"), story("Linked one", "Ferry timetables will change,"));
    writeFileSync(join(elsewhere, "deep", "two.txt"), story("Linked two", "Parking charges will rise,"));
    const articles = join(root, "articles");
    mkdirSync(join(articles, "sub"), { recursive: true });
    writeFileSync(join(articles, "own.txt"), story("Own story", "Bins will be collected weekly,"));
    symlinkSync(elsewhere, join(articles, "linked-folder"));
    symlinkSync(join(elsewhere, "one.txt"), join(articles, "linked-file.txt"));
    symlinkSync(join(articles, "own.txt"), join(articles, "sub", "same-as-own.txt"));
    symlinkSync(articles, join(articles, "sub", "loop"));
    symlinkSync(join(root, "missing.txt"), join(articles, "broken.txt"));

    const r = ingest(root, articles);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Real files: own.txt, one.txt (reached twice: through the folder link and the file link), two.txt.
    expect(r.articles).toBe(3);
    expect(r.added).toBe(3);
    expect(r.skipped.sort()).toEqual([
      "broken.txt: a symbolic link to something that is not there (ENOENT)",
      "linked-folder/one.txt: the same file as linked-file.txt: read once, there",
      "sub/loop: a symbolic link loop (it points back to the articles folder)",
      "sub/same-as-own.txt: the same file as own.txt (a symbolic link to it): read once, there",
    ]);
    // Seven entries that are files or links to files and folders: three indexed, four reported.
    expect(r.added + r.skippedCount).toBe(7);
    expect(JSON.stringify(r.ask("/search parking charges"))).toContain("linked-folder/deep/two.txt");
  });

  it("a file or folder name with a byte that is not UTF-8 is indexed, named with \\xNN; a newline in a name is quoted on one line; unknown extensions are reported", () => {
    const root = tempDir();
    const articles = join(root, "articles");
    mkdirSync(articles);
    writeFileSync(join(articles, "good.txt"), story("Good", "The library will open on Sundays,"));
    writeFileSync(Buffer.from(join(articles, "caf\xe9.txt"), "latin1"), story("Latin-1 name", "Cafes may open late,"));
    // A folder with a Latin-1 name, and a file in it whose name is not UTF-8 either.
    mkdirSync(Buffer.from(join(articles, "r\xe9sum\xe9s"), "latin1"));
    writeFileSync(Buffer.from(join(articles, "r\xe9sum\xe9s", "n\xb0 2.md"), "latin1"), story("Latin-1 folder", "Ferries will sail hourly,"));
    writeFileSync(join(articles, "two\nlines.txt"), story("Newline name", "Street lights will be dimmed,"));
    writeFileSync(join(articles, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    writeFileSync(join(articles, "README"), "Notes for the desk: not an article.");

    const r = ingest(root, articles);
    expect(r.code).toBe(0);
    expect(r.articles).toBe(4);
    expect(r.skipped.sort()).toEqual([
      "README: not an article file (no extension, and not XML, HTML or JSON)",
      "photo.jpg: not an article file (.jpg files are not read)",
    ]);
    expect(r.added + r.skippedCount).toBe(6);
    // Read through their bytes, and named with the odd bytes as \xNN wherever they are shown.
    expect(JSON.stringify(r.ask("/search cafes late"))).toContain("caf\\\\xE9.txt");
    expect(JSON.stringify(r.ask("/search ferries hourly"))).toContain("r\\\\xE9sum\\\\xE9s/n\\\\xB0 2.md");
    // The next ingest finds them unchanged: nothing read again, nothing removed.
    const same = ingest(root, articles);
    expect([same.added, same.unchanged, same.articles]).toEqual([0, 6, 4]);
    // The name with a newline is indexed, and wherever it is named it is quoted on one line.
    expect(JSON.stringify(r.ask("/search street lights"))).toContain("two\\nlines.txt");
    writeFileSync(join(articles, "two\nlines.txt"), "");
    const again = ingest(root, articles);
    expect(again.articles).toBe(3);
    expect(again.skipped).toContain('"two\\nlines.txt": empty');
    expect(again.stderr).toContain('skipped "two\\nlines.txt": empty');
  });

  it("dates that are not real days are dropped with a warning and the article kept; a body that is not text skips that article", () => {
    const root = tempDir();
    const articles = join(root, "articles");
    mkdirSync(articles);
    writeFileSync(
      join(articles, "month13.json"),
      JSON.stringify({ title: "Harbour plan", date: "2024-13-45", body: "The harbour board met on Monday.\n\nIt agreed a plan." }),
    );
    writeFileSync(join(articles, "zero.md"), "---\ntitle: Zoo wing\ndate: 0000-00-00\n---\nThe zoo opened a new wing for penguins.\n");
    writeFileSync(join(articles, "good-date.md"), "---\ntitle: Museum\ndate: 2024-02-29\n---\nThe museum reopened its east gallery.\n");
    writeFileSync(join(articles, "object.json"), JSON.stringify({ title: "Object body", body: { text: "hidden" } }));
    writeFileSync(
      join(articles, "list.jsonl"),
      [JSON.stringify({ title: "Fine", body: "Trams run late tonight." }), JSON.stringify({ title: "Bad", text: [{ p: 1 }] })].join("\n"),
    );

    const r = ingest(root, articles);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('month13.json: date "2024-13-45" is not a real date; the article is kept without it');
    expect(r.stderr).toContain('zero.md: date "0000-00-00" is not a real date; the article is kept without it');
    expect(r.skipped).toEqual(["object.json: its body is not text (object)"]);
    expect(r.stderr).toContain("skipped list.jsonl#2: its text is not text (a list holding something other than text)");
    expect(r.articles).toBe(4);
    const dateOf = (q: string) => r.ask(`/search ${q}`).blocks[0].source.date;
    expect(dateOf("harbour board")).toBeNull();
    expect(dateOf("penguins")).toBeNull();
    expect(dateOf("east gallery")).toBe("2024-02-29");
    expect(JSON.stringify(r.ask("/search hidden"))).not.toContain("[object Object]");
    // In /digest they count from the day they were added (a stored "2024-13-45" dropped them out of it).
    const digest = r.ask("/digest 24h") as { blocks: { kind: string; source?: { title: string; date: string | null } }[] };
    const listed = digest.blocks.filter((b) => b.kind === "article").map((b) => [b.source!.title, b.source!.date]);
    expect(listed.sort()).toEqual([
      ["Fine", null],
      ["Harbour plan", null],
      ["Zoo wing", null],
    ]);
  });

  it("UTF-16 without a byte-order mark is 'not UTF-8'; a page of scripts only has 'no article text'; good files beside them are indexed", () => {
    const root = tempDir();
    const articles = join(root, "articles");
    mkdirSync(articles);
    writeFileSync(
      join(articles, "good.html"),
      "<html><head><title>Pool</title></head><body><article><p>The pool reopens in June after repairs.</p></article></body></html>",
    );
    writeFileSync(join(articles, "utf16.txt"), Buffer.from("Headline\n\nThe text of the story, saved as UTF-16.\n", "utf16le"));
    writeFileSync(
      join(articles, "scripts.html"),
      "<html><head><title>Only scripts</title><script>var a = 1;</script></head><body><script>document.write('Hello')</script><noscript>Enable JavaScript</noscript></body></html>",
    );

    const r = ingest(root, articles);
    expect(r.code).toBe(0);
    expect(r.articles).toBe(1);
    expect(r.skipped.sort()).toEqual([
      "scripts.html: no article text (the page has no paragraphs outside scripts and navigation)",
      "utf16.txt: not UTF-8: it looks like UTF-16 text without a byte-order mark (save it as UTF-8)",
    ]);
    for (const line of r.stderr.split("\n").filter((l) => l.includes("skipped"))) expect(line).toMatch(/^[^\n]*(utf16|scripts)[^\n]*$/);
  });
});

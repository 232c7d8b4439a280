import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_ARTICLE_BYTES, readArticleFile } from "../../src/archive/read.ts";
import { tempDir } from "../helpers/tmp.ts";

const dir = tempDir();
function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const read = (name: string, content: string | Buffer) => readArticleFile(file(name, content), name);

describe("reading article files", () => {
  it("takes a plain-text headline from the first line and the body from the rest", () => {
    const r = read("a.txt", "Council raises tax\n\nThe council said it would raise tax.\n\nMore follows.");
    expect(r.ok && r.articles[0]).toMatchObject({
      key: "a.txt",
      title: "Council raises tax",
      paragraphs: ["The council said it would raise tax.", "More follows."],
    });
  });

  it("keeps a first line that is a sentence as body text, and titles the article with it", () => {
    const r = read("b.txt", "The minister resigned last night, saying he could not go on.\n\nHe wrote a letter.");
    expect(r.ok && r.articles[0].paragraphs).toHaveLength(2);
    expect(r.ok && r.articles[0].title).toBe("The minister resigned last night, saying he could not go on.");
  });

  it("reads Markdown front matter: title, date, byline, url, tags", () => {
    const r = read(
      "c.md",
      "---\ntitle: Budget row\ndate: 2016-03-19\nbyline: A Reporter\nurl: https://example.org/budget\ntags: [budget, welfare]\n---\nFirst paragraph.\n\nSecond **bold** paragraph.\n",
    );
    expect(r.ok && r.articles[0]).toMatchObject({
      title: "Budget row",
      date: "2016-03-19",
      byline: "A Reporter",
      url: "https://example.org/budget",
      tags: ["budget", "welfare"],
      paragraphs: ["First paragraph.", "Second bold paragraph."],
    });
  });

  it("skips broken front matter with a reason", () => {
    const r = read("d.md", "---\ntitle: [unclosed\n---\nBody.\n");
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.reason).toMatch(/front matter/);
  });

  it("reads HTML article text without navigation, scripts or footers", () => {
    const html = `<html><head><title>Site | Story</title><meta property="og:title" content="The story"><meta property="article:published_time" content="2016-03-20T10:00:00Z"><link rel="canonical" href="https://example.org/story"></head>
      <body><nav><p>Home News Sport</p></nav><article><h1>The story</h1><p>First &amp; foremost.</p><script>var x = 1;</script><p>Second.</p></article><footer><p>© Site</p></footer></body></html>`;
    const r = read("e.html", html);
    expect(r.ok && r.articles[0]).toMatchObject({
      title: "The story",
      date: "2016-03-20",
      url: "https://example.org/story",
      paragraphs: ["First & foremost.", "Second."],
    });
  });

  it("reads one or many articles from JSON and JSON lines, skipping only the bad line", () => {
    const one = read("f.json", JSON.stringify({ title: "T", body: "Para one.\n\nPara two.", date: "2016-03-01" }));
    expect(one.ok && one.articles.map((a) => a.key)).toEqual(["f.json"]);
    const many = read(
      "g.json",
      JSON.stringify([
        { title: "A", text: "x." },
        { headline: "B", content: ["y.", "z."] },
      ]),
    );
    expect(many.ok && many.articles.map((a) => [a.key, a.title])).toEqual([
      ["g.json#1", "A"],
      ["g.json#2", "B"],
    ]);
    const lines = read("h.jsonl", '{"title":"A","body":"x."}\n{not json\n{"title":"C","body":"z."}\n');
    expect(lines.ok && lines.articles.map((a) => a.title)).toEqual(["A", "C"]);
    expect(lines.ok && lines.problems[0]).toMatch(/h\.jsonl line 2/);
  });

  it("refuses binary, empty, badly encoded and oversized files with one-line reasons", () => {
    expect(read("bin.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
    expect(read("empty.txt", "  \n\n")).toMatchObject({ ok: false, reason: "empty" });
    expect(read("latin1.txt", Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]))).toMatchObject({ ok: false, reason: expect.stringMatching(/UTF-8/) });
    expect(read("big.txt", "word ".repeat(MAX_ARTICLE_BYTES / 5 + 10))).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) });
  });

  it("decodes UTF-16 files that carry a byte-order mark", () => {
    const r = read("u16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Headline\n\nBody text here.", "utf16le")]));
    expect(r.ok && r.articles[0].title).toBe("Headline");
  });
});

describe("dates, read strictly", () => {
  it("reads ISO 8601, RFC 822 and written dates as the day written, and nothing that is not a real day", async () => {
    const { parseDate } = await import("../../src/archive/formats/fields.ts");
    expect(parseDate("2016-03-19")).toBe("2016-03-19");
    expect(parseDate("2016-03-19T23:30:00-05:00")).toBe("2016-03-19");
    expect(parseDate("20160319T101500Z")).toBe("2016-03-19");
    expect(parseDate("Sat, 19 Mar 2016 10:00:00 GMT")).toBe("2016-03-19");
    expect(parseDate("19 March 2016")).toBe("2016-03-19");
    expect(parseDate("March 19th, 2016")).toBe("2016-03-19");
    expect(parseDate("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2024-13-45", "0000-00-00", "2023-02-29", "2016-04-31", "31 Foo 2016", "next Tuesday", "Edition 2", "12"])
      expect(parseDate(bad), bad).toBeNull();
  });
});

// Every wire, feed and page format read from fixtures written for these tests (tests/fixtures/reading):
// title, date, byline, paragraphs — and, end to end through the real CLI, quotes and figures.
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFile } from "../../src/archive/read.ts";
import { newsbot } from "../helpers/cli.ts";
import { tempDir } from "../helpers/tmp.ts";

const FIXTURES = resolve("tests/fixtures/reading");
const read = (name: string) => {
  const r = readArticleFile(join(FIXTURES, name), name);
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r;
};

describe("wire formats", () => {
  it("ninjs 1.x: headline, body_html with its entities, versioncreated, byline without 'By', no caption", () => {
    expect(read("ninjs-1.json").articles).toEqual([
      expect.objectContaining({
        title: "Harbour tunnel opens two years late",
        date: "2026-03-10",
        byline: "Priya Natarajan",
        outlet: "Wire Example",
        tags: ["transport"],
        paragraphs: [
          "The harbour tunnel opened to traffic on Tuesday, two years behind schedule.",
          "“It was worth the wait for every driver in the city,” said Tobias Lindqvist, the commissioner.",
          "The tunnel cost £840m, against a budget of £610m.",
        ],
      }),
    ]);
  });

  it("ninjs 2.x: the main headline, the HTML body over the plain one, by, the date as written", () => {
    expect(read("ninjs-2.json").articles[0]).toMatchObject({
      title: "Orchestra saved by late donation",
      date: "2026-03-11",
      byline: "Marta Kowalczyk",
      outlet: "Wire Example Arts",
      url: "https://wire.example/items/ninjs-two",
      tags: ["arts", "music"],
      paragraphs: [
        "The city orchestra will survive the season after a late donation from a local family.",
        "“Music is not a luxury in this town,” said Ingrid Halvorsen, the orchestra’s director.",
        "The gift of €1.5m covers the deficit.",
      ],
    });
  });

  it("a corrected ninjs item: the later version replaces the earlier, which is reported", () => {
    const r = read("ninjs-correction.json");
    expect(r.articles.map((a) => [a.key, a.title])).toEqual([["ninjs-correction.json#2", "CORRECTED: Ferry fares to rise by 14 per cent"]]);
    expect(r.problems).toEqual(["ninjs-correction.json#1: replaced by version 2 of the same item (ninjs-correction.json#2)"]);
  });

  it("NITF: hl1, the byline's person without their title, date.issue, body.content only", () => {
    expect(read("story.nitf").articles[0]).toMatchObject({
      title: "River town gets £12m flood wall",
      date: "2026-03-13",
      byline: "Declan Murphy",
      url: "https://wire.example/flood-defences",
      tags: ["floods", "environment"],
      paragraphs: [
        "A flood wall costing £12m will be built along the river, the agency said on Friday.",
        "“This town has flooded three times, and that ends now,” said Aoife Brennan, the director.",
        "Work is due to start in April and last 18 months.",
      ],
    });
  });

  it("NewsML-G2 newsItem with XHTML, and a newsMessage of three items (NITF, plain text, XHTML) beside a package", () => {
    expect(read("g2-item.xml").articles[0]).toMatchObject({
      title: "Museum returns bronze heads",
      date: "2026-03-14",
      byline: "Lena Fischer",
      outlet: "Wire Example",
      paragraphs: [
        "The national museum will return twelve bronze heads this summer.",
        "“They were never ours to keep,” said Kwame Mensah-Boateng, the museum’s director.",
        "The collection was valued at $4.5m in 2019.",
      ],
    });
    const pkg = read("g2-package.xml");
    expect(pkg.problems).toEqual([]);
    expect(pkg.articles.map((a) => [a.key, a.title, a.date, a.byline, a.paragraphs.length])).toEqual([
      ["g2-package.xml#1", "Turnout reaches record in regional vote", "2026-03-15", "Sofia Almeida", 2],
      ["g2-package.xml#2", "Count delayed in two districts", "2026-03-15", "Sofia Almeida", 2],
      ["g2-package.xml#3", "Election cost rises", "2026-03-15", "Sofia Almeida", 2],
    ]);
    expect(pkg.articles[1].paragraphs[1]).toBe('"We will finish the count before midnight, whatever happens tonight," said Petra Novak, the director.');
  });
});

describe("feed files", () => {
  it("RSS 2.0: content:encoded with escaped named entities, dc:creator, an undefined entity in a title, a bad date warned", () => {
    const r = read("entities.rss");
    expect(r.articles[0]).toMatchObject({
      key: "entities.rss#1",
      title: "Mayor’s budget sets aside £3.2m for parks",
      date: "2026-03-17",
      byline: "Niamh O'Sullivan",
      outlet: "City Desk",
      url: "https://citydesk.example/budget",
      tags: ["politics"],
      paragraphs: ["“We will act on green space this year,” said Anselm Whitlock, the city’s mayor.", "The budget sets aside £3.2m for parks."],
    });
    expect(r.articles[1]).toMatchObject({ title: "Library & archive merge", date: null, byline: "Rhys Evans", url: "https://citydesk.example/library-merge" });
    expect(r.warnings).toEqual(['entities.rss#2: date "2024-13-45" is not a real date; the article is kept without it']);
  });

  it("Atom with xml:base: relative links resolved, XHTML content, an entry with only a summary", () => {
    const r = read("relative.atom");
    expect(r.articles.map((a) => [a.title, a.url, a.date, a.byline])).toEqual([
      ["Stadium’s roof fixed at last", "https://paper.example/news/sport/stadium-roof.html", "2026-03-16", "Yusuf Okonkwo"],
      ["Bus route saved", "https://paper.example/transport/bus-route", "2026-03-15", "Yusuf Okonkwo"],
    ]);
    expect(r.articles[1].paragraphs).toEqual(["The number 9 bus will keep running. “We listened,” said Colm Keane, the operator's manager."]);
  });

  it("a malformed feed: bare ampersands and undefined entities are text; an item with an unclosed tag is skipped alone, and said so", () => {
    const dir = tempDir();
    const path = join(dir, "broken.xml");
    writeFileSync(
      path,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Chip Shop News</title>
<item><title>Fish & Chips&nbsp;&mdash; the verdict</title><description>Salt &amp; vinegar, said the judges. &copy; 2026</description></item>
<item><title>Broken<description>never closed</description></item>
<item><title>Mushy peas</title><description><p>Peas are back on the menu.<br><br>Served hot.</p></description></item>
</channel></rss>`,
    );
    const r = readArticleFile(path, "broken.xml");
    expect(r.ok && r.articles.map((a) => [a.title, a.paragraphs])).toEqual([
      ["Fish & Chips — the verdict", ["Salt & vinegar, said the judges. © 2026"]],
      ["Mushy peas", ["Peas are back on the menu.", "Served hot."]],
    ]);
    expect(r.ok && r.problems).toEqual(["broken.xml: 1 item is not well-formed XML and could not be read"]);
  });

  it("RSS 1.0 (RDF): items beside the channel, dc:date", () => {
    expect(read("rss1.rdf").articles[0]).toMatchObject({
      title: "Tram line extended",
      date: "2026-03-18",
      byline: "Ines Duarte",
      url: "https://old.example/tram",
    });
  });
});

describe("pages", () => {
  // What a person would call the story on each page shape (bench/pages.ts measures Readability on the same).
  const expected = JSON.parse(readFileSync(resolve("tests/fixtures/reading-pages.json"), "utf8")) as Record<string, object>;
  for (const [page, want] of Object.entries(expected)) {
    it(`${page}: metadata from JSON-LD or meta tags, the story without share bars, captions, boxes or prompts`, () => {
      expect(read(`pages/${page}`).articles[0]).toMatchObject(want);
    });
  }
});

describe("a folder with one file of each kind, end to end", () => {
  const root = tempDir();
  const articles = join(root, "articles");
  cpSync(FIXTURES, articles, { recursive: true });
  const env = { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles };
  const ask = (line: string) => JSON.parse(newsbot(["ask", "--json", line], { env }).stdout);

  it("indexes every file, says why for what it does not keep, and answers quotes and figures from each format", { timeout: 120_000 }, () => {
    const r = newsbot(["ingest", articles], { env });
    expect(r.code).toBe(0);
    const files = readdirSync(articles, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    expect(r.stdout).toContain(`Indexed: ${files} new, 0 changed, 0 removed, 0 unchanged.`);
    expect(r.stderr).toMatch(/skipped ninjs-correction\.json#1: replaced by version 2/);
    for (const [speaker, words] of [
      ["Whitlock", "We will act on green space this year"],
      ["Halvorsen", "Music is not a luxury"],
      ["Brennan", "ends now"],
      ["Mensah-Boateng", "never ours to keep"],
      ["Gallagher", "came out in the rain"],
      ["Moreno", "dry seat"],
      ["Ferreira", "fight this in the courts"],
    ]) {
      expect(JSON.stringify(ask(`/quote ${speaker}`)), speaker).toContain(words);
    }
    // The corrected version only: the first version's words are gone.
    const ferry = JSON.stringify(ask("/quote Sorensen"));
    expect(ferry).toContain("but it is a small one");
    expect(ferry).not.toContain("Nobody wants this rise,”");
    expect(JSON.stringify(ask("/figure parks"))).toContain("£3.2m");
    expect(JSON.stringify(ask("/figure tunnel"))).toContain("£840m");
    // newsbot extract reads a package's three items and finds their quotes and figures.
    const extracted = JSON.parse(newsbot(["extract", "--json", join(articles, "g2-package.xml")], { env }).stdout) as {
      articles: { file: string; title: string; quotes: { text: string; speaker: string | null }[]; figures: { text: string }[] }[];
    };
    expect(extracted.articles.map((a) => a.file)).toEqual(["g2-package.xml#1", "g2-package.xml#2", "g2-package.xml#3"]);
    expect(extracted.articles[1].quotes).toEqual([
      expect.objectContaining({ text: "We will finish the count before midnight, whatever happens tonight,", speaker: "Petra Novak" }),
    ]);
    expect(extracted.articles[2].figures.map((f) => f.text)).toEqual(["£2.6m", "£2.1m"]);
    // The paywall prompt's "£1 a week" is not the story, so not a figure.
    expect(JSON.stringify(ask("/figure week"))).not.toContain("£1");
  });
});

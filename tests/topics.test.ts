// What a person said on a topic, and when, end to end through `newsbot ask --json` on articles written for
// the tests (tests/fixtures/topics): one person quoted on housing benefit in January and February and on
// PIP from March to May, one quotation of hers repeated in three articles and quoted in part in a fourth,
// two sources giving different values for one measure, and an undated plain-text article.
import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../src/config.ts";
import { openBot, type Bot } from "../src/core.ts";
import { memoryLogger } from "../src/log.ts";
import { flagDisagreements, sameUpToRounding } from "../src/reply/disagree.ts";
import { renderDiscord } from "../src/reply/discord.ts";
import { renderSlack } from "../src/reply/slack.ts";
import type { FigureBlock, QuoteBlock, Reply } from "../src/reply/model.ts";
import { Messages } from "../src/reply/messages.ts";
import { newsbot } from "./helpers/cli.ts";
import { tempDir } from "./helpers/tmp.ts";

// Each test runs the real command several times (a process start and an archive open each): on two cores
// shared with the rest of the suite, that can take longer than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

const root = tempDir();
const articles = join(root, "articles");
cpSync("tests/fixtures/topics", articles, { recursive: true });
const env = { NEWSBOT_DB: join(root, "archive.db"), NEWSBOT_ARTICLES: articles };

function ask(line: string): Reply {
  const r = newsbot(["ask", "--json", line], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Reply;
}
const quotes = (r: Reply) => r.blocks.filter((b): b is QuoteBlock => b.kind === "quote");
const texts = (r: Reply) => r.blocks.filter((b) => b.kind === "text" || b.kind === "note").map((b) => (b as { text: string }).text);
const REPEATED = "These changes to disability support are fair, they are affordable and they protect those in the greatest need,";
const PIP_WORDS = "We have listened, and the PIP changes will not go ahead in their present form,";

describe("/quote <person> on <topic>", () => {
  it("gives her words on the topic first, however the topic and the name are typed", () => {
    for (const line of ["/quote holloway on PIP", "/quote Holloway about personal independence payments", "/quote hollowey on personal independance payment"]) {
      const r = ask(line);
      expect(r.status, line).toBe("ok");
      const qs = quotes(r);
      expect(qs[0], line).toMatchObject({ text: PIP_WORDS, speaker: "Margaret Holloway", match: "by" });
      expect(
        qs.every((q) => q.speaker === "Margaret Holloway"),
        line,
      ).toBe(true);
      // Her housing benefit quotes are not about PIP.
      expect(
        qs.some((q) => q.text.includes("Housing benefit")),
        line,
      ).toBe(false);
    }
  });

  it("shows a quotation repeated in three articles once, with where it was first reported and its partial quotes", () => {
    const qs = quotes(ask("/quote holloway on PIP"));
    const repeated = qs.filter((q) => q.text === REPEATED);
    expect(repeated).toHaveLength(1);
    expect(repeated[0].reported).toMatchObject({ articles: 3, first: { date: "2016-03-18", url: "https://example.org/news/pip-cuts", paragraph: 2 } });
    expect(repeated[0].reported!.others.map((s) => s.path).sort()).toEqual(["2016-03-20-pip-reaction.md", "2016-04-02-pip-review.md"]);
    expect(repeated[0].parts?.map((p) => p.text)).toContain("fair, they are affordable and they protect those in the greatest need");
    // The terminal, Slack and Discord say it in words, with a link to the first article.
    const first = "in 3 articles, first reported 18 March 2016 in";
    expect(newsbot(["ask", "/quote holloway on PIP"], { env }).stdout).toContain(`${first} Disability payments to be cut by billions`);
    const reply = ask("/quote holloway on PIP");
    for (const rendered of [JSON.stringify(renderSlack(reply)), JSON.stringify(renderDiscord(reply))]) {
      expect(rendered).toContain(first);
      expect(rendered).toContain("https://example.org/news/pip-cuts");
    }
  });

  it("says so when the person said nothing on it, and shows the quotes on it that mention them", () => {
    const r = ask("/quote holloway on rail fares");
    expect(r.status).toBe("ok");
    expect(texts(r)).toContain(Messages.nothingSaidOn("Margaret Holloway", "rail fares"));
    expect(quotes(r)).toEqual([expect.objectContaining({ speaker: "Tom Reyes", match: "mentions" })]);
    const none = ask("/quote holloway on marathon");
    expect(none.status).toBe("empty");
  });

  it("leaves /quote <surname> without `on` as it was: every quote by her, newest first", () => {
    const r = ask("/quote holloway");
    const by = quotes(r).filter((q) => q.match === "by");
    expect(by.length).toBeGreaterThan(0);
    expect(by.every((q) => q.speaker === "Margaret Holloway")).toBe(true);
    expect(by.map((q) => q.text)).toEqual(
      expect.arrayContaining([PIP_WORDS, REPEATED, "Housing benefit has to go to the families who need it most, not to their landlords,"]),
    );
    expect(
      quotes(r)
        .filter((q) => q.match === "mentions")
        .map((q) => q.speaker)
        .sort(),
    ).toEqual(["Daniel Okafor", "Tom Reyes"]);
  });
});

describe("periods", () => {
  it("keeps /quote to a period, placing the undated article by the day it was added and saying so", () => {
    const r = ask("/quote holloway since 2016-05-01");
    expect(r.title).toBe("Quotes by Margaret Holloway since 1 May 2016");
    const qs = quotes(r);
    expect(qs.map((q) => q.source.path).sort()).toEqual(["2016-05-10-pip-u-turn.md", "2016-05-10-pip-u-turn.md", "jobcentre-visit.txt"]);
    expect(texts(r)).toContain(Messages.undated);
    // A partial quote points to the longer quotation it is part of.
    const partial = qs.find((q) => q.partial)!;
    expect(partial.partOf).toMatchObject({ text: REPEATED, source: { path: "2016-03-18-pip-cuts.md" } });

    const year = quotes(ask("/quote holloway in 2016")).filter((q) => q.match === "by");
    expect(year.map((q) => q.source.path)).not.toContain("jobcentre-visit.txt");
    expect(year.length).toBeGreaterThan(3);
    const until = quotes(ask("/quote holloway until February 2016")).map((q) => q.source.date);
    expect(until.sort()).toEqual(["2016-01-12", "2016-02-03"]);
  });

  it("keeps /figure and /search to a period", () => {
    const f = ask("/figure PIP since 19 March 2016");
    expect(f.title).toBe("Figures on “PIP” since 19 March 2016");
    const dates = f.blocks.flatMap((b) => (b.kind === "figure" ? b.sources.map((s) => s.date) : []));
    expect(dates.sort()).toEqual(["2016-03-20", "2016-05-10"]);
    const s = ask("/search housing benefit in 2016");
    expect(s.blocks.filter((b) => b.kind === "article")).toHaveLength(2);
    expect(ask("/search rail fares until 2016-03-31").status).toBe("empty");
  });

  it("answers a period it cannot read with one line", () => {
    const r = ask("/quote holloway since blorp");
    expect(r.status).toBe("usage");
    expect(texts(r)).toContain(Messages.periodUnreadable("since blorp"));
  });
});

describe("figures that disagree", () => {
  it("/figure PIP flags two sources giving different values for one measure; the same value written three ways is one", () => {
    const r = ask("/figure PIP");
    const figs = r.blocks.filter((b): b is FigureBlock => b.kind === "figure");
    const high = figs.find((f) => f.value === 4.4e9)!;
    expect(high.sources.map((x) => x.path).sort()).toEqual(["2016-03-18-pip-cuts.md", "2016-03-20-pip-reaction.md", "2016-05-10-pip-u-turn.md"]);
    const values = [
      { text: "£4.4bn", claimedBy: "Institute for Fiscal Studies" },
      { text: "£1.3bn", claimedBy: "Department for Work and Pensions" },
    ];
    expect(high.disagree).toMatchObject(values);
    expect(figs.find((f) => f.value === 1.3e9)!.disagree).toMatchObject(values);
    const line = "£4.4bn (Institute for Fiscal Studies) · £1.3bn (Department for Work and Pensions): sources disagree";
    expect(newsbot(["ask", "/figure PIP"], { env }).stdout).toContain(line);
    // Slack and Discord say it too, through the same reply.
    expect(JSON.stringify(renderSlack(r))).toContain(line);
    expect(JSON.stringify(renderDiscord(r))).toContain(line);
  });

  const claim = (value: number, measure: string, article: string, sentence = `${article}: ${measure}`, claimedBy: string | null = null): FigureBlock => ({
    kind: "figure",
    text: String(value),
    value,
    unit: "GBP",
    per: null,
    approx: null,
    measure,
    claimedBy,
    sentence,
    sources: [{ articleId: article, title: article, date: null, url: null, path: article, paragraph: 1 }],
  });

  it("is not fooled by rounding, a change within one sentence, other years or other measures", () => {
    expect(sameUpToRounding(4.4e9, 4.38e9)).toBe(true);
    expect(sameUpToRounding(640_000, 600_000)).toBe(true);
    expect(sameUpToRounding(4.4e9, 1.3e9)).toBe(false);
    const flagged = (cs: FigureBlock[]) => flagDisagreements(cs).map((c) => (c.disagree ?? []).length);
    expect(flagged([claim(4.4e9, "cut from the PIP budget", "a"), claim(1.3e9, "cut from the PIP budget", "b")])).toEqual([2, 2]);
    expect(flagged([claim(4.4e9, "cut from the PIP budget", "a"), claim(4.38e9, "cut from the PIP budget", "b")])).toEqual([0, 0]);
    const change = "losses deepened to £51.6m from £1.2m";
    expect(flagged([claim(51.6e6, change, "a", change), claim(1.2e6, change, "b", change)])).toEqual([0, 0]);
    expect(flagged([claim(4e9, "cut from the PIP budget by 2020", "a"), claim(2e9, "cut from the PIP budget by 2018", "b")])).toEqual([0, 0]);
    expect(flagged([claim(4e9, "cut from the PIP budget", "a"), claim(2e9, "spent on rail fares", "b")])).toEqual([0, 0]);
    // One article, two values: a comparison, unless it gives them to two named sources.
    expect(flagged([claim(4e9, "cut from the PIP budget", "a"), claim(2e9, "cut from the PIP budget in total", "a")])).toEqual([0, 0]);
    expect(flagged([claim(4e9, "cut from the PIP budget", "a", "s1", "IFS"), claim(2e9, "cut from the PIP budget", "a", "s2", "DWP")])).toEqual([2, 2]);
  });
});

describe("/timeline <person> [on <topic>]", () => {
  it("groups their quotes by month, oldest first, each with its count and most telling quote", () => {
    const r = ask("/timeline holloway");
    expect(r.title).toBe("Margaret Holloway, month by month");
    const labels = quotes(r).map((q) => q.label);
    expect(labels.slice(0, 5)).toEqual([
      "January 2016 · 1 quote",
      "February 2016 · 1 quote",
      "March 2016 · 2 quotes",
      "April 2016 · 3 quotes",
      "May 2016 · 2 quotes",
    ]);
    expect(quotes(r)[2]).toMatchObject({ text: REPEATED, source: { date: "2016-03-18" } });
    // The undated article is placed by the day it was added, and the reply says so.
    expect(quotes(r)[5].source.path).toBe("jobcentre-visit.txt");
    expect(texts(r)).toContain(Messages.undated);
  });

  it("on a topic and over a period", () => {
    const r = ask("/timeline holloway on PIP since 2016-04-01");
    expect(r.title).toBe("Margaret Holloway on “PIP”, month by month since 1 April 2016");
    expect(quotes(r).map((q) => q.label)).toEqual(["April 2016 · 3 quotes", "May 2016 · 2 quotes"]);
    expect(quotes(r)[1].text).toBe(PIP_WORDS);
    expect(ask("/timeline holloway on marathon").status).toBe("empty");
    expect(ask("/timeline nobody-we-know").status).toBe("empty");
  });

  it("is listed by /help", () => {
    expect(JSON.stringify(ask("/help").blocks)).toContain("/timeline sturgeon on PIP");
  });
});

describe("periods counted back from today", () => {
  // An injected clock: "last 30 days" on 20 May 2016 is from 21 April.
  let bot: Bot;
  beforeAll(async () => {
    const config = loadConfig({ env: { NEWSBOT_ARTICLES: articles, NEWSBOT_DB: join(root, "clock.db") }, cwd: root });
    bot = await openBot(config, { log: memoryLogger(), now: () => new Date("2016-05-20T12:00:00Z") });
  });
  afterAll(() => bot.close());

  it("/quote holloway last 30 days and since march", async () => {
    const last = await bot.handle({ command: "quote", query: "holloway last 30 days", platform: "cli", page: 1, pageSize: 20 });
    expect(last.title).toBe("Quotes by Margaret Holloway since 21 April 2016");
    const dated = quotes(last)
      .map((q) => q.source.date)
      .filter(Boolean);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((d) => d! >= "2016-04-21")).toBe(true);
    const march = await bot.handle({ command: "quote", query: "holloway on PIP since march", platform: "cli", page: 1, pageSize: 20 });
    expect(march.title).toBe("Margaret Holloway on “PIP” since 1 March 2016");
    expect(quotes(march)[0].text).toBe(PIP_WORDS);
  });
});

describe("autocomplete", () => {
  let bot: Bot;
  beforeAll(async () => {
    const config = loadConfig({ env: { NEWSBOT_ARTICLES: articles, NEWSBOT_DB: join(root, "suggest.db") }, cwd: root });
    bot = await openBot(config, { log: memoryLogger(), now: () => new Date("2016-05-20T12:00:00Z") });
  });
  afterAll(() => bot.close());

  it("offers “on” a topic and “since” after a whole name, and topics after “on”", async () => {
    const whole = (await bot.suggest("quote", "Margaret Holloway")).map((c) => c.value);
    expect(whole).toEqual(expect.arrayContaining(["Margaret Holloway on Housing benefit", "Margaret Holloway last 30 days"]));
    expect(whole.some((v) => v.startsWith("Margaret Holloway since "))).toBe(true);
    const on = (await bot.suggest("timeline", "Margaret Holloway on P")).map((c) => c.value);
    expect(on).toContain("Margaret Holloway on PIP");
  });
});

describe("/who <person>", () => {
  it("lists the topics they are most quoted on", () => {
    const r = ask("/who holloway");
    expect(texts(r).find((t) => t.startsWith("Most quoted on:"))).toContain("Housing benefit (2 quotes)");
  });
});

// Answers that must not state what is not so (issue 18): a digest over more articles than it reads says
// "more than 500", not "500"; a page that is not a whole number, or a page size of 0, is refused with one
// line instead of answering "Page NaN" or "Page 1 of Infinity". Through the real command.
import { describe, expect, it } from "vitest";
import { articlesFolder, runNewsbot } from "../helpers/process.ts";

const ARTICLES = 520;
const lines = Array.from({ length: ARTICLES }, (_, i) =>
  JSON.stringify({ title: `Council meeting ${i}`, date: "2026-01-15", body: `The council met for the ${i}th time and agreed the budget.` }),
);
const folder = articlesFolder("newsbot-answers-", { "minutes.jsonl": lines.join("\n") + "\n" });

describe("counts and pages", () => {
  it("says a digest over more than it reads has more than 500 articles", async () => {
    const ingest = await runNewsbot(["ingest"], { env: folder.env, cwd: folder.root });
    expect(ingest.stdout).toMatch(new RegExp(`${ARTICLES + 2} articles`));
    for (const args of [
      ["ask", "/digest 99999w"],
      ["digest", "--since", "99999w"],
    ]) {
      const r = await runNewsbot(args, { env: folder.env, cwd: folder.root });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/More than 500 articles/);
      expect(r.stdout).not.toMatch(/(^|\n)\s*500 articles/);
    }
  }, 120_000);

  it("refuses a page that is not a whole number and a page size of 0", async () => {
    const cases: [string[], RegExp][] = [
      [["--page", "NaN"], /^newsbot ask: --page must be a whole number from 1 to 1000, not "NaN"\n$/],
      [["--page", "0"], /--page must be a whole number from 1 to 1000, not "0"/],
      [["--page", "1.5"], /--page must be a whole number/],
      [["--page-size", "0"], /^newsbot ask: --page-size must be a whole number from 1 to 100, not "0"\n$/],
      [["--page-size", "1e9"], /--page-size must be a whole number from 1 to 100/],
    ];
    const runs = await Promise.all(cases.map(([flags]) => runNewsbot(["ask", "/search council", ...flags], { env: folder.env, cwd: folder.root })));
    runs.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(cases[i][1]);
      expect(r.stdout).toBe("");
    });
    const fine = await runNewsbot(["ask", "/search council", "--page", "2", "--page-size", "3"], { env: folder.env, cwd: folder.root });
    expect(fine.code).toBe(0);
    expect(fine.stdout).toMatch(/Page 2 of/);
  }, 120_000);
});

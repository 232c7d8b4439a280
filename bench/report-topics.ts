// RESULTS.md's section for issue 15: `/quote <person> on <topic>` and `/timeline <person>` beside `/quote`,
// whose p99 they are to stay within twice of, at every size and store measured.
import { label, load, ms, p99Of, pct, type Result } from "./results.ts";

const WITHIN = 2;

export function personOnTopic(all: Result[]): string[] {
  const measured = all.filter((r) => r.query.ours.some((t) => t.command === "quote-on" || t.command === "timeline"));
  const lines = ["## A person on a topic, and timelines, beside /quote (issue 15)", ""];
  if (measured.length === 0) return [...lines, "Not measured yet (the results kept predate these commands).", ""];
  lines.push(`Target: p99 within ${WITHIN}× of \`/quote\`'s p99 in the same run (same process, same archive). Queries are made from the`);
  lines.push("archive's own people and words (bench/queries.ts): `<surname> on <topic>` and `<surname> on <acronym>` at random (mostly");
  lines.push('"said nothing on it", then the quotes on it that mention them), and `<surname> on <word>`, `<full name> about <word>`,');
  lines.push("`<surname with a typo> on <word>` with a word of that person's own quotes (they did speak on it); `/timeline <surname>`,");
  lines.push("`<full name>`, `<surname with a typo>`, `<surname> on <word of their quotes>`.", "");
  lines.push("| articles | /quote p99 | /quote … on … median / p99 (ms) | ratio | /timeline median / p99 (ms) | ratio | within 2× | load |");
  lines.push("|---:|---:|---:|---:|---:|---:|---|---|");
  for (const r of measured) {
    const quote = p99Of(r, "quote");
    const cells = ["quote-on", "timeline"].map((c) => {
      const p99 = p99Of(r, c);
      return {
        text: `${ms(
          pct(
            r.query.ours.filter((t) => t.command === c).map((t) => t.ms),
            50,
          ),
        )} / ${ms(p99)}`,
        ratio: p99 / quote,
      };
    });
    const ok = cells.every((c) => c.ratio <= WITHIN);
    lines.push(
      `| ${label(r)} | ${ms(quote)} | ${cells[0].text} | ${cells[0].ratio.toFixed(1)}× | ${cells[1].text} | ${cells[1].ratio.toFixed(1)}× | ${ok ? "yes" : "**no**"} | ${load(r.loadavg)} |`,
    );
  }
  lines.push("");
  return lines;
}

// Extraction time grows linearly with a paragraph's length (issue 18: it grew with the square, and one long
// transcript stalled ingestion). This is a growth rate, not a speed: the CPU time of extractArticle on one
// paragraph of n characters against one of 4n made of the same generated text. Linear is 4×, quadratic 16×;
// the bound is 12× and each size is measured three times (the median counts), so a loaded machine does not
// fail it. Absolute speed is measured in bench/extract-long.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.ts";

const N = 40_000;
const LIMIT = 12;

// News as it is written, in many shapes, with the marks and characters of hostile text among it; names from
// many languages, figures of every form the figure grammar reads.
const NAME = fc.constantFrom(
  "Chidi Okonkwo",
  "Xiu Mei Lin",
  "Priya Raman",
  "Fatima Al-Sayed",
  "Siobhan Gallagher",
  "Mr Smith",
  "Dr. Patel",
  "the minister",
  "Acme Holdings Ltd",
);
const CUE = fc.constantFrom("said", "told reporters", "warned", "added", "according to", "argued that");
const MARK = fc.constantFrom('"', "“", "”", "‘", "’", "'", "«", "»", "„");
const FIGURE = fc.constantFrom(
  "£4.4bn",
  "$5m",
  "dollars 2.5bn",
  "15%",
  "20-25%",
  "640,000 people",
  "3.5 percentage points",
  "1,70,000",
  "between 200 and 250 million",
  "737-800",
  "45 of them",
  "a crowd of 40,000",
  "the number of jobs rose to 5,500",
  "50 basis points",
  "8Mbps",
  "5-4",
);
const NOISE = fc.constantFrom("\u0000", "\t", "\u00a0", "\u200b", "&#233;", "(PIP)", "Personal Independence Payments", "—", "…", "", "", "");
const WORDS = fc
  .array(fc.constantFrom("the", "plan", "would", "cost", "jobs", "in", "Wales", "and", "rise", "by", "we", "will", "not", "stand", "for", "this"), {
    minLength: 2,
    maxLength: 10,
  })
  .map((w) => w.join(" "));
const SENTENCE = fc.oneof(
  fc.tuple(NAME, CUE, MARK, WORDS, FIGURE, MARK).map(([n, c, o, w, f, e]) => `${n} ${c}: ${o}${w} ${f}.${e}`),
  fc.tuple(MARK, WORDS, MARK, NAME, CUE).map(([o, w, e, n, c]) => `${o}${w},${e} ${c} ${n}.`),
  fc.tuple(WORDS, FIGURE, NOISE, FIGURE).map(([w, f, x, g]) => `${w[0].toUpperCase()}${w.slice(1)} ${f}${x} to ${g}.`),
  fc.tuple(NAME, WORDS, MARK, WORDS).map(([n, w, o, v]) => `${n} ${w} ${o}${v}.`), // a mark left open
);
const TEXT = fc.array(SENTENCE, { minLength: 20, maxLength: 60 }).map((s) => s.join(" ") + " ");

const cpuMs = (f: () => void): number => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const paragraphOf = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** How much longer 4n characters of the text take than n (the median of three each), and the times. */
function growth(text: string | ((length: number) => string)): { ratio: number; times: string } {
  const time = (length: number) => {
    const article = { title: "A long transcript", paragraphs: [typeof text === "string" ? paragraphOf(text, length) : text(length)] };
    return median([0, 1, 2].map(() => cpuMs(() => extractArticle(article))));
  };
  time(N); // warm up: the first run compiles what the later ones reuse
  const [n, n4] = [time(N), time(4 * N)];
  return { ratio: n4 / Math.max(n, 1), times: `${N} characters: ${n.toFixed(0)} CPU-ms, ${4 * N}: ${n4.toFixed(0)} CPU-ms` };
}

/** A machine busy with something else can slow one measurement: the rate is measured again before it fails. */
function linearOrRetried(text: string | ((length: number) => string)): { ratio: number; times: string } {
  let best = growth(text);
  for (let retry = 0; retry < 2 && best.ratio >= LIMIT; retry++) {
    const again = growth(text);
    if (again.ratio < best.ratio) best = again;
  }
  return best;
}

describe("extraction time as a paragraph grows", () => {
  it("is linear: 4n characters take less than 12 times n, on generated news with hostile marks", () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        const { ratio, times } = linearOrRetried(text);
        expect(ratio, times).toBeLessThan(LIMIT);
      }),
      { numRuns: 2, seed: 18 },
    );
  }, 180_000);

  it("is linear on one endless sentence of numbers, ranges and money (each number once searched back to its start)", () => {
    const { ratio, times } = linearOrRetried("5, 50, 120, 1,500, 3.5, 20-25%, 737-800, £4m-£5m between 200 and 250 million and up 300 - ");
    expect(ratio, times).toBeLessThan(LIMIT);
  }, 180_000);

  it("is linear on one endless sentence of figures each stated once (each measured without rereading the sentence)", () => {
    // Distinct values: a figure stated again is skipped, so repeated text would not measure a figure each time.
    const figures = (length: number) => {
      let text = "";
      for (let i = 1; text.length < length; i++) text += `£${i}m then ${i + 7} jobs then `;
      return text.slice(0, length);
    };
    const { ratio, times } = linearOrRetried(figures);
    expect(ratio, times).toBeLessThan(LIMIT);
  }, 180_000);

  it("is linear on quotation marks that never close and no full stop (each quotation's turn found without a walk)", () => {
    const { ratio, times } = linearOrRetried('“word he said, "word ');
    expect(ratio, times).toBeLessThan(LIMIT);
  }, 180_000);
});

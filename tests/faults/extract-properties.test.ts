// Property tests for extraction (issue 18): on random and adversarial text — unbalanced quotation marks,
// every quote style, control characters, long paragraphs — it never throws, and everything it finds is
// the article's own text at the place it points to: a quote is never altered, a figure is what is printed.
// (How extraction time grows with the text: extract-growth.test.ts.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractArticle, type Extraction } from "../../src/extract/index.ts";

/** Every opening and closing mark a newsroom's text may use, and ones it should not. */
const MARKS = ['"', "'", "“", "”", "‘", "’", "„", "‚", "«", "»", "‹", "›", "「", "」", "『", "』", "〝", "〞", "＂", "`", "´", "″", "′"];
const WORDS = [
  "said",
  "says",
  "told",
  "added",
  "warned",
  "according to",
  "Mr",
  "Mrs",
  "Dr",
  "Smith",
  "Jane Doe",
  "the BBC",
  "PIP",
  "£4.4bn",
  "15%",
  "640,000",
  "per cent",
  "He",
  "She",
  "It",
  "they",
  "a",
  "wrote:",
  "—",
  "–",
  "...",
  "…",
  ".",
  ",",
  ":",
  ";",
  "?",
  "!",
  "(",
  ")",
];
const CONTROLS = [
  "\u0000",
  "\u0007",
  "\b",
  "\t",
  "\u000b",
  "\f",
  "\r",
  "\n",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u200b",
  "\u200e",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffd",
  "\ud800",
  "\udc00",
];

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
);
const adversarial = fc
  .array(token, { maxLength: 80 })
  .chain((ts) =>
    fc.array(fc.constantFrom(" ", "", "  "), { minLength: ts.length, maxLength: ts.length }).map((gaps) => ts.map((t, i) => t + gaps[i]).join("")),
  );
const anyText = fc.oneof(adversarial, fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }));
const article = fc.record({ title: anyText, paragraphs: fc.array(anyText, { maxLength: 6 }) });

/** What extraction found, checked against the paragraphs it found it in: anything wrong, as a sentence. */
function misplaced(paragraphs: string[], x: Extraction): string[] {
  const wrong: string[] = [];
  for (const q of x.quotes) {
    const p = paragraphs[q.paragraph - 1];
    if (p === undefined) wrong.push(`quote ${JSON.stringify(q.text)} points to paragraph ${q.paragraph} of ${paragraphs.length}`);
    else if (p.slice(q.start, q.end) !== q.text)
      wrong.push(`quote ${JSON.stringify(q.text)} is not the text at ${q.paragraph}:${q.start}-${q.end} (${JSON.stringify(p.slice(q.start, q.end))})`);
  }
  for (const f of x.figures) {
    const p = paragraphs[f.paragraph - 1];
    if (p === undefined) wrong.push(`figure ${JSON.stringify(f.text)} points to paragraph ${f.paragraph} of ${paragraphs.length}`);
    else if (!p.includes(f.text)) wrong.push(`figure ${JSON.stringify(f.text)} is not in paragraph ${f.paragraph}`);
  }
  return wrong;
}

describe("extraction on random and adversarial text", () => {
  it("never throws, and every quote is the verbatim text of its paragraph at its offsets", () => {
    fc.assert(
      fc.property(article, (a) => {
        expect(misplaced(a.paragraphs, extractArticle(a))).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
    );
  });

  it("holds on every quote style around reported speech", () => {
    const open = fc.constantFrom(...MARKS);
    const close = fc.constantFrom(...MARKS);
    const speech = fc.array(fc.constantFrom(...WORDS, "we", "will", "not", "stand", "for", "this"), { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));
    const sentence = fc
      .tuple(
        fc.constantFrom("Jane Doe said:", "He said", "", "said Mr Smith.", "She told the BBC"),
        open,
        speech,
        close,
        fc.constantFrom("", " she said.", " he added.", " Smith warned."),
      )
      .map(([lead, o, s, c, tail]) => `${lead} ${o}${s}${c}${tail}`.trim());
    let quotes = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(" ")),
          { minLength: 1, maxLength: 4 },
        ),
        (paragraphs) => {
          const x = extractArticle({ title: "Styles", paragraphs });
          quotes += x.quotes.length;
          expect(misplaced(paragraphs, x)).toEqual([]);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
    // The property is about quotes: the text must have given it some.
    expect(quotes).toBeGreaterThan(100);
  });

  it("holds on long paragraphs with unbalanced marks", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...MARKS, "Mr Smith said ", "it was a 15% cut ", "“", "he warned. ", "\n"), { minLength: 500, maxLength: 2000 }),
        (parts) => {
          const paragraphs = [parts.join("")];
          expect(misplaced(paragraphs, extractArticle({ title: "Long", paragraphs }))).toEqual([]);
        },
      ),
      { numRuns: 10 },
    );
  });
});

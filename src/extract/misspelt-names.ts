// "Rijju said" three paragraphs after "Union Minister Kiren Rijiju": a one-word name that is a known person's
// surname with one letter dropped, added or two swapped is that person misspelt, not someone new (the copy of
// fast-moving news has such slips; the reader resolves them without a thought). Not a letter changed: "Smith" and
// "Smyth", "Clark" and "Clare" may be two people; nor a plural. Only names of five letters or more, and only one match.

/** For the article's names and persons: the surname each one-word name misspells, else null. */
export function misspellings(raws: readonly { tokens: string[] }[], persons: readonly { lower: string[] }[]): (word: string) => string | null {
  // Each surname under itself and each way of dropping one of its letters: the names one slip from a word share one
  // of these keys with it, so a word is compared with a few surnames, not with all of an article's thousands.
  const byKey = new Map<string, Set<string>>();
  for (const p of persons) {
    const s = p.lower[p.lower.length - 1];
    if (p.lower.length < 2 || s.length < 5) continue;
    for (const k of [s, ...dropOne(s)]) byKey.set(k, (byKey.get(k) ?? new Set()).add(s));
  }
  const uses = new Map<string, number>();
  for (const r of raws) for (const t of r.tokens) uses.set(t.toLowerCase(), (uses.get(t.toLowerCase()) ?? 0) + 1);
  // Asked once for each one-word mention, and a long article repeats its names thousands of times: each word's
  // answer is worked out once.
  const answers = new Map<string, string | null>();
  return (word) => {
    if (word.length < 5) return null;
    let answer = answers.get(word);
    if (answer === undefined) {
      const near = new Set([word, ...dropOne(word)].flatMap((k) => [...(byKey.get(k) ?? [])]));
      answer = misspeltSurname(word, near, uses);
      answers.set(word, answer);
    }
    return answer;
  };
}

function dropOne(word: string): string[] {
  return Array.from(word, (_, i) => word.slice(0, i) + word.slice(i + 1));
}

/** The one surname among `surnames` (lower case) that `word` (lower case) misspells, else null; `uses` counts each word's uses. */
function misspeltSurname(word: string, surnames: Iterable<string>, uses: Map<string, number>): string | null {
  if (word.length < 5) return null;
  let found: string | null = null;
  for (const s of surnames) {
    if (s.length < 5 || s === word || Math.abs(s.length - word.length) > 1 || !oneSlip(word, s)) continue;
    // (The spelling the article uses less is the slip: "Diane Abbot" once beside "Ms Abbott" throughout.)
    if ((uses.get(s) ?? 0) < (uses.get(word) ?? 0)) continue;
    if (found !== null) return null;
    found = s;
  }
  return found;
}

/** One letter dropped or added, or two neighbours swapped. */
function oneSlip(a: string, b: string): boolean {
  if (a.length === b.length) {
    const i = [...a].findIndex((c, k) => c !== b[k]);
    return i >= 0 && i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  // (A plural is no slip: "Muslims" beside "British Muslim".)
  if (long === `${short}s`) return false;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

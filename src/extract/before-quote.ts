// What the quotation stage reads of the words before an opening mark, found without copying or rescanning the
// whole sentence for every quotation: a paragraph with no sentence breaks (a transcript) is one sentence holding
// thousands of quotations, and a rescan per quotation made extraction grow with the square of its length.

/**
 * The end of p[from, to) as speech.ts reads it (isPartial: its last character once trailing space is trimmed;
 * isSpeech: a trailing "so-called"): everything from a little before its last character that is not white
 * space. The same answers as the whole stretch, at the cost of its trailing white space alone.
 */
export function tailBefore(p: string, from: number, to: number): string {
  let last = to;
  while (last > from && /\s/.test(p[last - 1])) last--;
  return p.slice(Math.max(from, last - TAIL), to);
}

/** Characters kept before the last one: room for "so-called" and the character that decides its word boundary. */
const TAIL = 40;

/**
 * Whether a cue word occurs, in any case, in p[from, to) (as `p.slice(from, to).toLowerCase().includes(cue)`):
 * the paragraph is lowered once and each cue's first place after a sentence start searched for once.
 */
export function cueFinder(p: string): (from: number, to: number, cue: string) => boolean {
  const lower = p.toLowerCase();
  // A character whose lower case is longer ("İ") would shift the offsets: then each stretch is lowered itself.
  if (lower.length !== p.length) return (from, to, cue) => p.slice(from, to).toLowerCase().includes(cue);
  const first = new Map<string, number>();
  return (from, to, cue) => {
    const key = `${from} ${cue}`;
    let at = first.get(key);
    if (at === undefined) first.set(key, (at = lower.indexOf(cue, from)));
    return at >= 0 && at + cue.length <= to;
  };
}

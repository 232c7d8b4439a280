// The names of an article outside quotations, in reading order (paragraph, then offset): found by bisection,
// since a paragraph of merged copy holds thousands of them and every quotation looks some up.
import type { Mention } from "./people.ts";

/** The index of the last mention before offset `at` of paragraph `paragraph`, by binary search; -1 when none. */
export function lastBefore(list: Mention[], paragraph: number, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid];
    if (m.paragraph < paragraph || (m.paragraph === paragraph && m.start < at)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// A capitalised run cut into the names it holds, before name-runs.ts reads each part: a possessive or a full stop
// ends a name, a day of the week written straight after a name ends it, page furniture glued on by a full stop is cut off.
import { isPossessive, isTitleWord } from "./name-words.ts";
import { matchesOf } from "./text.ts";

const WEEKDAYS = new Set("monday tuesday wednesday thursday friday saturday sunday".split(" "));

/**
 * A capital run can hold several names: "Labour's Owen Smith" (a possessive ends the first), "be OK. We're"
 * (a full stop ends a sentence, unless it follows an initial or a title).
 */
export function splitRun(run: string, at: number): { run: string; at: number }[] {
  // Most runs are one word, and one word is one part whatever it ends with.
  if (!/\s/.test(run) && !/\p{Ll}\.\p{Lu}/u.test(run)) return [{ run, at }];
  const parts: { run: string; at: number }[] = [];
  const re = /\S+/g;
  let start = -1;
  let last = -1;
  for (const m of matchesOf(run, re)) {
    // "Bhagwant Mann Tuesday slammed …": a day of the week after a name ends it (US and Indian copy drop the "on").
    if (start >= 0 && WEEKDAYS.has(m[0].toLowerCase())) {
      parts.push({ run: run.slice(start, last), at: at + start });
      start = -1;
      continue;
    }
    if (start < 0) start = m.index!;
    // Page furniture glued to a name by a full stop ("Kevin O'Brien.Credit", "Mary Lee.Getty"): the name ends there.
    const glued = /\p{Ll}\.\p{Lu}/u.exec(m[0]);
    if (glued) {
      parts.push({ run: run.slice(start, m.index + glued.index + 1), at: at + start });
      start = -1;
      break;
    }
    last = m.index + m[0].length;
    const word = m[0];
    // Initials ("J.", "M.K.") and titles ("Mr.", "Dr.") keep their full stop inside a name.
    const ends = isPossessive(word) || (word.endsWith(".") && !/^(?:\p{Lu}\.)+$/u.test(word) && !isTitleWord(word.slice(0, -1).toLowerCase()));
    if (ends) {
      parts.push({ run: run.slice(start, last), at: at + start });
      start = -1;
    }
  }
  if (start >= 0) parts.push({ run: run.slice(start, last), at: at + start });
  return parts;
}

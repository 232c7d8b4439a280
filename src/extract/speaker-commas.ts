// Where the commas and dashes around a speaker's name open and close: an apposition ("Jane Doe, an analyst at
// Acme, said"), a relative clause ("Mr Wilson, who was also involved with New Order, said"), or a comma that
// stands between a name and its verb by mistake ("shop owner Hayriye Evren, told AP"). Token positions only:
// what the phrase between them means is read by speaker-phrase.ts.
import { isCue } from "./cues.ts";
import type { Token } from "./tokens.ts";
import type { Phrase } from "./speaker-phrase.ts";

export const isComma = (t: Token | undefined) => t !== undefined && t.kind === "punct" && t.text === ",";
export const isDash = (t: Token | undefined) => t !== undefined && t.kind === "punct" && (t.text === "-" || t.text === "—" || t.text === "–");

/** The comma before the "who" or "which" whose clause ends at `close`, within the sentence; -1 when none. */
export function relativeStart(ts: Token[], close: number): number {
  for (let k = close - 1; k > 0 && k >= close - 40; k--) {
    const t = ts[k];
    if (t.kind === "quote" || (t.kind === "punct" && /[.!?;:]/.test(t.text))) return -1;
    if ((t.lower === "who" || t.lower === "which") && isComma(ts[k - 1])) return k - 1;
  }
  return -1;
}

/** The comma that opens the apposition closed at `close`: no sentence end, quotation or verb of speech between. */
export function openingComma(ts: Token[], close: number): number {
  const dash = isDash(ts[close]);
  let verb = false;
  for (let k = close - 1; k >= Math.max(0, close - 20); k--) {
    const t = ts[k];
    // A verb of speech inside means a clause, unless the stretch is a relative one ("who insists he…").
    if (dash ? isDash(t) : isComma(t)) return verb && !/^(?:who|which|whose)$/.test(ts[k + 1]?.lower ?? "") ? -1 : k;
    if (t.kind === "quote" || (t.kind === "punct" && t.text !== "," && t.text !== "(" && t.text !== ")")) return -1;
    if (t.kind === "word" && isCue(t.lower)) verb = true;
  }
  return -1;
}

/** Whether the comma at `i` stands between a person's name and its verb in a clause with no other comma or verb. */
export function strayComma(ts: Token[], i: number): boolean {
  if (ts[i - 1]?.mention?.kind !== "person" || !isComma(ts[i])) return false;
  for (let k = i - 1; k >= 0 && ts[k].kind === "word"; k--) if (isCue(ts[k].lower) || k === i - 20) return false;
  return true;
}

// "Peter Dobrow, a T-Mobile spokesperson said": an apposition whose closing comma was left out, after a person's name
// that opens the clause (not "After talks with Sony, a spokesman said", where the name is an object).
export function withUnclosedApposition(ts: Token[], phrase: Phrase | null): Phrase | null {
  let from = phrase?.kind === "description" || phrase?.kind === "spokesperson" ? phrase.from : -1;
  // (Or the body it names: "Howard Archer, economist at Global Insight said", "Emmanuel Ferry, from Exane said".)
  if (phrase?.kind === "name" && /^(?:at|from|of|with)$/.test(ts[phrase.from - 1]?.lower ?? "")) {
    let k = phrase.from - 2;
    while (k > phrase.from - 6 && ts[k]?.kind === "word" && /^\p{Ll}/u.test(ts[k].text)) k--;
    if (isComma(ts[k])) from = k + 1;
  }
  const named = ts[from - 2]?.mention;
  if (from < 0 || !isComma(ts[from - 1]) || !named || named.kind !== "person" || ts[from - 2].possessive) return phrase;
  let p = from - 2;
  while (p > 0 && ts[p - 1].mention === named) p--;
  const before = ts[p - 1];
  const opens =
    before === undefined ||
    before.kind === "quote" ||
    (before.kind === "punct" && /^[.!?:;]$/.test(before.text)) ||
    (isComma(before) && ts[p - 2]?.kind === "quote");
  return opens ? { kind: "name", name: named.name, from: p } : phrase;
}

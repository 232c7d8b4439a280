// Where the commas and dashes around a speaker's name open and close: an apposition ("Jane Doe, an analyst at
// Acme, said"), a relative clause ("Mr Wilson, who was also involved with New Order, said"), or a comma that
// stands between a name and its verb by mistake ("shop owner Hayriye Evren, told AP"). Token positions only:
// what the phrase between them means is read by speaker-phrase.ts.
import { isCue } from "./cues.ts";
import type { Token } from "./tokens.ts";

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

// What a figure measures, in the article's own words: the clause around it, without the attribution
// ("X said", "estimates suggest") and without the other figures coordinated with it.

const ATTRIBUTION = /^(?:.{0,80}?\b(?:said|says|say|estimates?|estimated|suggests?|suggested|believes|thinks|predicts?|predicted|forecasts?|forecast|expects?|expected|reported|reports|showed|shows|found|finds|warned|warns|claims?|claimed|added|argued)\s+(?:that\s+)?)/i;
const MAX_WORDS = 16;

/**
 * The clause of the sentence that holds the figure (between commas, semicolons, dashes or an "and" that
 * starts another clause with a figure), with any leading attribution dropped: for "the IFS said the changes
 * will see £4.4 billion cut from the bill and leave 370,000 people worse off" the £4.4 billion measures
 * "the changes will see £4.4 billion cut from the bill".
 */
export function measureOf(sentence: string, start: number, end: number): string {
  const left = sentence.slice(0, start);
  const right = sentence.slice(end);
  const l = Math.max(left.lastIndexOf(", "), left.lastIndexOf("; "), left.lastIndexOf(" - "), left.lastIndexOf(": "), lastAndBeforeFigure(left));
  const r = /,["”’']?\s|;\s|\s[-–—]\s|:\s|\s(?:and|while|but|whereas)\s(?=(?:\S+\s){0,3}?[£$€]?\d)|[.!?]["'”’]?$/.exec(right);
  let clause = sentence.slice(l >= 0 ? l + 2 : 0, r ? end + r.index : sentence.length).trim();
  const attribution = ATTRIBUTION.exec(clause);
  if (attribution && attribution[0].length < clause.indexOf(sentence.slice(start, end))) clause = clause.slice(attribution[0].length);
  clause = clause.replace(/^(?:and|but|while|with|or|so)\s+/i, "").replace(/["“”]/g, "").replace(/^['‘’]+|['‘’]+$/g, "").trim(); // quote marks go; apostrophes stay
  const words = clause.split(/\s+/);
  return words.length > MAX_WORDS ? words.slice(0, MAX_WORDS).join(" ") + " …" : clause;
}

// "… cut from the bill and leave 370,000 people …": the "and" that opens the figure's own clause.
function lastAndBeforeFigure(left: string): number {
  const m = /\s(?:and|while|but|whereas)\s(?:\S+\s){0,3}?$/.exec(left);
  return m ? m.index + m[0].indexOf(" ", 1) - 1 : -1;
}

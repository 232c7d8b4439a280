// A person's gender, for pronouns, read from how the article refers to them: "Chidi Okonkwo said his members
// would strike", "Amina Yusuf, who chairs the board, said she…". A name that is not on an English list of
// given names tells nothing by itself; the pronoun that follows the name in its own clause does.
import type { Mention } from "./people.ts";

// "X said his members…", "X, the union leader, told reporters she would…", "X admitted that he…": the pronoun
// that opens the clause a person's own verb of speech reports. Only there is it sure to be theirs: after a name
// used as an object ("he tipped Swank to win, he predicted") a pronoun is someone else's.
const REPORTED =
  /^(?:,[^,.;:"“”]{1,80},)?\s+(?:\p{Ll}+\s+){0,2}?(?:said|says|told|tells|added|insisted|admitted|argued|warned|claimed|explained|stressed|confirmed|denied|revealed|announced|believes|believed|thinks|thought)\s+(?:\p{Ll}+\s+){0,2}?(?:that\s+)?(he|his|she|her)\b/u;

/** "m" or "f" when what follows a name is its verb of speech reporting "he…" or "she…" ("Putin said he would…"). */
export function reportedPronoun(after: string): "m" | "f" | null {
  const found = REPORTED.exec(after);
  return found ? (found[1] === "he" || found[1] === "his" ? "m" : "f") : null;
}

/** Votes, per name, from the pronoun that opens what each person's verb of speech reports. */
export function genderByPronoun(mentions: readonly Mention[], paragraphs: readonly string[]): Map<string, "m" | "f"> {
  const votes = new Map<string, { m: number; f: number }>();
  for (const m of mentions) {
    if (m.kind !== "person") continue;
    const found = REPORTED.exec(paragraphs[m.paragraph - 1].slice(m.end, m.end + 160));
    if (!found) continue;
    const v = votes.get(m.name) ?? { m: 0, f: 0 };
    if (found[1] === "he" || found[1] === "his") v.m++;
    else v.f++;
    votes.set(m.name, v);
  }
  const out = new Map<string, "m" | "f">();
  // One way only: a name read both ways (two people behind one surname) decides nothing.
  for (const [name, v] of votes) if (v.m === 0 || v.f === 0) out.set(name, v.m > 0 ? "m" : "f");
  return out;
}

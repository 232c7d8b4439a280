// Stage 4 of attribution: whether the one a phrase resolved to can have said the words. A speaker is a person or
// an organisation of the article (a place, a product, a nationality never is — the name index leaves those out),
// or a body a spokesperson is named for ("a BBC spokesman"). Someone found by a pronoun, a description or a
// continued turn who is named inside the quotation itself is most likely its subject, not its speaker: then the
// quotation gets no speaker rather than a wrong one.
import { ORG_WORDS, PLACE_WORDS } from "./names.ts";
import type { PeopleIndex } from "./people.ts";
import type { Phrase } from "./speaker-phrase.ts";

export function canSpeak(speaker: string, phrase: Phrase | null, mentioned: readonly string[], people: PeopleIndex): boolean {
  const kind = people.kind(speaker);
  if (kind === null && (!/^\p{Lu}/u.test(speaker) || PLACE_WORDS.has(speaker.toLowerCase()) || /^\p{Lu}\p{Ll}+(?:ish|ese|ian|i)$/u.test(speaker))) return false;
  // (The spokesperson of a body named with them — "a BaFin spokeswoman", "a spokesman for the DCA" — names the body
  // in the third person as a matter of course: "BaFin has passed the case to the prosecutor".)
  const bodyBySpokesperson = phrase?.kind === "spokesperson" && phrase.of !== null && /^\p{Lu}/u.test(phrase.of) && kind === "organisation";
  if (phrase?.kind !== "name" && !bodyBySpokesperson && mentioned.includes(speaker)) return false;
  // "the Conservatives and Liberal Democrats": two bodies are no one "it" or "the party" can mean (the "Finance and
  // Economy Ministry" is one body: neither half is named alone).
  const pair = / and | & /.exec(speaker);
  if (
    phrase?.kind !== "name" &&
    pair &&
    (people.kind(speaker.slice(0, pair.index)) !== null || ORG_WORDS.has(speaker.slice(0, pair.index).split(" ").pop()!.toLowerCase()))
  )
    return false;
  return true;
}

// Descriptions in the narration that stand for someone the article names: "the cardinal", "The Tory leader",
// "the first minister". Read as mentions of that person, so a pronoun after "The cardinal will ask…" points to
// the cardinal. Only a description the article gave one person counts; two party leaders make "the party leader"
// nobody's mention.
import { ROLE_WORDS } from "./names.ts";
import type { Mention, PeopleIndex } from "./people.ts";
import { PERSON } from "./speaker-nouns.ts";

const THE = /\b[Tt]he\s+((?:[\p{L}'’-]+\s+){0,3}?[\p{L}-]+)(?=[\s,.;:!?]|$)/gu;

export function describedMentions(paragraphs: readonly string[], people: PeopleIndex): Mention[] {
  const holders = roleHolders(people);
  if (holders.size === 0) return [];
  const out: Mention[] = [];
  paragraphs.forEach((p, i) => {
    THE.lastIndex = 0;
    for (let m = THE.exec(p); m; m = THE.exec(p)) {
      const words = m[1].split(/\s+/);
      const head = words[words.length - 1].toLowerCase();
      if (!ROLE_WORDS.has(head) && !PERSON.has(head)) continue;
      // "the producer Quincy Jones": the name that follows is the mention already.
      if (/^\s+\p{Lu}\p{Ll}/u.test(p.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
      const name = people.resolve(m[1]) ?? holders.get(head) ?? null;
      if (name) out.push({ paragraph: i + 1, start: m.index, end: m.index + m[0].length, name });
    }
  });
  return out;
}

/** Role word → the one person holding a role with that word; words two people share are left out. */
function roleHolders(people: PeopleIndex): Map<string, string> {
  const holder = new Map<string, string | null>();
  for (const p of people.people) {
    if (p.kind !== "person") continue;
    for (const role of p.roles) {
      for (const w of role.toLowerCase().split(/\s+/)) {
        if (!ROLE_WORDS.has(w) && !PERSON.has(w)) continue;
        holder.set(w, holder.has(w) && holder.get(w) !== p.name ? null : p.name);
      }
    }
  }
  return new Map([...holder].filter((e): e is [string, string] => e[1] !== null));
}

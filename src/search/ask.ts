// "<person> on <topic>" (or "about"): where a question names a person and then a topic. The split is at the
// first "on"/"about" whose left side names someone the archive knows, so a name with "on" in it, or a topic
// query with no person in it ("cuts on benefits"), is read as it was meant.
import type { Lookup } from "./lookup.ts";
import type { NameMatch } from "./names.ts";

export interface PersonOnTopic {
  person: NameMatch;
  /** The person as typed. */
  named: string;
  /** The topic as typed; "" when nothing follows "on". */
  topic: string;
}

const JOINER = /\s+(?:on|about)(?:\s+|$)/gi;

export async function personOnTopic(lookup: Lookup, text: string): Promise<PersonOnTopic | null> {
  for (const m of text.matchAll(JOINER)) {
    const named = text.slice(0, m.index).trim();
    if (named === "") continue;
    const person = await lookup.matchPeople(named);
    if (person) return { person, named, topic: text.slice(m.index + m[0].length).trim() };
  }
  return null;
}

// The benchmark's queries, built from what the generated archive holds (its manifest): a surname, a surname
// with a typo, an acronym, a topic phrase, a full name, an autocomplete prefix, and (issue 15) a person on a
// topic (`/quote <person> on <topic>`) and a person's timeline. Deterministic for a seed; the list is
// interleaved so that any prefix of it (the sampled baseline) has every kind.
import { rng, type Manifest } from "./generate.ts";

export interface BenchQuery {
  /** The command measured: "quote-on" is `/quote <person> on <topic>`, reported apart from `/quote`. */
  command: "quote" | "figure" | "search" | "who" | "autocomplete" | "quote-on" | "timeline";
  kind: "surname" | "typo" | "acronym" | "topic" | "fullname" | "prefix" | "said";
  query: string;
}

/** A person of the archive with words of their own quotes: a topic they did speak on ("said" queries). */
export interface Spoken {
  name: string;
  words: string[];
}

/** One edit: swap two neighbours, drop a letter, or change one (never the first letter). */
export function typo(word: string, random: () => number): string {
  const w = word.toLowerCase();
  const i = 1 + Math.floor(random() * (w.length - 2));
  const r = random();
  if (r < 0.4) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  if (r < 0.7) return w.slice(0, i) + w.slice(i + 1);
  const letters = "aeiourstnl";
  let c = letters[Math.floor(random() * letters.length)];
  if (c === w[i]) c = c === "a" ? "e" : "a";
  return w.slice(0, i) + c + w.slice(i + 1);
}

/**
 * `spoken` (read from the archive by the worker, before any timing) gives person-on-topic queries that find
 * something: a person and a word of their own quotes. Without it those queries pair people and topics at random.
 */
export function buildQueries(m: Manifest, perKind = 40, seed = 7, spoken: Spoken[] = []): BenchQuery[] {
  const random = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  // People as a newsroom asks for them: half among the most written-about 200, half from anyone in the archive.
  const person = () => (random() < 0.5 ? pick(m.people.slice(0, 200)) : pick(m.people)).name;
  const surname = () => person().split(" ").at(-1)!;
  const longSurname = () => {
    for (let i = 0; i < 50; i++) {
      const s = surname();
      if (s.length >= 5) return s;
    }
    return surname();
  };
  const acronyms = m.acronyms.slice(0, 30);
  const lastWord = (name: string) => name.split(" ").at(-1)!;
  const said = (query: (speaker: string, word: string) => string) => {
    if (spoken.length === 0) return query(person(), pick(m.topics));
    const s = pick(spoken);
    return query(s.name, pick(s.words));
  };
  const make: Record<BenchQuery["command"], [BenchQuery["kind"], () => string][]> = {
    quote: [
      ["surname", () => surname().toLowerCase()],
      ["typo", () => typo(longSurname(), random)],
      ["acronym", () => pick(acronyms)],
      ["topic", () => pick(m.topics)],
    ],
    figure: [
      ["topic", () => pick(m.topics)],
      ["acronym", () => pick(acronyms)],
      ["surname", () => surname().toLowerCase()],
      ["typo", () => typo(pick(m.topics).split(" ")[0].padEnd(5, "s"), random)],
    ],
    search: [
      ["topic", () => pick(m.topics)],
      ["acronym", () => pick(acronyms)],
      ["surname", () => surname().toLowerCase()],
      ["typo", () => typo(longSurname(), random)],
    ],
    who: [
      ["surname", () => surname().toLowerCase()],
      ["typo", () => typo(longSurname(), random)],
      ["acronym", () => pick(acronyms)],
      ["fullname", () => person()],
    ],
    autocomplete: [
      [
        "prefix",
        () =>
          surname()
            .slice(0, 2 + Math.floor(random() * 4))
            .toLowerCase(),
      ],
      [
        "prefix",
        () =>
          person()
            .slice(0, 3 + Math.floor(random() * 5))
            .toLowerCase(),
      ],
    ],
    // Last, so the queries of the commands above are the same as before they were added (one random stream).
    // "topic" and "acronym": someone and a topic of the archive at random (mostly "said nothing on it", then
    // the quotes on it that mention them); "said", "fullname", "typo": someone and a word of their own quotes.
    "quote-on": [
      ["topic", () => `${surname().toLowerCase()} on ${pick(m.topics)}`],
      ["acronym", () => `${surname().toLowerCase()} on ${pick(acronyms)}`],
      ["said", () => said((s, w) => `${lastWord(s).toLowerCase()} on ${w}`)],
      ["fullname", () => said((s, w) => `${s} about ${w}`)],
      ["typo", () => said((s, w) => `${typo(lastWord(s).padEnd(5, "s"), random)} on ${w}`)],
    ],
    timeline: [
      ["surname", () => surname().toLowerCase()],
      ["fullname", () => person()],
      ["typo", () => typo(longSurname(), random)],
      ["said", () => said((s, w) => `${lastWord(s).toLowerCase()} on ${w}`)],
    ],
  };
  const lists: BenchQuery[][] = [];
  for (const [command, kinds] of Object.entries(make) as [BenchQuery["command"], [BenchQuery["kind"], () => string][]][]) {
    const total = command === "autocomplete" ? perKind * 4 : perKind * kinds.length;
    const list: BenchQuery[] = [];
    for (let i = 0; i < total; i++) {
      const [kind, gen] = kinds[i % kinds.length];
      list.push({ command, kind, query: gen() });
    }
    lists.push(list);
  }
  // Interleave the commands.
  const out: BenchQuery[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

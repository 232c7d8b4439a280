// The real news text the benchmark's articles are made from: the sample articles in data/articles and the
// BBC corpus in ../shared/corpus/bbc (read in place, never copied into the repository), each paragraph
// compiled once into literal text and slots for names and numbers, and the pools of given names, surnames,
// acronyms and topics harvested from them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface SourceArticle {
  section: string;
  title: string;
  paragraphs: Part[][];
}

/** A paragraph compiled once: literal text, a surname slot, a given-name slot (before a surname), a number. */
export type Part = string | { s: string } | { g: string } | { n: string };

export interface Pools {
  given: string[];
  surnames: string[];
  acronyms: string[];
  topics: string[];
}

const TITLES = new Set("Mr Mrs Ms Miss Dr Sir Lord Lady Prof Professor".split(" "));
// Capitalised words that start sentences or name institutions, not people.
const NOT_GIVEN = new Set(
  (
    "The A An In On At But And Or If As It Its He She They We I You His Her Their Our This That These Those There Then When While " +
    "After Before Since For From With Without By Of To Last Next New Old North South East West Great United Prime Chief " +
    "Home Foreign Labour Tory Tories Conservative Liberal Democrat Democrats Green Chancellor Minister Secretary President " +
    "Mr Mrs Ms Dr Sir Lord Lady British English Scottish Welsh Irish European American Chinese Japanese French German " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August " +
    "September October November December Real Manchester Arsenal Chelsea Leeds Newcastle Liverpool Everton Aston Premier " +
    "Royal National International General Federal Central Court High Supreme Bank Street Wall Downing Parliament House " +
    "Commons Lords BBC Radio Today Channel Sky Top Best Most Some Many Several Both All Former Deputy Shadow Mayor"
  ).split(" "),
);
const FALLBACK_GIVEN = [
  "James",
  "Sarah",
  "David",
  "Emma",
  "John",
  "Claire",
  "Peter",
  "Helen",
  "Mark",
  "Rachel",
  "Paul",
  "Anna",
  "Ian",
  "Fiona",
  "Tom",
  "Nicola",
];
const FALLBACK_SURNAMES = [
  "Osborne",
  "Sturgeon",
  "Hewitt",
  "Brown",
  "Clarke",
  "Patel",
  "Khan",
  "Evans",
  "Walsh",
  "Reid",
  "Hughes",
  "Murphy",
  "Okafor",
  "Nowak",
  "Fraser",
  "Lloyd",
];

/**
 * Where the real text is: the project's sample articles and, when present, the shared BBC corpus — beside
 * the checkout (../shared) or beside the folder of worktrees (../../shared): without it the archive would be
 * made of the few sample articles alone.
 */
export function defaultSources(root = process.cwd()): string[] {
  const bbc = ["../shared/corpus/bbc", "../../shared/corpus/bbc"].map((d) => resolve(root, d)).find((d) => existsSync(d));
  return [join(root, "data/articles"), ...(bbc ? [bbc] : [])].filter((d) => existsSync(d));
}

function listTxt(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...listTxt(full));
    else if (/\.txt$/i.test(e.name) && !/^README/i.test(e.name)) out.push(full);
  }
  return out.sort();
}

/** Reads the real articles (headline on the first line, then the body) and harvests the name pools. */
const loaded = new Map<string, { sources: SourceArticle[]; pools: Pools }>();

export function loadSources(dirs: string[], maxFiles = Infinity): { sources: SourceArticle[]; pools: Pools } {
  const key = `${dirs.join("\n")}\n${maxFiles}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const result = readSources(dirs, maxFiles);
  loaded.set(key, result);
  return result;
}

function readSources(dirs: string[], maxFiles: number): { sources: SourceArticle[]; pools: Pools } {
  const raw: { section: string; title: string; paragraphs: string[] }[] = [];
  for (const dir of dirs) {
    for (const file of listTxt(dir).slice(0, maxFiles)) {
      const text = readFileSync(file, "utf8").replace(/\r\n?/g, "\n").trim();
      const [first, ...rest] = text.split("\n");
      const paragraphs = rest
        .join("\n")
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, " ").trim())
        .filter((p) => p.length > 20);
      if (paragraphs.length === 0) continue;
      const section = file.slice(dir.length + 1).includes("/") ? file.slice(dir.length + 1).split("/")[0] : "general";
      raw.push({ section, title: first.trim(), paragraphs });
    }
  }
  // Surnames: what follows a title ("Ms Hewitt"); given names: what precedes a known surname ("Patricia Hewitt").
  const surnameCount = new Map<string, number>();
  const all = raw.flatMap((a) => a.paragraphs).join("\n");
  for (const m of all.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Dr|Sir)\.? ([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b/g)) {
    if (!NOT_GIVEN.has(m[1])) surnameCount.set(m[1], (surnameCount.get(m[1]) ?? 0) + 1);
  }
  // Words also written in lower case ("super", "councillor") are not given names.
  const lower = new Set(all.match(/\b[a-z]{3,}\b/g) ?? []);
  const pairs = [...all.matchAll(/\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\b/g)].map((m) => [m[1], m[2]] as const);
  const givenCount = new Map<string, number>();
  const ok = (g: string) => !NOT_GIVEN.has(g) && !lower.has(g.toLowerCase());
  for (const [g, s] of pairs) if (surnameCount.has(s) && ok(g) && !surnameCount.has(g)) givenCount.set(g, (givenCount.get(g) ?? 0) + 1);
  for (const [g, n] of givenCount) if (n < 2) givenCount.delete(g);
  // Then the surnames that follow a known given name ("Andy Roddick"): sport and tech rarely write "Mr".
  for (const [g, s] of pairs) {
    if (givenCount.has(g) && ok(s) && !givenCount.has(s)) surnameCount.set(s, (surnameCount.get(s) ?? 0) + 1);
  }
  const acronymCount = new Map<string, number>();
  for (const m of all.matchAll(/\b[A-Z]{2,5}\b/g)) acronymCount.set(m[0], (acronymCount.get(m[0]) ?? 0) + 1);
  const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const surnames = byCount(surnameCount);
  const given = byCount(givenCount);
  const pools: Pools = {
    given: given.length >= 8 ? given : [...new Set([...given, ...FALLBACK_GIVEN])],
    surnames: surnames.length >= 8 ? surnames : [...new Set([...surnames, ...FALLBACK_SURNAMES])],
    acronyms: byCount(acronymCount)
      .filter((a) => !["I", "II", "TV", "OK"].includes(a))
      .slice(0, 60),
    topics: topicsFrom(raw.map((a) => a.title)),
  };
  const surnameSet = new Set(pools.surnames);
  const givenSet = new Set(pools.given);
  const sources = raw.map((a) => ({ section: a.section, title: a.title, paragraphs: a.paragraphs.map((p) => compile(p, surnameSet, givenSet)) }));
  return { sources, pools };
}

/** Two-word topic phrases from real headlines ("maternity pay", "house prices"). */
function topicsFrom(titles: string[]): string[] {
  const stop = new Set("a an the of and or to in on at for by with from as is are was be it its over after new up out says say set back".split(" "));
  const count = new Map<string, number>();
  for (const t of titles) {
    const ws = t
      .toLowerCase()
      .replace(/[^a-z\s]/g, " ")
      .split(/\s+/)
      .filter((w) => w.length > 2 && !stop.has(w));
    for (let i = 0; i + 1 < ws.length; i++) {
      const k = `${ws[i]} ${ws[i + 1]}`;
      count.set(k, (count.get(k) ?? 0) + 1);
    }
  }
  const top = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  return top.slice(0, 200);
}

const TOKEN = /\b(?:Mr|Mrs|Ms|Miss|Dr|Sir)\.? [A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b|\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)?\b|\d[\d,]*(?:\.\d+)?/g;

function compile(p: string, surnames: Set<string>, given: Set<string>): Part[] {
  const parts: Part[] = [];
  let last = 0;
  const lit = (s: string) => {
    if (!s) return;
    if (typeof parts.at(-1) === "string") parts[parts.length - 1] = (parts.at(-1) as string) + s;
    else parts.push(s);
  };
  for (const m of p.matchAll(TOKEN)) {
    const text = m[0];
    lit(p.slice(last, m.index));
    last = m.index + text.length;
    if (/^\d/.test(text)) {
      parts.push({ n: text });
      continue;
    }
    const [a, b] = text.split(" ");
    if (b === undefined) {
      // A surname alone ("Federer", "Hewitt") after the person was introduced.
      if (surnames.has(a)) parts.push({ s: a });
      else lit(a);
    } else if (TITLES.has(a.replace(/\.$/, "")) && surnames.has(b)) {
      lit(a + " ");
      parts.push({ s: b });
    } else if (given.has(a) && surnames.has(b)) {
      parts.push({ g: b }, " ", { s: b });
    } else if (surnames.has(b) && !surnames.has(a)) {
      lit(a + " ");
      parts.push({ s: b });
    } else if (surnames.has(a) && !surnames.has(b)) {
      parts.push({ s: a });
      lit(" " + b);
    } else lit(text);
  }
  lit(p.slice(last));
  return parts;
}

// Builds benchmark archives of N articles from real news text: the sample articles in data/articles and the
// BBC corpus in ../shared/corpus/bbc (read in place, never copied into the repository). Each generated
// article recombines paragraphs of real articles of one section, gives the people in them new names drawn
// (Zipf-like, so some recur and most are rare) from given names × surnames harvested from the corpus itself,
// and moves every number, so names, quotes and figures are many and distinct.
// Output: .jsonl files of 1,000 articles each (the archive reader reads .jsonl), plus manifest.json with the
// people used (for building queries).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface SourceArticle {
  section: string;
  title: string;
  paragraphs: Part[][];
}

/** A paragraph compiled once: literal text, a surname slot, a given-name slot (before a surname), a number. */
type Part = string | { s: string } | { g: string } | { n: string };

export interface Pools {
  given: string[];
  surnames: string[];
  acronyms: string[];
  topics: string[];
}

export interface Manifest {
  articles: number;
  files: number;
  seed: number;
  /** People who appear in the generated articles, with the number of articles each appears in. */
  people: { name: string; articles: number }[];
  acronyms: string[];
  topics: string[];
  sources: number;
}

const ARTICLES_PER_FILE = 1000;
const TITLES = new Set("Mr Mrs Ms Miss Dr Sir Lord Lady Prof Professor".split(" "));
// Capitalised words that start sentences or name institutions, not people.
const NOT_GIVEN = new Set(
  ("The A An In On At But And Or If As It Its He She They We I You His Her Their Our This That These Those There Then When While " +
    "After Before Since For From With Without By Of To Last Next New Old North South East West Great United Prime Chief " +
    "Home Foreign Labour Tory Tories Conservative Liberal Democrat Democrats Green Chancellor Minister Secretary President " +
    "Mr Mrs Ms Dr Sir Lord Lady British English Scottish Welsh Irish European American Chinese Japanese French German " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August " +
    "September October November December Real Manchester Arsenal Chelsea Leeds Newcastle Liverpool Everton Aston Premier " +
    "Royal National International General Federal Central Court High Supreme Bank Street Wall Downing Parliament House " +
    "Commons Lords BBC Radio Today Channel Sky Top Best Most Some Many Several Both All Former Deputy Shadow Mayor").split(" "),
);
const FALLBACK_GIVEN = ["James", "Sarah", "David", "Emma", "John", "Claire", "Peter", "Helen", "Mark", "Rachel", "Paul", "Anna", "Ian", "Fiona", "Tom", "Nicola"];
const FALLBACK_SURNAMES = ["Osborne", "Sturgeon", "Hewitt", "Brown", "Clarke", "Patel", "Khan", "Evans", "Walsh", "Reid", "Hughes", "Murphy", "Okafor", "Nowak", "Fraser", "Lloyd"];

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index in [0, n) with P(i) ∝ 1/(i+1)^s, by inverting the continuous approximation (fast, no table). */
function zipf(random: () => number, n: number, s = 1.05): number {
  const u = random();
  if (s === 1) return Math.min(n - 1, Math.floor(Math.exp(u * Math.log(n + 1))) - 1);
  const a = 1 - s;
  const x = Math.pow(u * (Math.pow(n + 1, a) - 1) + 1, 1 / a) - 1;
  return Math.min(n - 1, Math.max(0, Math.floor(x)));
}

/** Where the real text is: the project's sample articles and, when present, the shared BBC corpus. */
export function defaultSources(root = process.cwd()): string[] {
  return [join(root, "data/articles"), resolve(root, "../shared/corpus/bbc")].filter((d) => existsSync(d));
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
      const paragraphs = rest.join("\n").split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter((p) => p.length > 20);
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
    acronyms: byCount(acronymCount).filter((a) => !["I", "II", "TV", "OK"].includes(a)).slice(0, 60),
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
    const ws = t.toLowerCase().replace(/[^a-z\s]/g, " ").split(/\s+/).filter((w) => w.length > 2 && !stop.has(w));
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
    last = m.index! + text.length;
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

/** A number moved: years by a few years, other values scaled by 0.3–3×, keeping their format. */
function moveNumber(raw: string, random: () => number): string {
  if (/^(19|20)\d\d$/.test(raw)) return String(Number(raw) + Math.floor(random() * 7) - 3);
  const commas = raw.includes(",");
  const decimals = raw.includes(".") ? raw.split(".")[1].length : 0;
  const value = Number(raw.replace(/,/g, ""));
  if (!Number.isFinite(value)) return raw;
  let moved = value * (0.3 + random() * 2.7);
  if (value >= 1 && decimals === 0) moved = Math.max(1, Math.round(moved));
  const s = moved.toFixed(decimals);
  if (!commas) return s;
  const [int, frac] = s.split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? "." + frac : "");
}

export interface GeneratedArticle {
  title: string;
  date: string;
  section: string;
  outlet: string;
  byline: string;
  url: string;
  body: string[];
}

/** An article generator over the sources, deterministic for a seed. */
export function articleFactory(sources: SourceArticle[], pools: Pools, totalArticles: number, seed = 1) {
  const random = rng(seed);
  const bySection = new Map<string, SourceArticle[]>();
  for (const s of sources) bySection.set(s.section, [...(bySection.get(s.section) ?? []), s]);
  // The newsroom's cast grows with the archive: about one distinct person per 4 articles, at least 2,000.
  const castSize = Math.min(pools.given.length * pools.surnames.length, Math.max(2000, Math.floor(totalArticles / 4)));
  const cast = new Map<number, [string, string]>();
  const person = (i: number): [string, string] => {
    let p = cast.get(i);
    if (!p) {
      // A fixed scatter of cast index over given × surname, so the i-th person is the same in every run.
      const h = Math.imul(i + 1, 2654435761) >>> 0;
      p = [pools.given[h % pools.given.length], pools.surnames[(h >>> 7) % pools.surnames.length]];
      // Distinct surname combinations: the cast member keeps a surname that collides rarely.
      if (i < pools.surnames.length) p = [p[0], pools.surnames[i]];
      cast.set(i, p);
    }
    return p;
  };
  const used = new Map<string, number>();
  let n = 0;

  return {
    used,
    next(): GeneratedArticle {
      const base = sources[Math.floor(random() * sources.length)];
      const sameSection = bySection.get(base.section)!;
      // Keep the lead paragraphs of the base article, then recombine the rest with paragraphs of others in its section.
      const lead = Math.min(base.paragraphs.length, 1 + Math.floor(random() * 3));
      const paras = base.paragraphs.slice(0, lead);
      const want = Math.max(3, Math.min(14, base.paragraphs.length + Math.floor(random() * 5) - 2));
      while (paras.length < want) {
        const other = random() < 0.5 ? base : sameSection[Math.floor(random() * sameSection.length)];
        paras.push(other.paragraphs[Math.floor(random() * other.paragraphs.length)]);
      }
      const map = new Map<string, [string, string]>();
      const who = (surname: string) => {
        let p = map.get(surname);
        if (!p) {
          // Half the mentions follow a Zipf law (the prime minister is everywhere), half are spread over the cast.
          p = person(random() < 0.5 ? zipf(random, castSize) : Math.floor(random() * castSize));
          map.set(surname, p);
        }
        return p;
      };
      const body = paras.map((parts) => {
        let out = "";
        for (const part of parts) {
          if (typeof part === "string") out += part;
          else if ("s" in part) out += who(part.s)[1];
          else if ("g" in part) out += who(part.g)[0];
          else out += moveNumber(part.n, random);
        }
        return out;
      });
      for (const [, p] of map) {
        const name = `${p[0]} ${p[1]}`;
        used.set(name, (used.get(name) ?? 0) + 1);
      }
      const title = base.title.replace(/\d[\d,]*(?:\.\d+)?/g, (d) => moveNumber(d, random));
      const day = new Date(Date.UTC(2004, 0, 1) + Math.floor(random() * 20 * 365) * 86400000).toISOString().slice(0, 10);
      n++;
      return {
        title, date: day, section: base.section, outlet: "Bench News", byline: "Bench Desk",
        url: `https://news.example/${base.section}/${n}`, body,
      };
    },
  };
}

/** Writes `count` articles into `dir` as .jsonl files of 1,000; returns the manifest (also written as manifest.json). */
export function generateArchive(dir: string, count: number, options: { seed?: number; sources?: string[]; maxSourceFiles?: number } = {}): Manifest {
  const seed = options.seed ?? 1;
  const { sources, pools } = loadSources(options.sources ?? defaultSources(), options.maxSourceFiles);
  if (sources.length === 0) throw new Error("no source articles found (data/articles or ../shared/corpus/bbc)");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "articles"), { recursive: true });
  const factory = articleFactory(sources, pools, count, seed);
  let files = 0;
  for (let start = 0; start < count; start += ARTICLES_PER_FILE) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(count, start + ARTICLES_PER_FILE); i++) lines.push(JSON.stringify(factory.next()));
    // Nested folders of 100 files keep directory listings short at 1M.
    const sub = join(dir, "articles", String(Math.floor(files / 100)).padStart(3, "0"));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `part-${String(files).padStart(5, "0")}.jsonl`), lines.join("\n") + "\n");
    files++;
  }
  const manifest: Manifest = {
    articles: count, files, seed, sources: sources.length,
    people: [...factory.used].sort((a, b) => b[1] - a[1]).map(([name, articles]) => ({ name, articles })),
    acronyms: pools.acronyms, topics: pools.topics,
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  return manifest;
}

/** The manifest of an archive already generated with these settings, or null. */
export function existingArchive(dir: string, count: number, seed = 1): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
    return m.articles === count && m.seed === seed && statSync(join(dir, "articles")).isDirectory() ? m : null;
  } catch {
    return null;
  }
}

// `node bin/run-ts.js bench/generate.ts N DIR`
if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const n = Number(process.argv[2] ?? 1000);
  const dir = resolve(process.argv[3] ?? `bench/out/${n}`);
  const t = performance.now();
  const m = generateArchive(dir, n);
  console.log(`${n} articles in ${m.files} files, ${m.people.length} people, from ${m.sources} sources: ${((performance.now() - t) / 1000).toFixed(1)} s → ${dir}`);
}

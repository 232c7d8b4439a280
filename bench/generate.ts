// Builds benchmark archives of N articles from real news text: the sample articles in data/articles and the
// BBC corpus in ../shared/corpus/bbc (read in place, never copied into the repository). Each generated
// article recombines paragraphs of real articles of one section, gives the people in them new names drawn
// (Zipf-like, so some recur and most are rare) from given names × surnames harvested from the corpus itself,
// and moves every number, so names, quotes and figures are many and distinct.
// Output: .jsonl files of 1,000 articles each (the archive reader reads .jsonl), or one .json file per
// article as a newsroom's folder is (`perFile: 1`), plus manifest.json with the people used (for queries).
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultSources, loadSources, type Pools, type SourceArticle } from "./sources.ts";

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
        title,
        date: day,
        section: base.section,
        outlet: "Bench News",
        byline: "Bench Desk",
        url: `https://news.example/${base.section}/${n}`,
        body,
      };
    },
  };
}

/** Writes `count` articles into `dir` as .jsonl files of 1,000; returns the manifest (also written as manifest.json). */
export function generateArchive(
  dir: string,
  count: number,
  options: { seed?: number; sources?: string[]; maxSourceFiles?: number; perFile?: number } = {},
): Manifest {
  const perFile = options.perFile ?? ARTICLES_PER_FILE;
  const seed = options.seed ?? 1;
  const { sources, pools } = loadSources(options.sources ?? defaultSources(), options.maxSourceFiles);
  if (sources.length === 0) throw new Error("no source articles found (data/articles or ../shared/corpus/bbc)");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "articles"), { recursive: true });
  const factory = articleFactory(sources, pools, count, seed);
  let files = 0;
  for (let start = 0; start < count; start += perFile) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(count, start + perFile); i++) lines.push(JSON.stringify(factory.next()));
    // Nested folders of 100 files keep directory listings short at 1M.
    const sub = join(dir, "articles", String(Math.floor(files / 100)).padStart(perFile === 1 ? 4 : 3, "0"));
    if (files % 100 === 0) mkdirSync(sub, { recursive: true });
    if (perFile === 1) writeFileSync(join(sub, `article-${String(files).padStart(7, "0")}.json`), lines[0]);
    else writeFileSync(join(sub, `part-${String(files).padStart(5, "0")}.jsonl`), lines.join("\n") + "\n");
    files++;
  }
  const manifest: Manifest = {
    articles: count,
    files,
    seed,
    sources: sources.length,
    people: [...factory.used].sort((a, b) => b[1] - a[1]).map(([name, articles]) => ({ name, articles })),
    acronyms: pools.acronyms,
    topics: pools.topics,
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  return manifest;
}

/** `count` new articles over the same sources (another seed): files arriving in the watched folder of a live newsroom. */
export function freshArticles(count: number, seed: number, sources = defaultSources()): GeneratedArticle[] {
  const { sources: s, pools } = loadSources(sources);
  const factory = articleFactory(s, pools, count, seed);
  return Array.from({ length: count }, () => factory.next());
}

/** The manifest of an archive already generated with these settings, or null. */
export function existingArchive(dir: string, count: number, perFile = ARTICLES_PER_FILE, seed = 1): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
    return m.articles === count && m.seed === seed && m.files === Math.ceil(count / perFile) && statSync(join(dir, "articles")).isDirectory() ? m : null;
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
  console.log(
    `${n} articles in ${m.files} files, ${m.people.length} people, from ${m.sources} sources: ${((performance.now() - t) / 1000).toFixed(1)} s → ${dir}`,
  );
}

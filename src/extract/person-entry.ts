// A person or organisation while people.ts assembles it, and how the forms of a name are compared: the form a
// reader writes, a shorter form of the same name ("Duncan Smith", "Dave Collins"), the key an alias is looked up by.
import type { Person } from "./types.ts";

/** A person or organisation being assembled; the lower-case tokens and the name are read many times, so kept. */
export interface Entry {
  tokens: string[];
  lower: string[];
  name: string;
  nameLower: string;
  kind: Person["kind"];
  gender: "m" | "f" | null;
  roles: Set<string>;
  aliases: Set<string>;
  mentions: number;
}

export function entry(tokens: string[], kind: Person["kind"]): Entry {
  const name = canonical(tokens);
  return {
    tokens,
    lower: tokens.map((t) => t.toLowerCase()),
    name,
    nameLower: name.toLowerCase(),
    kind,
    gender: null,
    roles: new Set(),
    aliases: new Set(),
    mentions: 0,
  };
}

/** "Dave Collins" and "David Collins": the same surname and a forename that shortens the other. */
export function sameButShortened(a: string[], b: string[]): boolean {
  // "Partap Singh Bajwa" and "Partap Bajwa": the same first and last names, a middle name left out.
  if (a.length === 3 && b.length === 2 && a[0].toLowerCase() === b[0].toLowerCase() && a[2].toLowerCase() === b[1].toLowerCase()) return true;
  if (a.length !== 2 || b.length !== 2 || a[1].toLowerCase() !== b[1].toLowerCase()) return false;
  const [x, y] = [a[0].toLowerCase(), b[0].toLowerCase()];
  return x !== y && x.length >= 3 && y.length >= 3 && x.slice(0, 3) === y.slice(0, 3) && Math.min(x.length, y.length) <= 4;
}

export function endsWith(whole: string[], part: string[]): boolean {
  if (part.length > whole.length) return false;
  return part.every((t, i) => whole[whole.length - part.length + i] === t);
}

/** The name as a reader writes it: an all-capitals opening word ("IAIN Duncan Smith") in title case. */
function canonical(tokens: string[]): string {
  const mixed = tokens.some((t) => /\p{Ll}/u.test(t));
  return tokens.map((t) => (mixed && t.length > 3 && /^\p{Lu}+$/u.test(t) ? t[0] + t.slice(1).toLowerCase() : t)).join(" ");
}

export function aliasKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/^(the|a|an|former)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

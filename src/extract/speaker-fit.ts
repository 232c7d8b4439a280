// Whether a name can be whom a pronoun or description means: "he" a man or someone of unknown gender, "it" a body,
// and "he" also the spokesman a body was named with ("A spokesman for the BSA said…", then "he said").
import type { Mention } from "./people.ts";
import type { Context, Want } from "./speaker-entity.ts";

export function fitsWant(ctx: Context, m: Mention, want: Want): boolean {
  const kind = ctx.people.kind(m.name);
  if (want === "org") return kind === "organisation";
  // "A spokesman for the BSA said…": a later "he said" is the spokesman, who speaks for the organisation.
  if (kind === "organisation") return want !== "any" && spokespersonGender(ctx.article.paragraphs[m.paragraph - 1], m) === want;
  if (kind !== "person") return false;
  const g = ctx.people.gender(m.name);
  return want === "any" || g === null || g === want;
}

/** "m" or "f" when the organisation's mention is a spokesman's or spokeswoman's ("a BT spokesman", "a spokeswoman for BT"). */
function spokespersonGender(p: string, m: Mention): "m" | "f" | null {
  const near =
    /\bspokes(man|woman|person)\s+(?:for|from|at)\s+(?:the\s+)?$/i.exec(p.slice(Math.max(0, m.start - 30), m.start))?.[1] ??
    /^['’]?s?\s+spokes(man|woman|person)\b/i.exec(p.slice(m.end, m.end + 20))?.[1];
  if (!near) return null;
  return near.toLowerCase() === "woman" ? "f" : "m";
}

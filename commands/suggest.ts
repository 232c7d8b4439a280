// "Did you mean": the nearest names and words the archive has, as commands ready to type.
import type { CommandContext } from "./command.ts";
import { words } from "../src/extract/text.ts";

export async function nearest(ctx: CommandContext, command: string, query: string, limit = 5): Promise<string[]> {
  const out = ctx.lookup.names.suggest(query, limit).map((id) => `/${command} ${id.name}`);
  if (out.length < limit) {
    for (const w of words(query)) {
      const fixed = await ctx.lookup.closestTerm(w);
      if (fixed && fixed !== w) out.push(`/${command} ${query.replace(new RegExp(w, "i"), fixed)}`);
    }
  }
  return [...new Set(out)].slice(0, limit);
}

/** Autocomplete choices for a partly typed name. */
export function nameChoices(ctx: CommandContext, partial: string): { name: string; value: string }[] {
  return ctx.lookup.names.suggest(partial, 25).map((id) => ({ name: id.name.slice(0, 100), value: id.name.slice(0, 100) }));
}

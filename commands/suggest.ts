// "Did you mean": the nearest names and words the archive has, as commands ready to type.
import type { CommandContext } from "./command.ts";
import { words } from "../src/extract/text.ts";
import type { Identity } from "../src/search/names.ts";
import { isoDay, monthName } from "../src/search/period.ts";
import { topicsOf } from "../src/search/topics.ts";

export async function nearest(ctx: CommandContext, command: string, query: string, limit = 5): Promise<string[]> {
  const out = (await ctx.lookup.names.suggest(query, limit)).map((id) => `/${command} ${id.name}`);
  if (out.length < limit) {
    for (const w of words(query)) {
      const fixed = await ctx.lookup.closestTerm(w);
      if (fixed && fixed !== w) out.push(`/${command} ${query.replace(new RegExp(w, "i"), fixed)}`);
    }
  }
  return [...new Set(out)].slice(0, limit);
}

/** Autocomplete choices for a partly typed name. */
export async function nameChoices(ctx: CommandContext, partial: string): Promise<{ name: string; value: string }[]> {
  return (await ctx.lookup.names.suggest(partial, 25)).map((id) => ({ name: id.name.slice(0, 100), value: id.name.slice(0, 100) }));
}

/**
 * Autocomplete for a person, a person on a topic and a period: names as they are typed; once a name is
 * whole, "<name> on <their topics>" and "<name> since …" as hints; after "on", their topics that start with
 * what is typed; after a period word, periods.
 */
export async function personChoices(ctx: CommandContext, partial: string): Promise<{ name: string; value: string }[]> {
  const choice = (s: string) => ({ name: s.slice(0, 100), value: s.slice(0, 100) });
  const text = partial.replace(/\s+/g, " ").replace(/^\s+/, "");
  const period = /^(.*\S) (since|until|in|last|from)( \S*)?$/i.exec(text);
  if (period) return periodHints(ctx.now(), period[2].toLowerCase(), (period[3] ?? "").trim()).map((p) => choice(`${period[1]} ${p}`));
  const on = /^(.*\S) (on|about) ?(.*)$/i.exec(text);
  if (on) {
    const person = await ctx.lookup.matchPeople(on[1]);
    if (person) {
      const typed = on[3].toLowerCase();
      const topics = await topicsFor(ctx, person.identities[0]);
      const acronyms = ctx.lookup.acronyms.map((a) => a.short);
      return [...new Set([...topics, ...acronyms])]
        .filter((t) => t.toLowerCase().startsWith(typed))
        .slice(0, 25)
        .map((t) => choice(`${on[1]} ${on[2]} ${t}`));
    }
  }
  const names = await nameChoices(ctx, text);
  const exact = await ctx.lookup.matchPeople(text.trim());
  if (!exact?.exact || text.trim().length < 3) return names;
  // A whole name: what can follow it.
  const id = exact.identities[0];
  const hints = [
    ...(await topicsFor(ctx, id)).slice(0, 3).map((t) => `${id.name} on ${t}`),
    `${id.name} since ${periodHints(ctx.now(), "since", "")[0]}`,
    `${id.name} last 30 days`,
  ];
  return [...names.slice(0, 25 - hints.length), ...hints.map(choice)].slice(0, 25);
}

async function topicsFor(ctx: CommandContext, id: Identity): Promise<string[]> {
  return (await topicsOf(ctx.lookup.store, id.members, [id.name, ...id.aliases])).map((t) => t.text);
}

/** Periods to offer after "since", "until", "in", "last" or "from", starting with what is typed. */
function periodHints(now: Date, word: string, typed: string): string[] {
  const year = now.getUTCFullYear();
  const month = monthName(isoDay(new Date(Date.UTC(year, now.getUTCMonth() - 1, 1))).slice(0, 7))
    .split(" ")[0]
    .toLowerCase();
  const first = `${year}-01-01`;
  const options: Record<string, string[]> = {
    since: [month, first, `${year - 1}`, "last month"],
    from: [`${year - 1} to ${year}`, first],
    until: [first, `${year - 1}`],
    in: [`${year}`, `${year - 1}`, `${month} ${year}`],
    last: ["30 days", "7 days", "12 months", "year"],
  };
  const hints = (options[word] ?? []).filter((h) => h.startsWith(typed.toLowerCase()));
  return word === "last" ? hints.map((h) => `last ${h}`) : hints.map((h) => `${word} ${h}`);
}

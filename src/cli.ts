// The `newsbot` command line: start, ask, extract, ingest. Each subcommand parses its own flags and
// returns an exit code; nothing here knows how extraction or search work inside. `extract` is here; the commands
// that open the archive are in cli-bot.ts.
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { shown } from "./archive/listing.ts";
import { readArticleFile } from "./archive/read.ts";
import { extractArticle } from "./extract/index.ts";

const USAGE = `newsbot — quotes, figures and people from the newsroom's articles

  newsbot start                         run the bot (Slack/Discord from the environment, else a terminal chat)
  newsbot ask "/quote osborne" [--json] [--articles DIR]
                                        one command, one answer
  newsbot extract FILE… [--json]        what extraction finds in each article
  newsbot ingest [DIR] [--confirm-removal] [--new-source]
                                        index a folder of articles (only new or changed files are re-read);
                                        confirm removing most of the archive, or make DIR the archive's source
  newsbot digest [--since 24h] [--post] [--json] [--articles DIR]
                                        what came in lately; --post sends it to the digest channels
`;

export async function main(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case "extract":
        return extract(rest);
      case "ask":
      case "ingest":
      case "start":
      case "digest":
        // The commands that open the archive are loaded only when one runs: `extract` starts without the settings,
        // the stores, the chat platforms and the digest (half of its start-up time).
        return await (await import("./cli-bot.ts")).runBotCommand(sub, rest);
    }
  } catch (e) {
    return (await import("./cli-bot.ts")).reportFailure(e);
  }
  switch (sub) {
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`newsbot: unknown command "${sub}"\n\n${USAGE}`);
      return 2;
  }
}

function extract(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" } } });
  if (positionals.length === 0) {
    process.stderr.write("newsbot extract: name one or more article files\n");
    return 2;
  }
  const articles = [];
  let failed = 0;
  for (const file of positionals) {
    const read = readArticleFile(file, basename(file));
    if (!read.ok) {
      process.stderr.write(`skipped ${shown(file)}: ${read.reason}\n`);
      failed++;
      continue;
    }
    for (const problem of read.problems) process.stderr.write(`skipped ${problem}\n`);
    for (const warning of read.warnings) process.stderr.write(`${warning}\n`);
    for (const a of read.articles) articles.push({ file: a.key, path: file, title: a.title, ...extractArticle(a) });
  }
  if (values.json) process.stdout.write(JSON.stringify({ articles }, null, 1) + "\n");
  else for (const a of articles) process.stdout.write(summarise(a));
  return failed > 0 && articles.length === 0 ? 1 : 0;
}

function summarise(a: { file: string; title: string } & ReturnType<typeof extractArticle>): string {
  const lines = [`${a.file} — ${a.title}`];
  for (const q of a.quotes) lines.push(`  quote  ¶${q.paragraph} ${q.speaker ?? "(speaker unsure)"}: “${q.text}”${q.partial ? " (partial)" : ""}`);
  for (const f of a.figures)
    lines.push(`  figure ¶${f.paragraph} ${f.text} = ${f.value} ${f.unit}${f.per ? "/" + f.per : ""} — ${f.measure}${f.source ? ` (${f.source})` : ""}`);
  for (const p of a.people) lines.push(`  ${p.kind === "person" ? "person" : "org   "} ${p.name}${p.aliases.length ? " — also " + p.aliases.join(", ") : ""}`);
  for (const x of a.acronyms) lines.push(`  acronym ${x.short} = ${x.long}`);
  return lines.join("\n") + "\n\n";
}

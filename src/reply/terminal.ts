// Renders a Reply as plain terminal text (with a little colour on a TTY). Article text is shown as it is:
// a terminal does not turn "@everyone" into a ping; control characters are stripped (src/reply/text.ts) so
// an article cannot move the cursor or change colours.
import { Messages } from "./messages.ts";
import type { Block, Reply, SourceRef } from "./model.ts";
import { POINTER_MAX, fitText, formatValue, plainText as clean } from "./text.ts";

export interface TerminalStyle {
  bold(s: string): string;
  dim(s: string): string;
}

export const plain: TerminalStyle = { bold: (s) => s, dim: (s) => s };
export const ansi: TerminalStyle = { bold: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` };

export function renderTerminal(reply: Reply, style: TerminalStyle = plain): string {
  const lines = [style.bold(clean(reply.title)), ""];
  for (const block of reply.blocks) lines.push(...renderBlock(block, style), "");
  if (reply.paging) {
    lines.push(
      style.dim(
        `${Messages.page(reply.paging)} (${Messages.resultCount(reply.paging)})${reply.paging.page < reply.paging.pages ? ` — ${Messages.nextPage}` : ""}`,
      ),
    );
  }
  return (
    lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

function renderBlock(b: Block, s: TerminalStyle): string[] {
  switch (b.kind) {
    case "text":
      return [clean(b.text)];
    case "note":
      return [s.dim(clean(b.text))];
    case "section":
      return b.title ? [s.dim(clean(b.title))] : [];
    case "suggestions":
      return b.commands.map((c) => `  ${clean(c)}`);
    case "quote": {
      const who = b.speaker ?? `(${Messages.speakerUnsure})`;
      const tag = b.match === "mentions" ? " · mentions" : "";
      const out = [`  “${clean(b.text)}”${b.partial ? " (partial quote)" : ""}`, s.dim(`    — ${clean(who)}${tag} · ${source(b.source)}`)];
      if (b.label) out.unshift(s.bold(clean(b.label)));
      if (b.reported) {
        const others = b.reported.others.length ? `; ${Messages.alsoIn} ${b.reported.others.map(source).join("; ")}` : "";
        out.push(s.dim(`    ${Messages.firstReported(b.reported.articles, b.reported.first.date)} ${source(b.reported.first)}${others}`));
      }
      // Pointers to other quotations are cut visibly: the quotation itself is a link away.
      if (b.partOf) out.push(s.dim(`    ${Messages.partOf}: “${fitText(b.partOf.text, POINTER_MAX)}” · ${source(b.partOf.source)}`));
      for (const p of b.parts ?? []) out.push(s.dim(`    ${Messages.quotedInPart}: “${fitText(p.text, POINTER_MAX)}” · ${source(p.source)}`));
      return out;
    }
    case "figure": {
      const head = `  ${s.bold(clean(b.text))}${b.per ? ` a ${clean(b.per)}` : ""}  = ${formatValue(b.value, b.unit)}${b.approx ? ` (${clean(b.approx)})` : ""}`;
      const out = [head, `    ${clean(b.measure)}${b.claimedBy ? ` — according to ${clean(b.claimedBy)}` : ""}`, s.dim(`    “${clean(b.sentence)}”`)];
      const n = b.sources.length;
      out.push(s.dim(`    ${n > 1 ? `in ${n} articles: ` : ""}${b.sources.slice(0, 5).map(source).join("; ")}${n > 5 ? ` and ${n - 5} more` : ""}`));
      if (b.disagree) out.push(`    ${s.bold("≠")} ${clean(Messages.sourcesDisagree(b.disagree))}`);
      return out;
    }
    case "article":
      return [
        `  ${s.bold(clean(b.source.title))}${b.source.date ? ` (${b.source.date})` : ""}`,
        `    ${clean(b.snippet)}`,
        s.dim(`    ${b.source.url ?? b.source.path}`),
      ];
    case "person": {
      const out = [
        `  ${s.bold(clean(b.name))} (${b.type}) — in ${b.articles} article${b.articles === 1 ? "" : "s"}, ${b.quotes} quote${b.quotes === 1 ? "" : "s"}`,
      ];
      if (b.aliases.length) out.push(`    also: ${b.aliases.map(clean).join(", ")}`);
      if (b.roles.length) out.push(`    roles: ${b.roles.map(clean).join(", ")}`);
      return out;
    }
  }
}

function source(r: SourceRef): string {
  return `${r.title}${r.date ? ` (${r.date})` : ""}, ¶${r.paragraph} · ${r.url ?? r.path}`;
}

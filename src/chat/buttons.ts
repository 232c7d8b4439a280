// The query of a button too long to hold it, kept in the archive for a day under the key the button
// carries (src/reply/buttons.ts makes the buttons): any replica reads it back, after a restart too.
import type { ButtonMemory } from "../archive/store.ts";
import type { Reply } from "../reply/model.ts";
import { buttonKey, fitsInline, parseButton, type ButtonState } from "../reply/buttons.ts";

/** How long the buttons of an answer to a long query keep working. */
export const BUTTON_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps `reply`'s query when one of its buttons (of at most `maxLength` characters) cannot hold it: before
 * the answer is sent, so a button is never pressed before its query is kept.
 */
export async function keepQuery(memory: ButtonMemory, reply: Reply, maxLength: number): Promise<void> {
  // The longest button an answer gets: the page after its last.
  const longest: ButtonState = { action: "share", command: reply.command, page: (reply.paging?.pages ?? 1) + 1, query: reply.query };
  if (!fitsInline(longest, maxLength)) await memory.rememberButton(buttonKey(reply.query), reply.query, BUTTON_MEMORY_MS);
}

/** What a pressed button asks for; "expired" when its kept query is gone; null when it is not one of ours. */
export async function readButton(memory: ButtonMemory, value: string | undefined): Promise<ButtonState | "expired" | null> {
  const parsed = parseButton(value);
  if (!parsed) return null;
  if ("query" in parsed) return parsed;
  const query = await memory.recallButton(parsed.key);
  return query === null ? "expired" : { action: parsed.action, command: parsed.command, page: parsed.page, query };
}

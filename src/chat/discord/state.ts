// What a button needs to redo an answer (command, page, query), carried in its custom_id when it fits in
// Discord's 100 characters, else kept in a small bounded map under a short key. A key that has fallen out
// of the map means "this answer has expired, ask again".
import { randomBytes } from "node:crypto";
import { CUSTOM_ID_MAX } from "../../reply/discord.ts";

export type ButtonAction = "page" | "share";

export interface ButtonState {
  action: ButtonAction;
  command: string;
  page: number;
  query: string;
}

/** How many long queries the buttons remember. The oldest is forgotten first. */
export const REMEMBERED_QUERIES = 1000;

const INLINE = { page: "pg", share: "sh" } as const;
const KEYED = { page: "pk", share: "sk" } as const;

export class ButtonStates {
  private readonly queries = new Map<string, string>();
  private readonly byQuery = new Map<string, string>();

  constructor(private readonly capacity = REMEMBERED_QUERIES) {}

  encode(state: ButtonState): string {
    const inline = `${INLINE[state.action]}:${state.command}:${state.page}:${state.query}`;
    if (inline.length <= CUSTOM_ID_MAX) return inline;
    return `${KEYED[state.action]}:${state.command}:${state.page}:${this.remember(state.query)}`;
  }

  /** The state a custom_id stands for; `"expired"` when its query was forgotten; null when it is not ours. */
  decode(customId: string): ButtonState | "expired" | null {
    const m = /^(pg|sh|pk|sk):([a-z][\w-]{0,31}):(\d{1,6}):([\s\S]*)$/.exec(customId);
    if (!m) return null;
    const [, tag, command, page, rest] = m;
    const action: ButtonAction = tag === "pg" || tag === "pk" ? "page" : "share";
    let query = rest;
    if (tag === "pk" || tag === "sk") {
      const q = this.queries.get(rest);
      if (q === undefined) return "expired";
      query = q;
    }
    return { action, command, page: Math.max(1, Number(page)), query };
  }

  private remember(query: string): string {
    const known = this.byQuery.get(query);
    if (known) {
      // Refresh its place as the newest.
      this.queries.delete(known);
      this.queries.set(known, query);
      return known;
    }
    const key = randomBytes(9).toString("base64url");
    this.queries.set(key, query);
    this.byQuery.set(query, key);
    while (this.queries.size > this.capacity) {
      const [oldest, q] = this.queries.entries().next().value as [string, string];
      this.queries.delete(oldest);
      this.byQuery.delete(q);
    }
    return key;
  }
}

// What a button needs to redo an answer — what it does, the command, the page and the query — in one format
// for Slack (a button's value) and Discord (its custom_id): `pg:quote:2:owen smith`. When that does not fit
// the platform's limit, the query is replaced by a short key made from it (`pk:quote:2:Xy…`), and the
// adapter keeps the query in the archive under that key (src/chat/buttons.ts), where every replica finds
// it, after a restart too.
import { createHash } from "node:crypto";

export type ButtonAction = "page" | "share";

export interface ButtonState {
  action: ButtonAction;
  command: string;
  /** The page to show (1-based). */
  page: number;
  query: string;
}

/** A button as read back: its state, or the key its query is kept under. */
export type ParsedButton = { action: ButtonAction; command: string; page: number } & ({ query: string } | { key: string });

const INLINE = { page: "pg", share: "sh" } as const;
const KEYED = { page: "pk", share: "sk" } as const;
const FORMAT = /^(pg|sh|pk|sk):([a-z][\w-]{0,31}):(\d{1,6}):([\s\S]*)$/;

/** `<`, `>`, `&` and `%` as %XX: nothing in a button looks like a mention, and the query reads back exactly. */
const protect = (q: string) => q.replace(/[<>&%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const unprotect = (q: string) => q.replace(/%(3C|3E|26|25)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The key a long query is kept under: the same query, the same key, on every replica. */
export function buttonKey(query: string): string {
  return createHash("sha256").update(query).digest("base64url").slice(0, 22);
}

/** Whether a button for `state` holds its query itself within `maxLength`; when not, the query must be kept. */
export function fitsInline(state: ButtonState, maxLength: number): boolean {
  return inline(state).length <= maxLength;
}

/** The button's value (Slack) or custom_id (Discord) for `state`, at most `maxLength` characters. */
export function encodeButton(state: ButtonState, maxLength: number): string {
  const whole = inline(state);
  return whole.length <= maxLength ? whole : `${KEYED[state.action]}:${state.command}:${page(state.page)}:${buttonKey(state.query)}`;
}

/** What a button's value says, or null when it is not one of ours. */
export function parseButton(value: string | undefined): ParsedButton | null {
  const m = FORMAT.exec(value ?? "");
  if (!m) return null;
  const [, tag, command, p, rest] = m;
  const action: ButtonAction = tag === "pg" || tag === "pk" ? "page" : "share";
  const head = { action, command, page: Math.max(1, Number(p)) };
  if (tag === "pk" || tag === "sk") return /^[\w-]{22}$/.test(rest) ? { ...head, key: rest } : null;
  return { ...head, query: unprotect(rest) };
}

const page = (n: number) => Math.min(999_999, Math.max(1, Math.floor(n)));
const inline = (s: ButtonState) => `${INLINE[s.action]}:${s.command}:${page(s.page)}:${protect(s.query)}`;

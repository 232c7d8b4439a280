// Discord's limits on what a bot sends, checked the way Discord checks them, for the fake Discord to refuse
// (400, code 50035) what Discord would: message content, embeds (each part and the 6000 total, which
// discord.js does not check), components, autocomplete choices and command registrations; and whom a
// message would ping.

const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  embeds: 10,
  customId: 100,
  choices: 25,
  choiceText: 100,
  label: 80,
};
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Why a message body breaks Discord's limits: empty when it is fine. */
export function messageProblems(data: any): string[] {
  const out: string[] = [];
  if (!data || typeof data !== "object") return out;
  if (typeof data.content === "string" && data.content.length > LIMITS.content) out.push(`content ${data.content.length} > ${LIMITS.content}`);
  const embeds: any[] = data.embeds ?? [];
  if (embeds.length > LIMITS.embeds) out.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    const t = (s: unknown, max: number, what: string) => {
      if (s === undefined || s === null) return;
      const len = String(s).length;
      total += len;
      if (len > max) out.push(`${what} ${len} > ${max}`);
      if (len === 0) out.push(`${what} empty`);
    };
    t(e.title, LIMITS.title, "embed title");
    t(e.description, LIMITS.description, "embed description");
    t(e.footer?.text, LIMITS.footer, "footer");
    t(e.author?.name, LIMITS.author, "author");
    const fields: any[] = e.fields ?? [];
    if (fields.length > LIMITS.fields) out.push(`${fields.length} fields > ${LIMITS.fields}`);
    for (const f of fields) {
      t(f.name, LIMITS.fieldName, "field name");
      t(f.value, LIMITS.fieldValue, "field value");
    }
  }
  if (total > LIMITS.total) out.push(`embeds total ${total} > ${LIMITS.total}`);
  const ids = new Set<string>();
  for (const row of data.components ?? []) {
    if ((row.components ?? []).length > 5) out.push("more than 5 components in a row");
    for (const c of row.components ?? []) {
      if (c.custom_id !== undefined) {
        const id = String(c.custom_id);
        if (id.length < 1 || id.length > LIMITS.customId) out.push(`custom_id ${id.length} characters`);
        if (ids.has(id)) out.push(`duplicate custom_id ${id}`);
        ids.add(id);
      }
      if (c.label !== undefined && String(c.label).length > LIMITS.label) out.push(`label ${String(c.label).length}`);
    }
  }
  if (data.choices) {
    if (data.choices.length > LIMITS.choices) out.push(`${data.choices.length} choices > ${LIMITS.choices}`);
    for (const c of data.choices) {
      for (const k of ["name", "value"]) {
        const len = String(c[k] ?? "").length;
        if (len < 1 || len > LIMITS.choiceText) out.push(`choice ${k} ${len} characters`);
      }
    }
  }
  if (data.flags !== undefined && (Number(data.flags) & ~(64 | 4 | 4096 | 32768 | 8192)) !== 0) out.push(`flags ${data.flags} not allowed`);
  return out;
}

export function commandProblems(body: any): string[] {
  const out: string[] = [];
  if (!Array.isArray(body)) return ["body must be an array"];
  for (const c of body) {
    if (!COMMAND_NAME.test(c.name ?? "") || c.name !== c.name.toLowerCase()) out.push(`bad command name ${c.name}`);
    if (!c.description || c.description.length > 100) out.push(`bad description for ${c.name}`);
    for (const o of c.options ?? []) {
      if (!COMMAND_NAME.test(o.name ?? "")) out.push(`bad option name ${o.name}`);
      if (!o.description || o.description.length > 100) out.push(`bad option description on ${c.name}`);
      if (o.autocomplete && o.choices) out.push("autocomplete with choices");
      if (o.max_length !== undefined && (o.max_length < 1 || o.max_length > 6000)) out.push("bad max_length");
    }
  }
  return out;
}

/**
 * Who a sent message would notify, as Discord reads it: mentions in `content` only (embeds never ping),
 * as far as `allowed_mentions` lets them (no `allowed_mentions`: all of them).
 */
export function pings(body: any): string[] {
  const content = typeof body?.content === "string" ? body.content : "";
  const allowed = body?.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[] } | undefined;
  const may = (kind: "everyone" | "users" | "roles", id?: string) =>
    !allowed ||
    (allowed.parse ?? []).includes(kind) ||
    (id !== undefined && ((kind === "users" && allowed.users?.includes(id)) || (kind === "roles" && allowed.roles?.includes(id))));
  const out: string[] = [];
  for (const m of content.matchAll(/@(everyone|here)\b/g)) if (may("everyone")) out.push(m[0]);
  for (const m of content.matchAll(/<@!?(\d+)>/g)) if (may("users", m[1])) out.push(m[0]);
  for (const m of content.matchAll(/<@&(\d+)>/g)) if (may("roles", m[1])) out.push(m[0]);
  return out;
}

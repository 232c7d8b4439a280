// The fake Discord must refuse what Discord refuses, or the limit tests prove nothing: each limit broken
// by one character gets 400 with code 50035, and a message just inside every limit is accepted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord, messageProblems } from "../fakes/discord.ts";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.stop();
});

const x = (n: number) => "x".repeat(n);
const button = (id: string) => ({ type: 1, components: [{ type: 2, style: 1, label: "Share", custom_id: id }] });

const broken: [string, unknown][] = [
  ["content 2001", { content: x(2001) }],
  ["title 257", { embeds: [{ title: x(257) }] }],
  ["description 4097", { embeds: [{ description: x(4097) }] }],
  ["26 fields", { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) }] }],
  ["field value 1025", { embeds: [{ fields: [{ name: "n", value: x(1025) }] }] }],
  // Every part within its own limit; only the sum (6001) is over.
  ["6001 in all", { embeds: [{ title: x(256), description: x(4096), fields: [{ name: x(256), value: x(1024) }], footer: { text: x(369) } }] }],
  ["custom_id 101", { components: [button(x(101))] }],
  ["26 choices", { choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })) }],
  ["choice name 101", { choices: [{ name: x(101), value: "v" }] }],
];

describe("the fake Discord enforces Discord's limits", () => {
  it.each(broken)("refuses %s", async (_what, data) => {
    expect(messageProblems(data)).not.toEqual([]);
    const res = await fetch(`${fake.apiUrl}/v10/interactions/${fake.id()}/token/callback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: 4, data }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(50035);
  });

  it("accepts a message exactly at the limits", async () => {
    const data = {
      content: x(2000),
      embeds: [{ title: x(256), description: x(4096), fields: [{ name: x(256), value: x(1024) }], footer: { text: x(368) } }],
      components: [button(x(100))],
    };
    expect(messageProblems(data)).toEqual([]);
    const res = await fetch(`${fake.apiUrl}/v10/interactions/${fake.id()}/token/callback`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: 4, data }),
    });
    expect(res.status).toBe(204);
  });
});

// End to end, from outside the process, as Discord would drive it: `newsbot start` with Discord settings
// pointed at the local fake Discord, then slash commands and autocomplete over the fake gateway.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, FakeDiscord, GUILD_ID, messageProblems } from "../fakes/discord.ts";
import { eventually } from "../helpers/net.ts";
import { articlesFolder, startNewsbot, type Running } from "../helpers/process.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.e2eTokenNeverLoggedAnywhere0123456789";

const folder = articlesFolder("newsbot-discord-e2e-", {
  "zz_mentions.txt":
    "Councillor pings the whole server\n\nThe councillor Jane Placeholder said: “@everyone should read this, and <@123> too, because @here is where it happens.”\n",
});
const articles = folder.articles;

let fake: FakeDiscord;
let bot: Running;

beforeAll(async () => {
  // As in a real server: READY lists the guild as unavailable and GUILD_CREATE follows.
  fake = await FakeDiscord.start({ inGuild: true });
  bot = await startNewsbot(["start"], {
    cwd: folder.root,
    env: {
      ...folder.env,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: fake.apiUrl,
      NEWSBOT_LOG_LEVEL: "debug",
    },
    ready: (out) => fake.identifies >= 1 && fake.commands.length > 0 && /discord: connected/.test(out),
    what: "the bot to connect and register",
  });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

async function ask(command: string, query: string) {
  const sent = Date.now();
  const id = fake.command(command, query);
  const first = await fake.firstResponse(id, 5000);
  const message = await fake.finalMessage(id, 10_000);
  return { firstMs: first.at - sent, first, message, text: JSON.stringify(message.embeds) };
}

describe("newsbot start on Discord, end to end", () => {
  it("identifies on the gateway and registers quote, figure, search, who and help in the guild", () => {
    expect(fake.identifies).toBe(1);
    const put = fake.calls.find((c) => c.method === "PUT" && c.path === `/api/v10/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put?.status).toBe(200);
    expect(fake.commands.map((c) => c.name)).toEqual(expect.arrayContaining(["quote", "figure", "search", "who", "help"]));
  });

  it("/quote query:sturgeon → the 'cruel cut too far' quote, first response within 3 s", async () => {
    const r = await ask("quote", "sturgeon");
    expect(r.firstMs).toBeLessThan(3000);
    expect(r.first.body.data?.flags).toBe(64);
    expect(r.text).toMatch(/cruel cut too far/);
    expect(messageProblems(r.message)).toEqual([]);
  });

  it("/figure query:PIP → £4.4 billion, in bold", async () => {
    const r = await ask("figure", "PIP");
    expect(r.firstMs).toBeLessThan(3000);
    expect(r.text).toMatch(/\*\*£4\.4 ?(billion|bn)\*\*/);
  });

  it("/quote query:owen smith → 'humiliating climbdown'", async () => {
    const r = await ask("quote", "owen smith");
    expect(r.firstMs).toBeLessThan(3000);
    expect(r.text).toMatch(/humiliating climbdown/);
  });

  it("autocompletes sturg with Nicola Sturgeon", async () => {
    const sent = Date.now();
    const call = await fake.firstResponse(fake.autocomplete("quote", "sturg"), 5000);
    expect(call.at - sent).toBeLessThan(3000);
    expect(call.body.data.choices.map((c: any) => c.name)).toContain("Nicola Sturgeon");
  });

  it("answers well inside Discord's 3 seconds (measured over 30 commands and 10 autocompletes)", async () => {
    const ms = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1)! };
    };
    const commands: number[] = [];
    const asks = [
      ["quote", "sturgeon"],
      ["figure", "PIP"],
      ["quote", "owen smith"],
      ["who", "IDS"],
      ["search", "disability cuts"],
      ["help", ""],
    ] as const;
    for (let n = 0; n < 30; n++) {
      const [c, q] = asks[n % asks.length];
      commands.push((await ask(c, q)).firstMs);
    }
    const suggestions: number[] = [];
    for (const partial of ["s", "st", "stu", "stur", "sturg", "o", "ow", "owen", "i", "id"]) {
      const sent = Date.now();
      const call = await fake.firstResponse(fake.autocomplete("quote", partial), 5000);
      suggestions.push(call.at - sent);
    }
    const c = ms(commands);
    const a = ms(suggestions);
    console.log(`discord e2e first response: commands median ${c.median} ms, max ${c.max} ms; autocomplete median ${a.median} ms, max ${a.max} ms`);
    expect(c.max).toBeLessThan(3000);
    expect(a.max).toBeLessThan(3000);
  });

  it("an article's @everyone and <@123> never ping: allowed_mentions parse [] on every send", async () => {
    await ask("search", "everyone");
    const jane = await ask("quote", "Jane Placeholder");
    // The quotation with the mentions is really shown (as text), so the check below is not vacuous.
    expect(jane.text).toContain("@everyone should read this");
    const sends = fake.sends();
    expect(sends.length).toBeGreaterThan(0);
    for (const s of sends) {
      const data = /\/callback$/.test(s.path) ? s.body.data : s.body;
      expect(data.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it("survives bad input: empty, 6000 characters, strange queries — all answered within limits", async () => {
    for (const q of ["", "x".repeat(6000), "(.*)+$", '"unclosed', "🙂🙂", "@everyone"]) {
      for (const cmd of ["quote", "search"]) {
        const r = await ask(cmd, q);
        expect(r.firstMs).toBeLessThan(3000);
        expect(messageProblems(r.message)).toEqual([]);
      }
    }
    expect(bot.child.exitCode).toBeNull();
  });

  it("Share posts the answer publicly, and Previous/Next page a long answer", async () => {
    const r = await ask("quote", "owen smith");
    const share = r.message.components.flatMap((row: any) => row.components).find((b: any) => b.label === "Share");
    const shared = await fake.finalMessage(fake.click(share.custom_id, r.message), 10_000);
    expect(shared.flags ?? 0).toBe(0);
    expect(shared.content).toMatch(/^Shared by <@\d+>$/);
    expect(JSON.stringify(shared.embeds)).toMatch(/humiliating climbdown/);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
  });

  it("keeps every message within Discord's limits: nothing sent was refused", () => {
    for (const s of fake.sends()) expect(messageProblems(/\/callback$/.test(s.path) ? s.body.data : s.body)).toEqual([]);
    expect(fake.rejected()).toEqual([]);
  });

  it("keeps going after a REST 500 and a gateway drop", async () => {
    fake.inject({ path: /\/callback$/, status: 500, times: 1 });
    const a = await ask("help", "");
    expect(a.message.embeds.length).toBe(1);
    fake.dropGateway(4000);
    await eventually(async () => fake.resumes >= 1, "a resume", 10_000);
    const b = await ask("who", "sturgeon");
    expect(b.message.embeds.length).toBe(1);
  });

  it("answers within 3 s while 400 new articles are being indexed", async () => {
    const sources = ["000_2ea4bb40d2f84377.txt", "003_a45378febf24a42f.txt"].map((f) => readFileSync(join("data/articles", f), "utf8"));
    for (let n = 0; n < 400; n++) {
      const body = sources[n % 2].split("\n").slice(1).join("\n");
      writeFileSync(join(articles, `batch_${n}.txt`), `Batch story ${n} on the budget\n\nA first paragraph numbered ${n}.\n\n${body}`);
    }
    const firsts: number[] = [];
    const indexed = () => /articles folder changed: 400 new/.test(bot.output());
    const deadline = Date.now() + 60_000;
    // Ask throughout the indexing (and a little after), as a newsroom would: each question once the last is answered.
    while ((!indexed() || firsts.length < 20) && Date.now() < deadline) {
      const sent = Date.now();
      const id = fake.command("quote", "sturgeon");
      const first = await fake.firstResponse(id, 10_000);
      firsts.push(first.at - sent);
      await fake.finalMessage(id, 10_000);
    }
    expect(indexed()).toBe(true);
    console.log(`discord e2e during indexing: ${firsts.length} commands, slowest first response ${Math.max(...firsts)} ms`);
    expect(Math.max(...firsts)).toBeLessThan(3000);
  });

  it("never writes the token to its logs, and stops cleanly on SIGTERM", async () => {
    expect(await bot.stop()).toBe(0);
    expect(bot.output()).not.toContain(TOKEN);
    expect(bot.output()).not.toContain(TOKEN.split(".")[2]);
  });
});

// Two `newsbot start` processes on one PostgreSQL (the server tests/global-postgres.ts starts), each
// serving Slack over HTTP on its own port, as behind a load balancer, with the digest every few seconds
// to a fake Slack. Both answer; the archive one filled is the other's; SIGKILL on the replica holding the
// folder watch and the digest, and the other takes both over; every scheduled digest is posted once.
// Then two replicas in Slack's Socket Mode (a connection each, both answering) and two on Discord (only
// the lease holder opens a gateway session).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, FakeDiscord, GUILD_ID } from "../fakes/discord.ts";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { APP_TOKEN, BOT_TOKEN, SECRET, postSigned, slashForm } from "../chat/slack-helpers.ts";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { eventually as until, freePort } from "../helpers/net.ts";
import { articlesFolder, startNewsbot, type Running } from "../helpers/process.ts";

const DIGEST_CHANNEL = "C0DIGEST";
const LEASE_SECONDS = 2;

interface Replica {
  name: string;
  process: Running;
  slackPort: number;
  healthPort: number;
}

async function health(r: Replica): Promise<{ ready: boolean; replica: string; duties: Record<string, boolean>; lastSync: unknown }> {
  const res = await fetch(`http://127.0.0.1:${r.healthPort}/health`);
  return (await res.json()) as never;
}

describe.skipIf(postgresMissing)("two replicas on one PostgreSQL", () => {
  const folder = articlesFolder("newsbot-replicas-");
  let fake: FakeSlack;
  let databaseUrl: string;
  const replicas: Replica[] = [];

  async function replica(name: string): Promise<Replica> {
    const slackPort = await freePort();
    const healthPort = await freePort();
    const process = await startNewsbot(["start"], {
      cwd: folder.root,
      what: `replica ${name}`,
      env: {
        NEWSBOT_ARTICLES: folder.articles,
        NEWSBOT_DATABASE_URL: databaseUrl,
        NEWSBOT_LEASE_SECONDS: String(LEASE_SECONDS),
        NEWSBOT_HEALTH_PORT: String(healthPort),
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        SLACK_DIGEST_CHANNEL: DIGEST_CHANNEL,
        PORT: String(slackPort),
        // Every 3 seconds (croner reads a sixth, leading field as seconds): several scheduled times per test.
        DIGEST_CRON: "*/3 * * * * *",
        DIGEST_TZ: "UTC",
      },
      ready: (out) => /listening on port/.test(out),
    });
    const r = { name, process, slackPort, healthPort };
    replicas.push(r);
    return r;
  }

  const ask = (r: Replica, command: string, text: string) => postSigned(r.slackPort, slashForm(command, text, fake.responseUrl()));

  beforeAll(async () => {
    fake = await startFakeSlack();
    databaseUrl = await freshDatabase("replicas");
    // One after the other: the first takes every lease, the second finds them held.
    await replica("A");
    await replica("B");
  }, 120_000);

  afterAll(async () => {
    for (const r of replicas) await r.process.stop();
    await fake?.close();
  });

  it("both answer; the one without the folder watch answers from what the other ingested", async () => {
    const [a, b] = replicas;
    const ha = await health(a);
    const hb = await health(b);
    expect(ha).toMatchObject({ ready: true, duties: { ingest: true, digest: true } });
    expect(hb).toMatchObject({ ready: true, duties: { ingest: false, digest: false } });
    expect(hb.lastSync).toBeNull(); // B never read the folder
    for (const r of [a, b]) {
      const sturgeon = await ask(r, "/quote", "sturgeon");
      expect(sturgeon.status).toBe(200);
      expect(sturgeon.text).toContain("cruel cut too far");
      const pip = await ask(r, "/figure", "PIP");
      expect(pip.text).toMatch(/£4\.4\s?(bn|billion)/);
    }
  });

  it("after SIGKILL on the holder, the other takes over the folder watch and the digest, and ingests new files", async () => {
    const [a, b] = replicas;
    await until(async () => fake.of("chat.postMessage").some((c) => c.body.channel === DIGEST_CHANNEL), "a first digest from A");
    a.process.child.kill("SIGKILL");
    await a.process.exited;
    // Within the lease's lifetime plus a renewal.
    await until(async () => {
      const h = await health(b);
      return h.duties.ingest && h.duties.digest;
    }, "B holding the ingest and digest leases");

    writeFileSync(join(folder.articles, "late.txt"), 'Budget row deepens\n\nThe chancellor, George Osborne, said: "We will not change course on welfare."\n');
    const answer = await until(async () => {
      const r = await ask(b, "/quote", "osborne");
      return r.text.includes("We will not change course on welfare.") ? r : null;
    }, "B answering from the file dropped after the take-over");
    expect(answer.status).toBe(200);

    // B goes on posting digests after the take-over.
    const postedBefore = fake.of("chat.postMessage").filter((c) => c.body.channel === DIGEST_CHANNEL).length;
    await until(async () => fake.of("chat.postMessage").filter((c) => c.body.channel === DIGEST_CHANNEL).length > postedBefore, "a digest from B");
  });

  it("posted every scheduled digest once: as many posts as scheduled times recorded as posted, from both replicas", async () => {
    // A clean stop lets B finish a digest in flight, so the fake's posts and the records can be compared.
    expect(await replicas[1].process.stop()).toBe(0);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const rows = (await db.query("SELECT scheduled_at, owner, status FROM digests WHERE channel = $1 ORDER BY scheduled_at", [`slack:${DIGEST_CHANNEL}`]))
        .rows as { scheduled_at: string; owner: string; status: string }[];
      const posted = rows.filter((r) => r.status === "posted");
      const posts = fake.of("chat.postMessage").filter((c) => c.body.channel === DIGEST_CHANNEL);
      // A, killed between claiming and posting, may leave one time "claimed": at most once, never twice.
      const pidOf = (owner: string) => Number(owner.split(":")[1]);
      expect(rows.filter((r) => r.status === "claimed" && pidOf(r.owner) === replicas[0].process.child.pid).length).toBeLessThanOrEqual(1);
      expect(posts.length).toBe(posted.length);
      expect(new Set(posted.map((r) => pidOf(r.owner)))).toEqual(new Set(replicas.map((r) => r.process.child.pid)));
    } finally {
      await db.end();
    }
  });
});

describe.skipIf(postgresMissing)("two replicas on Discord: one gateway session between them", () => {
  const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.replicaTokenNeverLogged0123456789abc";
  const folder = articlesFolder("newsbot-replicas-discord-");
  let fake: FakeDiscord;
  const running: Running[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start({ inGuild: true });
    const databaseUrl = await freshDatabase("replicas_discord");
    const env = {
      NEWSBOT_ARTICLES: folder.articles,
      NEWSBOT_DATABASE_URL: databaseUrl,
      NEWSBOT_LEASE_SECONDS: String(LEASE_SECONDS),
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: fake.apiUrl,
    };
    running.push(await startNewsbot(["start"], { cwd: folder.root, what: "replica A", env, ready: (out) => /discord: connected/.test(out) }));
    running.push(
      await startNewsbot(["start"], { cwd: folder.root, what: "replica B", env, ready: (out) => /Discord gateway session: another replica runs it/.test(out) }),
    );
  }, 120_000);

  afterAll(async () => {
    for (const r of running) await r.stop();
    await fake?.stop();
  });

  it("only the lease holder opens a gateway session; after SIGKILL the other opens one and answers", async () => {
    const [a, b] = running;
    expect(fake.identifies).toBe(1);
    const first = fake.command("quote", "sturgeon");
    expect(JSON.stringify((await fake.finalMessage(first, 10_000)).embeds)).toContain("cruel cut too far");

    a.child.kill("SIGKILL");
    await a.exited;
    await until(async () => fake.identifies === 2 && /discord: connected/.test(b.output()), "B opening its own gateway session");
    const id = fake.command("figure", "PIP");
    expect(JSON.stringify((await fake.finalMessage(id, 10_000)).embeds)).toMatch(/£4\.4\s?(bn|billion)/);
    expect(fake.identifies).toBe(2);
  });
});

describe.skipIf(postgresMissing)("two replicas in Slack's Socket Mode: a connection each", () => {
  const folder = articlesFolder("newsbot-replicas-socket-");
  let fake: FakeSlack;
  const running: Running[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    const env = {
      NEWSBOT_ARTICLES: folder.articles,
      NEWSBOT_DATABASE_URL: await freshDatabase("replicas_socket"),
      NEWSBOT_LEASE_SECONDS: String(LEASE_SECONDS),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
    };
    for (const name of ["A", "B"]) {
      running.push(await startNewsbot(["start"], { cwd: folder.root, what: `replica ${name}`, env, ready: (out) => /connected in Socket Mode/.test(out) }));
    }
  }, 120_000);

  afterAll(async () => {
    for (const r of running) await r.stop();
    await fake?.close();
  });

  it("opens one connection per replica, and each answers the events Slack sends it", async () => {
    await until(async () => fake.socketCount() === 2, "both replicas connected");
    for (const socket of [0, 1]) {
      const ack = await fake.sendEnvelope("slash_commands", slashForm("/quote", "sturgeon", fake.responseUrl()), 10_000, socket);
      expect(JSON.stringify(ack)).toContain("cruel cut too far");
    }
    // One replica gone: Slack sends everything to the connection left, which still answers.
    running[0].child.kill("SIGKILL");
    await until(async () => fake.socketCount() === 1, "the killed replica's connection closed");
    const ack = await fake.sendEnvelope("slash_commands", slashForm("/figure", "PIP", fake.responseUrl()), 10_000, 0);
    expect(JSON.stringify(ack)).toMatch(/£4\.4\s?(bn|billion)/);
  });
});

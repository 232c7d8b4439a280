// A database outage said as what it is (issue 18), on the real PostgreSQL with a real `newsbot start`: the
// replica reaches the archive through a TCP relay on 127.0.0.1 that the test cuts (every connection dropped,
// new ones refused) and restores. During the outage the log must say that the archive cannot be reached,
// never that "another replica runs it" (there is none); /health says 503 with the reason; afterwards the
// archive answers again, and a digest that fell due during the outage is posted once, its log line naming
// the outage, not "while the bot was down". No article is lost.
import { createServer, connect, type Server, type Socket } from "node:net";
import { Cron } from "croner";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { BOT_TOKEN, SECRET } from "../chat/slack-helpers.ts";
import { freshDatabase, postgresMissing } from "../helpers/pg-test.ts";
import { eventually, freePort } from "../helpers/net.ts";
import { articlesFolder, startNewsbot, type Running } from "../helpers/process.ts";

const DIGEST_CHANNEL = "C0DIGEST";
// Every 3 seconds (croner reads a sixth, leading field as seconds).
const CRON = "*/3 * * * * *";

/** A relay to PostgreSQL that can be cut (connections dropped, new ones closed at once) and restored. */
async function relay(target: URL): Promise<{ url: (u: string) => string; cut(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const port = await new Promise<number>((r) => server.listen(0, "127.0.0.1", () => r((server.address() as { port: number }).port)));
  return {
    url: (u) => {
      const via = new URL(u);
      via.hostname = "127.0.0.1";
      via.port = String(port);
      return via.toString();
    },
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.skipIf(postgresMissing)("a PostgreSQL outage under a running replica", () => {
  const folder = articlesFolder("newsbot-outage-");
  let fake: FakeSlack;
  let replica: Running | null = null;
  let cutRelay: Awaited<ReturnType<typeof relay>> | null = null;
  afterAll(async () => {
    await replica?.stop();
    await cutRelay?.close();
    await fake?.close();
  });

  it("says the archive cannot be reached, not that another replica runs it, and posts the digest missed in it once", async () => {
    const url = await freshDatabase("outage");
    const r = await relay(new URL(url));
    cutRelay = r;
    fake = await startFakeSlack();
    const healthPort = await freePort();
    replica = await startNewsbot(["start"], {
      cwd: folder.root,
      what: "replica",
      env: {
        NEWSBOT_ARTICLES: folder.articles,
        NEWSBOT_DATABASE_URL: r.url(url),
        NEWSBOT_LEASE_SECONDS: "2",
        NEWSBOT_HEALTH_PORT: String(healthPort),
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        SLACK_DIGEST_CHANNEL: DIGEST_CHANNEL,
        PORT: String(await freePort()),
        DIGEST_CRON: CRON,
        DIGEST_TZ: "UTC",
      },
      ready: (out) => /listening on port/.test(out) && /digest: \*\/3/.test(out),
    });
    const output = () => replica!.output();
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${healthPort}/health`);
      return { status: res.status, body: (await res.json()) as { ready: boolean; problems: string[] } };
    };
    const articles = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM articles")).rows[0].n);
      } finally {
        await c.end();
      }
    };
    await eventually(async () => (await health()).status === 200, "the replica ready");
    const stored = await articles();
    expect(stored).toBeGreaterThan(0);
    // A digest posted before the outage: the schedule runs here.
    await fake.waitFor("chat.postMessage", (c) => c.body.channel === DIGEST_CHANNEL, 30_000);

    r.cut();
    const cutAt = output().length;
    const since = () => output().slice(cutAt);
    await eventually(
      async () => /the digest schedule: the archive cannot be reached \(.*\); stopped here until it answers/.test(since()),
      "the digest's lease attempt failing",
    );
    await eventually(async () => (await health()).status === 503, "/health 503");
    expect((await health()).body.problems.join(" ")).toMatch(/the archive does not answer/);
    // The outage lasts until a scheduled time has passed in it (bounded polling on the clock, not a sleep).
    const due = new Cron(CRON, { timezone: "UTC" }).nextRun()!.getTime();
    await eventually(async () => Date.now() > due + 500, "a scheduled time passing during the outage", 10_000);
    const posts = fake.of("chat.postMessage").filter((c) => c.body.channel === DIGEST_CHANNEL).length;

    r.restore();
    await eventually(async () => /the digest schedule: the archive answers again/.test(since()), "the archive answering again");
    await eventually(async () => /fell due .*: posting it now/.test(since()), "the missed digest posted");
    await eventually(async () => (await health()).status === 200, "/health 200 again");
    expect(since()).toMatch(/fell due while this replica did not run the digest \(the archive could not be reached\): posting it now/);
    // There is one replica: nothing in the log may say there was another, or that the bot was down.
    expect(since()).not.toMatch(/another replica runs it|another replica takes over|another replica had it|while the bot was down/);
    expect(since()).not.toMatch(/\n\s+at /);
    expect(fake.of("chat.postMessage").filter((c) => c.body.channel === DIGEST_CHANNEL).length).toBeGreaterThan(posts);
    expect(await articles()).toBe(stored);
  }, 180_000);
});

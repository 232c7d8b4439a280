// The store contract, part three: what processes sharing one archive rely on (the digest ledger, leases,
// the revision another process sees, chat buttons' kept queries).
import { expect, it } from "vitest";
import { eventually } from "../helpers/net.ts";
import type { ContractParts } from "./contract.ts";
import { article, figure, person, put, quote, state, words } from "./contract-fixtures.ts";

export function processesContract({ name, d, open, again }: ContractParts) {
  d(`${name} store contract: digest`, () => {
    it("gives quotes, figures and people of chosen articles, article by article in the given order", async () => {
      const s = await open();
      await put(
        s,
        "a.txt",
        article("a.txt", "A", ["x"], {
          quotes: [quote("a2", "X", 2), quote("a1", "X", 1)],
          figures: [figure("£1", 1, "s1")],
          people: [person("Xena", [], { mentions: 2 }), person("Yuri", [], { mentions: 5 })],
        }),
      );
      await put(
        s,
        "b.txt",
        article("b.txt", "B", ["x"], {
          quotes: [quote("b1", "Y", 1)],
          figures: [figure("£2", 2, "s2"), figure("£3", 3, "s3", { paragraph: 0 })],
          people: [person("Xena", [], { mentions: 4 })],
        }),
      );
      const byTitle = new Map((await s.articlesSince("2000-01-01", 10)).map((a) => [a.title, a.id]));
      const ids = [byTitle.get("B")!, byTitle.get("A")!];
      expect((await s.quotesIn(ids, 10)).map((q) => q.quote.text)).toEqual(["b1", "a1", "a2"]);
      expect((await s.quotesIn(ids, 2)).map((q) => q.quote.text)).toEqual(["b1", "a1"]);
      expect((await s.figuresIn(ids, 10)).map((f) => f.figure.text)).toEqual(["£3", "£2", "£1"]);
      expect(await s.peopleIn(ids, 10)).toEqual([
        { name: "Xena", kind: "person", mentions: 6, articles: 2 },
        { name: "Yuri", kind: "person", mentions: 5, articles: 1 },
      ]);
      expect(await s.peopleIn([byTitle.get("A")!], 1)).toEqual([{ name: "Yuri", kind: "person", mentions: 5, articles: 1 }]);
      expect(await s.quotesIn([], 10)).toEqual([]);
    });

    it("lets exactly one of two processes claim a scheduled digest, and remembers how it ended", async () => {
      const a = await open();
      const b = await again(a);
      const at = "2024-05-01T06:00:00.000Z";
      const claims = await Promise.all([a.claimDigest("C1", at, "replica-a"), b.claimDigest("C1", at, "replica-b")]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await a.claimDigest("C1", at, "replica-a")).toBe(false);
      expect(await b.lastDigest("C1")).toEqual({ scheduledAt: at, status: "claimed" });
      await a.finishDigest("C1", at, "posted", "ts=1");
      expect(await b.lastDigest("C1")).toEqual({ scheduledAt: at, status: "posted" });
      expect(await b.claimDigest("C1", "2024-05-02T06:00:00.000Z", "replica-b")).toBe(true);
      expect(await a.lastDigest("C1")).toEqual({ scheduledAt: "2024-05-02T06:00:00.000Z", status: "claimed" });
      expect(await a.lastDigest("other")).toBeNull();
    });
  });

  d(`${name} store contract: replicas`, () => {
    it("gives a lease to one owner at a time, renews it for the holder, and hands it over on release", async () => {
      const a = await open();
      const b = await again(a);
      expect(await a.acquireLease("watch", "A", 60_000)).toBe(true);
      expect(await b.acquireLease("watch", "B", 60_000)).toBe(false);
      expect(await a.acquireLease("watch", "A", 60_000)).toBe(true);
      expect(await b.acquireLease("digest", "B", 60_000)).toBe(true);
      await b.releaseLease("watch", "B"); // not B's: nothing happens
      expect(await b.acquireLease("watch", "B", 60_000)).toBe(false);
      await a.releaseLease("watch", "A");
      expect(await b.acquireLease("watch", "B", 60_000)).toBe(true);
      expect(await a.acquireLease("watch", "A", 60_000)).toBe(false);
    });

    it("gives a lease to one of two owners asking at once", async () => {
      const a = await open();
      const b = await again(a);
      for (let i = 0; i < 5; i++) {
        const got = await Promise.all([a.acquireLease(`race${i}`, "A", 60_000), b.acquireLease(`race${i}`, "B", 60_000)]);
        expect(got.filter(Boolean)).toHaveLength(1);
      }
    });

    it("lets another owner take a lease its holder stopped renewing", async () => {
      const a = await open();
      const b = await again(a);
      expect(await a.acquireLease("feeds", "A", 50)).toBe(true);
      expect(await b.acquireLease("feeds", "B", 60_000)).toBe(false);
      // B asks again until A's 50 ms have run out (polled, not slept: the store's own clock decides).
      expect(await eventually(() => b.acquireLease("feeds", "B", 60_000), "the lease expiring", 10_000)).toBe(true);
      expect(await a.acquireLease("feeds", "A", 60_000)).toBe(false);
    });

    it("changes the revision on every write to the articles, as another process sees it", async () => {
      const a = await open();
      const b = await again(a);
      const seen = [await b.revision()];
      await put(a, "r.txt", article("r.txt", "R", ["x"]));
      seen.push(await b.revision());
      await put(a, "r.txt", article("r.txt", "R2", ["y"]));
      seen.push(await b.revision());
      await a.markSkipped(state("r.txt", { skipped: "empty" }));
      seen.push(await b.revision());
      await put(a, "s.txt", article("s.txt", "S", ["z"]));
      seen.push(await b.revision());
      await a.removeFiles(["s.txt"]);
      seen.push(await b.revision());
      expect(new Set(seen).size).toBe(seen.length);
      // Reading changes nothing.
      await a.quotesMatching(words("x"), 5);
      await a.stats();
      expect(await b.revision()).toBe(seen[seen.length - 1]);
    });
  });

  d(`${name} store contract: chat buttons`, () => {
    it("keeps a button's long query for every process on the archive until its time runs out", async () => {
      const a = await open();
      const b = await again(a);
      const query = "q".repeat(300);
      expect(await b.recallButton("key-1")).toBeNull();
      await a.rememberButton("key-1", query, 60_000);
      expect(await b.recallButton("key-1")).toBe(query);
      // The same key again: the new value, and its time starts again.
      await b.rememberButton("key-1", "another", 60_000);
      expect(await a.recallButton("key-1")).toBe("another");
      await a.rememberButton("key-2", "short-lived", 50);
      expect(await eventually(async () => (await b.recallButton("key-2")) === null, "the kept query expiring", 10_000)).toBe(true);
      expect(await b.recallButton("key-1")).toBe("another");
    });
  });
}

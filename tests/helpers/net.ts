// Small waits and ports for tests that run real servers and processes on 127.0.0.1.
import { createServer } from "node:net";

/** A port nothing listens on right now (the OS picks it), for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls `probe` every 100 ms until it gives a value (a probe that throws counts as not yet), and returns it;
 * fails naming `what` after `ms`. The bound is generous: tests assert the outcome, not the time it took.
 */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`not reached within ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// A clock for the digest scheduler that moves only when a test says so: timers fire in order as it passes
// them, and after each one the test waits until the schedulers have finished what it started, or are
// waiting on this clock again (a retry's pause) with no post still on its way. Real I/O in between (posts
// to the local fakes) is awaited, never timed.
import type { Clock, DigestScheduler, DigestTarget } from "../../src/digest/schedule.ts";

export class FakeClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  private wake: (() => void)[] = [];
  private setSinceFire = false;
  /** Posts started through `track`ed targets and not yet ended. */
  private inFlight = 0;
  constructor(private t: number) {}
  now = () => new Date(this.t);
  setTimer = (fn: () => void, ms: number) => {
    const id = ++this.ids;
    this.timers.push({ at: this.t + ms, fn, id });
    this.setSinceFire = true;
    this.poke();
    return id;
  };
  clearTimer = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };

  /**
   * The same targets, counted while they post (the real post runs unchanged), so that a scheduler waiting
   * on this clock for one channel's retry while another channel's post is still on the network is not
   * taken for settled.
   */
  track(targets: DigestTarget[]): DigestTarget[] {
    return targets.map((t) => ({
      channel: t.channel,
      post: async (reply) => {
        this.inFlight++;
        try {
          await t.post(reply);
        } finally {
          this.inFlight--;
          this.poke();
        }
      },
    }));
  }

  private poke() {
    for (const f of this.wake.splice(0)) f();
  }

  /** Moves to `iso`, firing each timer due on the way and letting the schedulers finish what it started. */
  async advanceTo(iso: string, ...schedulers: DigestScheduler[]) {
    const end = Date.parse(iso);
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      this.setSinceFire = false;
      next.fn();
      await this.settle(schedulers);
    }
    this.t = end;
  }

  /** Until the schedulers are idle, or have set a timer on this clock and have no post on its way. */
  async settle(schedulers: DigestScheduler[], limitMs = 30_000) {
    let guard: NodeJS.Timeout | undefined;
    const stuck = new Promise<"stuck">((r) => (guard = setTimeout(() => r("stuck"), limitMs)));
    const idle = Promise.all(schedulers.map((s) => s.idle())).then(() => "idle" as const);
    try {
      for (;;) {
        const woken = new Promise<"woken">((r) => this.wake.push(() => r("woken")));
        // A few turns of the event loop: what runs between a post and the next timer is in-process work.
        for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
        if (this.setSinceFire && this.inFlight === 0) return;
        const why = await Promise.race([idle, woken, stuck]);
        if (why === "idle") return;
        if (why === "stuck") throw new Error(`the schedulers neither finished nor waited on the clock within ${limitMs} ms`);
      }
    } finally {
      clearTimeout(guard);
    }
  }

  pending() {
    return this.timers.map((t) => new Date(t.at).toISOString());
  }
}

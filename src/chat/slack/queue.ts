// A few answers at a time, so that a burst of slash commands never delays an acknowledgement.

/** Answers computed at once. The archive answers mostly synchronously (SQLite), so more would not be faster. */
export const ANSWER_CONCURRENCY = 4;

/**
 * Runs answers a few at a time, starting each from a fresh turn of the event loop: in a burst of commands,
 * Node still reads new requests and fires the acknowledgement timers between two answers, so every request
 * is acknowledged within Slack's 3 seconds (with a placeholder when its answer has to wait).
 */
export class AnswerQueue {
  private readonly waiting: (() => Promise<void>)[] = [];
  private active = 0;

  constructor(private readonly concurrency = ANSWER_CONCURRENCY) {}

  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => job().then(resolve, reject));
      this.pump();
    });
  }

  private pump(): void {
    while (this.active < this.concurrency && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.active++;
      setImmediate(() => {
        void job().finally(() => {
          this.active--;
          this.pump();
        });
      });
    }
  }
}

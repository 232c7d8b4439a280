// Extraction off the thread that answers, and bounded per article. Articles go to worker threads
// (extract-worker.mjs) in chunks; a thread reports each article as it finishes it. An article that takes
// longer than the bound (a pathological paragraph) is abandoned: its thread is ended, the article is
// reported as such, and the rest of its chunk goes to a fresh thread. So one file can neither freeze a
// running bot (its answers are served on the main thread) nor hold ingestion up for more than the bound.
import { Worker } from "node:worker_threads";
import { extractArticle, type Extraction } from "../extract/index.ts";
import type { Logger } from "../log.ts";
import type { ArticleRecord } from "./read.ts";
import type { IndexedArticle } from "./store.ts";

/** What became of one article: extracted (perhaps with an empty extraction after a rule failed), or abandoned. */
export type Outcome = { ok: true; article: IndexedArticle } | { ok: false; key: string; reason: string };

/** What an extraction thread gives back per article. */
interface Extracted {
  extraction?: Extraction;
  /** The article's vocabulary, worked out there too: the writing thread is the one that limits ingestion. */
  terms?: string[];
  error?: string;
}

export interface PoolOptions {
  /** Most threads to run; 0: extract on this thread (no bound; for tests that compare the two). */
  size: number;
  /** An article that takes longer is abandoned (ms). */
  timeoutMs: number;
  log: Logger;
  /** The thread's module; default extract-worker.mjs (tests give one that stalls on purpose). */
  worker?: URL;
}

/** Articles sent to a thread at once. */
const CHUNK = 25;

interface Job {
  records: ArticleRecord[];
  settle: ((r: Outcome) => void)[];
}

interface Thread {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  /** Index within job of the article being extracted. */
  next: number;
  timer: NodeJS.Timeout | null;
}

export class ExtractPool {
  private threads: Thread[] = [];
  private queue: Job[] = [];
  private failed = false;
  private closed = false;

  constructor(private o: PoolOptions) {}

  /** The outcome of each record, in order. */
  extract(records: ArticleRecord[]): Promise<Outcome[]> {
    if (this.o.size <= 0 || this.failed) return Promise.resolve(records.map((r) => this.inline(r)));
    const outcomes: Promise<Outcome>[] = [];
    for (let i = 0; i < records.length; i += CHUNK) {
      const part = records.slice(i, i + CHUNK);
      const settle: Job["settle"] = [];
      for (let j = 0; j < part.length; j++) outcomes.push(new Promise((resolve) => settle.push(resolve)));
      this.queue.push({ records: part, settle });
    }
    this.dispatch();
    return Promise.all(outcomes);
  }

  private inline(record: ArticleRecord): Outcome {
    try {
      return { ok: true, article: { record, extraction: extractArticle(record) } };
    } catch (e) {
      return this.done(record, { error: String((e as Error).stack ?? e) });
    }
  }

  private done(record: ArticleRecord, r: Extracted): Outcome {
    if (r.extraction) return { ok: true, article: { record, extraction: r.extraction, terms: r.terms } };
    // A bug in a rule must not cost the newsroom the article: index its text without extractions.
    this.o.log.error(`extraction failed on ${JSON.stringify(record.key)}: ${r.error}`);
    return { ok: true, article: { record, extraction: { quotes: [], figures: [], people: [], acronyms: [] } } };
  }

  /**
   * Starts one thread now, before there is work: a running bot's first change is then extracted without
   * waiting for a thread to load the rules (seconds on a busy machine).
   */
  warm(): void {
    if (this.o.size > 0 && !this.failed && !this.closed && this.threads.length === 0) this.spawn();
  }

  /** Hands queued chunks to idle threads, starting threads (up to size) while work waits. */
  private dispatch(): void {
    if (this.closed) return;
    for (const t of this.threads) {
      if (t.ready && !t.job && this.queue.length) this.give(t, this.queue.shift()!);
      // An idle thread must not keep the process alive; a busy one must (its caller awaits it), and so must one
      // still loading the rules while work waits for it: unref'd, a process with nothing else to do (a bench
      // worker, a script) exited with its extraction unfinished (exit code 13).
      else if (!t.job && this.queue.length === 0) t.worker.unref();
      else if (!t.job) t.worker.ref();
    }
    const starting = this.threads.filter((t) => !t.ready).length;
    while (this.queue.length > starting && this.threads.length < this.o.size) this.spawn();
  }

  private give(t: Thread, job: Job): void {
    t.job = job;
    t.next = 0;
    t.worker.ref();
    this.arm(t);
    t.worker.postMessage({ records: job.records });
  }

  /** The bound runs per article: restarted each time the thread reports one. */
  private arm(t: Thread): void {
    if (t.timer) clearTimeout(t.timer);
    t.timer = setTimeout(() => this.abandon(t), this.o.timeoutMs);
  }

  private spawn(): void {
    const t: Thread = { worker: new Worker(this.o.worker ?? new URL("./extract-worker.mjs", import.meta.url)), ready: false, job: null, next: 0, timer: null };
    this.threads.push(t);
    if (this.queue.length === 0) t.worker.unref();
    t.worker.on("message", (m: { ready?: true; result?: Extracted }) => {
      if (m.ready) {
        t.ready = true;
        this.dispatch();
        return;
      }
      const job = t.job;
      if (!job || !m.result) return;
      const i = t.next++;
      job.settle[i](this.done(job.records[i], m.result));
      if (t.next < job.records.length) this.arm(t);
      else {
        if (t.timer) clearTimeout(t.timer);
        t.timer = null;
        t.job = null;
        this.dispatch();
      }
    });
    t.worker.on("error", (e) => this.lost(t, e));
    t.worker.on("exit", (code) => {
      if (this.threads.includes(t)) this.lost(t, new Error(`exit code ${code}`));
    });
  }

  /** The article under way took too long: end its thread, report it, and hand the rest of its chunk on. */
  private abandon(t: Thread): void {
    const job = t.job!;
    const record = job.records[t.next];
    const seconds = this.o.timeoutMs / 1000;
    const chars = record.paragraphs.reduce((n, p) => n + p.length, 0);
    this.o.log.warn(`extraction of ${JSON.stringify(record.key)} (${chars} characters) took longer than ${seconds} s: abandoned`);
    job.settle[t.next]({ ok: false, key: record.key, reason: `extraction took longer than ${seconds} s (NEWSBOT_EXTRACT_SECONDS): abandoned` });
    this.requeue(t, t.next + 1);
    this.retire(t);
    this.dispatch();
  }

  /** A thread that failed (could not start, crashed): its articles go to the others, or to this thread. */
  private lost(t: Thread, e: Error): void {
    if (!this.threads.includes(t)) return;
    this.retire(t);
    if (!t.ready) {
      // Threads cannot start here (a loader that will not run in a worker): extraction stays on this thread.
      this.o.log.warn(`extraction thread failed (${e.message}); extracting on the main thread`);
      this.failed = true;
      if (t.job) this.requeue(t, t.next);
      for (const job of this.queue.splice(0)) job.records.forEach((r, i) => job.settle[i](this.inline(r)));
      return;
    }
    this.o.log.warn(`an extraction thread stopped (${e.message}); its articles go to another`);
    if (t.job) this.requeue(t, t.next);
    this.dispatch();
  }

  private requeue(t: Thread, from: number): void {
    const job = t.job;
    t.job = null;
    if (job && from < job.records.length) this.queue.unshift({ records: job.records.slice(from), settle: job.settle.slice(from) });
  }

  private retire(t: Thread): void {
    if (t.timer) clearTimeout(t.timer);
    t.timer = null;
    this.threads = this.threads.filter((x) => x !== t);
    void t.worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = this.threads;
    this.threads = [];
    // A sync still waiting on articles (the bot stops mid-sync) is answered, not left hanging.
    const stopping = (job: Job, from: number) =>
      job.records.slice(from).forEach((r, i) => job.settle[from + i]({ ok: false, key: r.key, reason: "not extracted: newsbot was stopping" }));
    for (const t of threads) {
      if (t.timer) clearTimeout(t.timer);
      if (t.job) stopping(t.job, t.next);
    }
    for (const job of this.queue.splice(0)) stopping(job, 0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

// A pool of worker threads, one per core by default, each running the same
// module and taking jobs as it frees up. A worker may hold two jobs at once,
// so the CPU work of the next starts while the last one's rasterising (in
// sharp's own threads) finishes. Jobs go and results come back as structured
// clones; a worker that dies fails its jobs and is replaced. Workers start
// with the first job (a build that renders nothing starts none) and stop
// when asked, once they are idle: never terminated in the middle of loading
// a native module.
//
// The worker module answers `{ id, job }` with `{ id, result }`, and
// `{ close: true }` by exiting once its set-up is done.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

interface Pending<Result> {
  job: unknown;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Slot<Result> {
  worker: Worker;
  busy: Map<number, Pending<Result>>;
}

export interface PoolOptions {
  /** Worker threads (default: the cores this process may use, os.availableParallelism()). */
  size?: number;
  /** Jobs a worker holds at once (default 2). */
  perWorker?: number;
  /** Passed to every worker as `workerData`. */
  workerData?: unknown;
}

export class Pool<Job, Result> {
  readonly size: number;
  private readonly perWorker: number;
  private readonly slots: Array<Slot<Result>> = [];
  private readonly queue: Array<Pending<Result> & { id: number }> = [];
  private next = 0;
  private closed = false;
  private readonly module: URL;
  private readonly workerData: unknown;

  constructor(module: URL, options: PoolOptions = {}) {
    this.module = module;
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.perWorker = Math.max(1, options.perWorker ?? 2);
    this.workerData = options.workerData;
  }

  /** Jobs the workers hold at once: size × perWorker. */
  get capacity(): number {
    return this.size * this.perWorker;
  }

  /** Runs `job` on the next free worker; resolves with what it posts back. */
  run(job: Job): Promise<Result> {
    if (this.closed) return Promise.reject(new Error("the pool is closed"));
    if (!this.slots.length) for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ id: this.next++, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker (jobs not started are rejected): each exits by itself once its set-up and jobs are done. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error("the pool was closed"));
    await Promise.all(
      this.slots.map(
        ({ worker }) =>
          new Promise<void>((done) => {
            worker.once("exit", () => done());
            worker.postMessage({ close: true });
          }),
      ),
    );
  }

  private spawn(): Slot<Result> {
    const worker = new Worker(this.module, { workerData: this.workerData });
    const slot: Slot<Result> = { worker, busy: new Map() };
    worker.on("message", ({ id, result }: { id: number; result: Result }) => {
      const pending = slot.busy.get(id);
      slot.busy.delete(id);
      pending?.resolve(result);
      this.dispatch();
    });
    let dead = false;
    const fail = (error: Error) => {
      if (dead) return;
      dead = true;
      for (const pending of slot.busy.values()) pending.reject(error);
      slot.busy.clear();
      if (this.closed) return;
      // a worker that died is replaced, so one chart that crashes it fails alone
      this.slots[this.slots.indexOf(slot)] = this.spawn();
      this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!this.closed && code !== 0) fail(new Error(`a render worker exited with code ${code}`));
    });
    return slot;
  }

  private dispatch(): void {
    for (let round = 0; round < this.perWorker; round++) {
      for (const slot of this.slots) {
        if (!this.queue.length) return;
        if (slot.busy.size > round) continue;
        const pending = this.queue.shift()!;
        slot.busy.set(pending.id, pending);
        slot.worker.postMessage({ id: pending.id, job: pending.job });
      }
    }
  }
}

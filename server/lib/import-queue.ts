// One import at a time per server process. An import holds a file's parsed rows, its checks and a
// long transaction; two at once doubled the memory (two bombs together ran the heap out). Later
// ones wait in a short queue, told their place ("导入排队中"); when the queue is full, or the wait
// runs out, they are refused with 429 import_busy and nothing is read or written. The queue is
// short because a waiting upload keeps its bytes (up to 20 MB each) in memory.
import { AppError } from './errors.js';

export type ImportQueueLimits = {
  /** Imports that may wait behind the running one. */
  maxWaiting: number;
  /** How long one may wait before it is refused. */
  maxWaitMs: number;
};

/** The server's queue limits (README.md, "Upload limits"). */
export const IMPORT_QUEUE_LIMITS: ImportQueueLimits = { maxWaiting: 3, maxWaitMs: 120_000 };

type Waiter = { start: () => void; onQueued?: (ahead: number) => void };

export class ImportQueue {
  private running = false;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limits: ImportQueueLimits = IMPORT_QUEUE_LIMITS) {}

  /** Imports running (0 or 1) and waiting, for tests and the health of the server. */
  get size(): { running: number; waiting: number } {
    return { running: this.running ? 1 : 0, waiting: this.waiting.length };
  }

  /**
   * Runs `task` when no other import runs. While it waits, `onQueued` is told how many imports are
   * ahead of it (the running one included), again whenever that changes.
   */
  async run<T>(task: () => Promise<T>, onQueued?: (ahead: number) => void): Promise<T> {
    if (this.running) await this.wait(onQueued);
    else this.running = true;
    try {
      return await task();
    } finally {
      this.next();
    }
  }

  private wait(onQueued?: (ahead: number) => void): Promise<void> {
    if (this.waiting.length >= this.limits.maxWaiting) {
      throw new AppError('import_busy', {
        messageKey: 'import.queue.busy',
        params: { running: 1, waiting: this.waiting.length },
        details: { running: 1, waiting: this.waiting.length },
      });
    }
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        this.tellPlaces();
        reject(
          new AppError('import_busy', {
            messageKey: 'import.queue.timeout',
            params: { seconds: Math.round(this.limits.maxWaitMs / 1000) },
          }),
        );
      }, this.limits.maxWaitMs);
      const waiter: Waiter = {
        start: () => {
          clearTimeout(timer);
          resolve();
        },
        onQueued,
      };
      this.waiting.push(waiter);
      onQueued?.(this.waiting.length);
    });
  }

  /** The running import ended: the first waiting one starts (the slot passes on without a gap). */
  private next(): void {
    const first = this.waiting.shift();
    if (!first) {
      this.running = false;
      return;
    }
    first.start();
    this.tellPlaces();
  }

  private tellPlaces(): void {
    this.waiting.forEach((w, i) => w.onQueued?.(i + 1));
  }
}

/** The one queue of this server process: the figures and the enterprise imports share it. */
export const importQueue = new ImportQueue();

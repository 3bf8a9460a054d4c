import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './errors.js';
import { ImportQueue } from './import-queue.js';

/** A task that runs until the test lets it finish. */
function held() {
  let release = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { task: () => done, release };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ImportQueue', () => {
  it('runs one import at a time, in arrival order, telling the waiting ones their place', async () => {
    const queue = new ImportQueue({ maxWaiting: 3, maxWaitMs: 60_000 });
    const order: string[] = [];
    const first = held();
    const places: Record<string, number[]> = { b: [], c: [] };
    const a = queue.run(async () => {
      order.push('a start');
      await first.task();
      order.push('a end');
    });
    const b = queue.run(
      async () => order.push('b'),
      (ahead) => places.b?.push(ahead),
    );
    const c = queue.run(
      async () => order.push('c'),
      (ahead) => places.c?.push(ahead),
    );
    expect(queue.size).toEqual({ running: 1, waiting: 2 });
    first.release();
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a start', 'a end', 'b', 'c']);
    expect(places).toEqual({ b: [1], c: [2, 1] });
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses with 429 import_busy when the queue is full, and passes the slot on after a failure', async () => {
    const queue = new ImportQueue({ maxWaiting: 1, maxWaitMs: 60_000 });
    const first = held();
    const a = queue.run(async () => {
      await first.task();
      throw new Error('broken file');
    });
    const b = queue.run(async () => 'b done');
    const refused = await queue.run(async () => 'never').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'import_busy', status: 429, messageKey: 'import.queue.busy' });
    first.release();
    await expect(a).rejects.toThrow('broken file');
    await expect(b).resolves.toBe('b done');
  });

  it('refuses a waiting import with 429 when its wait runs out, and it never runs', async () => {
    vi.useFakeTimers();
    const queue = new ImportQueue({ maxWaiting: 2, maxWaitMs: 1_000 });
    const first = held();
    const a = queue.run(first.task);
    let ran = false;
    const b = queue.run(async () => {
      ran = true;
    });
    const outcome = b.catch((err: unknown) => err);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(await outcome).toMatchObject({ code: 'import_busy', messageKey: 'import.queue.timeout', params: { seconds: 1 } });
    expect(queue.size).toEqual({ running: 1, waiting: 0 });
    first.release();
    await a;
    expect(ran).toBe(false);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });
});

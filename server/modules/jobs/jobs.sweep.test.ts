// The workers' sweep: ended jobs past the retention are deleted (queued and running ones never), an
// ended job never keeps its file, and a running job whose instance stopped beating is failed with a
// message in its starter's language. Times are set on the database's clock (no waiting).
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { updateHeartbeat } from './jobs.queries.js';
import { createJobRunner } from './jobs.runner.js';
import { createJob, sweepJobs } from './jobs.service.js';

const t = useTestApp({ env: { JOB_WORKERS: 'false' } });

const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** A job of the system actor in `locale`, then set by SQL (`set` is trusted test text). */
async function jobWith(set: string, locale: 'zh-CN' | 'en' = 'zh-CN', file = false): Promise<string> {
  const { id } = await createJob(t.database.db, SYSTEM_ACTOR, {
    kind: 'period_publish',
    input: { period: '2023-06' },
    locale,
    ...(file ? { file: { data: Buffer.from('a,b\n'), fileName: 'f.csv' } } : {}),
  });
  if (set) await t.database.pool.query(`UPDATE jobs SET ${set} WHERE id = $1`, [id]);
  return id;
}

async function statusOf(id: string): Promise<{ status: string; message: string; error: unknown } | null> {
  const { rows } = await t.database.pool.query<{ status: string; message: string; error: unknown }>(
    'SELECT status, message, error FROM jobs WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

const ended = (status: 'succeeded' | 'failed', daysAgo: number) =>
  `status = '${status}', progress = 100, file = NULL, started_at = now() - interval '${daysAgo} days', finished_at = now() - interval '${daysAgo} days'`;
const running = (beatSecondsAgo: number) =>
  `status = 'running', started_at = now() - interval '1 hour', heartbeat_at = now() - interval '${beatSecondsAgo} seconds'`;

describe('the job sweep', () => {
  it('deletes ended jobs finished before the retention, keeps younger ones and every queued or running job', async () => {
    await t.database.pool.query('DELETE FROM jobs');
    const old = await jobWith(ended('succeeded', 31));
    const oldFailed = await jobWith(ended('failed', 45));
    const young = await jobWith(ended('succeeded', 29));
    const queued = await jobWith(`created_at = now() - interval '60 days'`);
    const busy = await jobWith(running(5));
    const swept = await sweepJobs(t.database.db, { retentionDays: 30, staleSeconds: null });
    expect(swept).toEqual({ deleted: 2, failed: [] });
    expect(await statusOf(old)).toBeNull();
    expect(await statusOf(oldFailed)).toBeNull();
    expect((await statusOf(young))?.status).toBe('succeeded');
    expect((await statusOf(queued))?.status).toBe('queued');
    expect((await statusOf(busy))?.status).toBe('running');
  });

  it('never keeps the uploaded bytes of an ended job (the database refuses it)', async () => {
    const withFile = await jobWith('', 'zh-CN', true);
    await expect(t.database.pool.query(`UPDATE jobs SET status = 'succeeded' WHERE id = $1`, [withFile])).rejects.toThrow(
      /jobs_file_check/,
    );
    const { rows } = await t.database.pool.query<{ bytes: number }>('SELECT length(file)::int AS bytes FROM jobs WHERE id = $1', [
      withFile,
    ]);
    expect(rows).toEqual([{ bytes: 4 }]);
  });

  it('fails running jobs whose heartbeat is older than the limit, in the starter’s language; fresh ones keep running', async () => {
    await t.database.pool.query('DELETE FROM jobs');
    const stale = await jobWith(running(300));
    const staleEn = await jobWith(running(121), 'en');
    const fresh = await jobWith(running(30));
    const swept = await sweepJobs(t.database.db, { retentionDays: 30, staleSeconds: 120 });
    expect(swept.failed.sort()).toEqual([stale, staleEn].sort());
    expect(await statusOf(stale)).toEqual({
      status: 'failed',
      message: '执行该任务的服务实例已 120 秒无响应（可能已崩溃），任务已终止，请重新发起。',
      error: { code: 'internal_error', message: '执行该任务的服务实例已 120 秒无响应（可能已崩溃），任务已终止，请重新发起。' },
    });
    expect((await statusOf(staleEn))?.message).toBe(
      'The server instance running this job stopped responding for 120 s (it may have crashed); the job was stopped. Start it again.',
    );
    expect((await statusOf(fresh))?.status).toBe('running');
    // A failed job is not swept again, and without a limit (the embedded database) nothing is failed.
    expect((await sweepJobs(t.database.db, { retentionDays: 30, staleSeconds: 120 })).failed).toEqual([]);
    expect((await sweepJobs(t.database.db, { retentionDays: 30, staleSeconds: null })).failed).toEqual([]);
  });

  it('a beat from the running instance makes the job fresh again; a beat from another instance changes nothing', async () => {
    const id = await jobWith(`${running(300)}, runner = 'instance-a'`);
    await updateHeartbeat(t.database.db, id, 'instance-b');
    const age = async () =>
      (
        await t.database.pool.query<{ seconds: number }>(
          'SELECT extract(epoch FROM now() - heartbeat_at)::int AS seconds FROM jobs WHERE id = $1',
          [id],
        )
      ).rows[0]?.seconds;
    expect(await age()).toBeGreaterThanOrEqual(300);
    await updateHeartbeat(t.database.db, id, 'instance-a');
    expect(await age()).toBeLessThan(60);
    expect((await sweepJobs(t.database.db, { retentionDays: 30, staleSeconds: 120 })).failed).not.toContain(id);
  });

  it('an instance with workers sweeps when it starts (PostgreSQL: stale jobs failed; embedded: every running job failed as interrupted)', async () => {
    await t.database.pool.query('DELETE FROM jobs');
    const stale = await jobWith(running(300));
    const fresh = await jobWith(running(10));
    const old = await jobWith(ended('failed', 40));
    const runner = createJobRunner(t.database, { workers: true, log: { error: () => undefined }, retentionDays: 30, staleSeconds: 120 });
    closers.push(() => runner.stop());
    await runner.start();
    expect(await statusOf(old)).toBeNull();
    expect((await statusOf(stale))?.status).toBe('failed');
    // One process on the embedded database: a job left running is from a stopped process, whatever its beat.
    expect((await statusOf(fresh))?.status).toBe(t.database.kind === 'postgresql' ? 'running' : 'failed');
    await runner.stop();
  });
});

// More than one instance: a job started on an instance that runs no workers is run by another
// (PostgreSQL: a second runner on its own connection pool, as a second app instance would have).
// The embedded database is one process: a job queued when it stopped is run at the next start.
import { afterAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/contracts/jobs.js';
import { openDatabase } from '../../db/client.js';
import { useTestApp } from '../../test/app.js';
import { buildEnterprise } from '../../test/factories/enterprises.js';
import { monthlyOutputCsv, postImport } from '../../test/factories/figures.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { createJobRunner } from './jobs.runner.js';
import { createJob } from './jobs.service.js';

// This app is instance A: it starts jobs but runs none (JOB_WORKERS=false; on the embedded database it runs what it starts).
const t = useTestApp({
  env: { JOB_WORKERS: 'false' },
  users: { office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] } },
});
const { office } = t.users;

const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

async function job(id: string): Promise<Job> {
  const res = await t.get(`/api/jobs/${id}`, office);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Job>();
}

/** Reads the job until it has ended (the test's own time limit bounds the wait). */
async function ended(id: string): Promise<Job> {
  for (;;) {
    const read = await job(id);
    if (read.status === 'succeeded' || read.status === 'failed') return read;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a job and the instances', () => {
  it('a job started where no worker runs is run by another runner', async () => {
    const firm = await buildEnterprise(t.database.db);
    const file = monthlyOutputCsv([[firm, '2024-09', 7_000]]);
    const log = { error: () => undefined };
    if (t.database.kind === 'postgresql') {
      const { id } = (await postImport(t.app, office, file, { dryRun: true, job: true })).json<Job>();
      // Nobody runs it yet: A runs no workers, B is not started.
      expect((await job(id)).status).toBe('queued');
      const databaseB = await openDatabase({ kind: 'postgresql', url: t.database.url ?? '', poolSize: 2 });
      const runnerB = createJobRunner(databaseB, { workers: true, log });
      closers.push(
        () => databaseB.close(),
        () => runnerB.stop(),
      );
      await runnerB.start();
      const done = await ended(id);
      expect(done).toMatchObject({ status: 'succeeded', runner: runnerB.name });
      expect(done.result?.body).toMatchObject({ rows: 1, created: 1, written: false });
    } else {
      const queued = await createJob(t.database.db, SYSTEM_ACTOR, {
        kind: 'figures_import',
        input: { dryRun: true, acceptWarnings: false, unit: '元' },
        locale: 'zh-CN',
        file: { data: file, fileName: 'x.csv' },
      });
      expect((await t.database.pool.query('SELECT status FROM jobs WHERE id = $1', [queued.id])).rows).toEqual([{ status: 'queued' }]);
      const next = createJobRunner(t.database, { workers: true, log });
      await next.start();
      await next.stop();
      const [row] = (await t.database.pool.query('SELECT status, runner, result FROM jobs WHERE id = $1', [queued.id])).rows;
      expect(row).toMatchObject({ status: 'succeeded', runner: next.name, result: { status: 200, body: { rows: 1, created: 1 } } });
    }
  });
});

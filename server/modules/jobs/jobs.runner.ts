// Which instance runs a job.
//
// - PostgreSQL: pg-boss (a queue in its own schema `pgboss` of the same database). The starting
//   instance writes the job row and sends pg-boss its id; any instance with workers on
//   (JOB_WORKERS=true) fetches it, claims the row and runs it, one job at a time per instance. So a
//   job started on an instance without workers (or one that stops) is run by another.
// - Embedded database (PGlite): one process by construction (the data-dir lock), and its one socket
//   connection cannot give pg-boss a pool of its own. An in-process runner with the same table and
//   interface runs jobs one after another; at start it fails jobs a stopped process left running and
//   runs the queued ones. JOB_WORKERS=false leaves jobs queued until a start with workers (the tests'
//   default, so a background job never writes while a test counts rows).
import crypto from 'node:crypto';
import os from 'node:os';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.js';
import { failInterrupted, selectQueuedIds } from './jobs.queries.js';
import { executeJob } from './jobs.service.js';
import { translate } from '../../../shared/i18n/index.js';

export type JobLog = { error: (obj: object, msg: string) => void };

export type JobRunner = {
  /** This instance's name in the jobs it runs (host, process, a random part). */
  readonly name: string;
  /** Tells the queue a job row was written. */
  dispatch: (id: string) => Promise<void>;
  /** Starts running jobs (PostgreSQL: only with workers on). */
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** Progress of jobs running in this process, fresher than their row while a transaction holds it. */
  live: (id: string) => { progress: number; message: string } | undefined;
};

const QUEUE = 'chainchief-jobs';

function instanceName(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
}

function liveProgress() {
  const running = new Map<string, { progress: number; message: string }>();
  return {
    running,
    onProgress: (id: string, progress: number, message: string) => void running.set(id, { progress, message }),
    live: (id: string) => running.get(id),
  };
}

function inProcessRunner(database: Database, workers: boolean, log: JobLog): JobRunner {
  const name = instanceName();
  const progress = liveProgress();
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = (id: string) => {
    chain = chain.then(async () => {
      if (stopped) return;
      try {
        await executeJob(database.db, id, name, {
          onProgress: progress.onProgress,
          onUnexpected: (err) => log.error({ err }, 'job failed'),
        });
      } catch (err) {
        log.error({ err }, 'job runner failed');
      } finally {
        progress.running.delete(id);
      }
    });
  };
  return {
    name,
    live: progress.live,
    dispatch: async (id) => {
      if (workers) run(id);
    },
    start: async () => {
      if (!workers) return;
      const error = { code: 'internal_error', message: translate('zh-CN', 'jobs.error.interrupted') };
      await failInterrupted(database.db, error, translate('zh-CN', 'jobs.error.interrupted'));
      for (const id of await selectQueuedIds(database.db)) run(id);
    },
    stop: async () => {
      stopped = true;
      await chain;
    },
  };
}

function pgBossRunner(database: Database & { url: string }, workers: boolean, log: JobLog): JobRunner {
  const name = instanceName();
  const progress = liveProgress();
  let boss: PgBoss | null = null;
  let starting: Promise<PgBoss> | null = null;
  const open = () => {
    starting ??= (async () => {
      const b = new PgBoss({
        connectionString: database.url,
        max: 2,
        schedule: false,
        application_name: `chainchief-jobs ${name}`,
      });
      b.on('error', (err) => log.error({ err }, 'job queue error'));
      await b.start();
      // Idempotent: every instance creates the queue it uses.
      if (!(await b.getQueue(QUEUE))) await b.createQueue(QUEUE).catch(() => undefined);
      boss = b;
      return b;
    })();
    return starting;
  };
  return {
    name,
    live: progress.live,
    dispatch: async (id) => {
      // Run once: a job that failed is failed for its starter to see, not tried again.
      await (await open()).send(QUEUE, { id }, { retryLimit: 0, expireInHours: 2 });
    },
    start: async () => {
      if (!workers) return;
      const b = await open();
      await b.work<{ id: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (!job) return;
        try {
          await executeJob(database.db, job.data.id, name, {
            onProgress: progress.onProgress,
            onUnexpected: (err) => log.error({ err }, 'job failed'),
          });
        } finally {
          progress.running.delete(job.data.id);
        }
      });
    },
    stop: async () => {
      if (!starting) return;
      await starting.catch(() => undefined);
      await boss?.stop({ graceful: true, wait: true, timeout: 15_000 }).catch(() => undefined);
      boss = null;
      starting = null;
    },
  };
}

/** The runner of the database: pg-boss on PostgreSQL, in-process on the embedded database. */
export function createJobRunner(database: Database, options: { workers: boolean; log: JobLog }): JobRunner {
  if (database.kind === 'postgresql' && database.url) return pgBossRunner({ ...database, url: database.url }, options.workers, options.log);
  return inProcessRunner(database, options.workers, options.log);
}

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
// - Either way an instance with workers sweeps at start and every minute: ended jobs past
//   JOB_RETENTION_DAYS are deleted; on PostgreSQL a running job whose heartbeat (written every 15 s by
//   its instance) is older than JOB_STALE_SECONDS is failed, its instance gone. The embedded database
//   writes no beat (its one connection may be held by the job's own transaction).
import crypto from 'node:crypto';
import os from 'node:os';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.js';
import { failInterrupted, selectQueuedIds } from './jobs.queries.js';
import { executeJob, sweepJobs, type SweepRules } from './jobs.service.js';
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
/** How often a running job's instance beats (PostgreSQL). */
const HEARTBEAT_MS = 15_000;
/** How often an instance with workers sweeps. */
const SWEEP_MS = 60_000;

export type JobRunnerOptions = {
  workers: boolean;
  log: JobLog;
  /** The sweep's rules (defaults: 30 days, 120 s). */
  retentionDays?: number;
  staleSeconds?: number;
};

/** Sweeps now and then every minute until stopped (one timer that never keeps the process alive). */
function sweeper(database: Database, rules: SweepRules, log: JobLog) {
  let timer: NodeJS.Timeout | null = null;
  const sweep = () =>
    sweepJobs(database.db, rules).catch((err: unknown) => {
      log.error({ err }, 'job sweep failed');
    });
  return {
    start: async () => {
      await sweep();
      timer = setInterval(() => void sweep(), SWEEP_MS);
      timer.unref();
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

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

function inProcessRunner(database: Database, workers: boolean, log: JobLog, retentionDays: number): JobRunner {
  const name = instanceName();
  const sweeps = sweeper(database, { retentionDays, staleSeconds: null }, log);
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
      await sweeps.start();
    },
    stop: async () => {
      sweeps.stop();
      stopped = true;
      await chain;
    },
  };
}

function pgBossRunner(database: Database & { url: string }, workers: boolean, log: JobLog, rules: SweepRules): JobRunner {
  const name = instanceName();
  const sweeps = sweeper(database, rules, log);
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
            heartbeatMs: HEARTBEAT_MS,
          });
        } finally {
          progress.running.delete(job.data.id);
        }
      });
      await sweeps.start();
    },
    stop: async () => {
      sweeps.stop();
      if (!starting) return;
      await starting.catch(() => undefined);
      await boss?.stop({ graceful: true, wait: true, timeout: 15_000 }).catch(() => undefined);
      boss = null;
      starting = null;
    },
  };
}

/** The runner of the database: pg-boss on PostgreSQL, in-process on the embedded database. */
export function createJobRunner(database: Database, options: JobRunnerOptions): JobRunner {
  const retentionDays = options.retentionDays ?? 30;
  if (database.kind === 'postgresql' && database.url) {
    const rules = { retentionDays, staleSeconds: options.staleSeconds ?? 120 };
    return pgBossRunner({ ...database, url: database.url }, options.workers, options.log, rules);
  }
  return inProcessRunner(database, options.workers, options.log, retentionDays);
}

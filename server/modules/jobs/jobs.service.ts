// Long jobs: a row per job (server/db/schema-jobs.ts) that the starting instance writes and the
// running instance updates; the runner (jobs.runner.ts) decides which instance runs it. The job acts
// as its starter (the actor as they were when they started it), through the same services as the
// synchronous routes, so checks, scope and audit are those of the routes.
import { job, JOB_KINDS, type Job, type JobKind } from '../../../shared/contracts/jobs.js';
import { z } from 'zod';
import { translate, type Locale } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { AppError, toAppError } from '../../lib/errors.js';
import { errorBody } from '../../lib/http.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { JOB_HANDLERS, type JobAnswer } from './jobs.handlers.js';
import {
  claimJob,
  deleteEndedBefore,
  failStale,
  finishJob,
  insertJob,
  selectJob,
  updateHeartbeat,
  updateProgress,
  type JobRow,
} from './jobs.queries.js';

/** An answer of 400 or more carries the one error format beside its report. */
const answerErrorSchema = z.object({ error: job.shape.error.unwrap() });

/** How often a running job writes its progress (at most), besides its first and last report. */
const PROGRESS_EVERY_MS = 250;

export type StartJob = { kind: JobKind; input: Record<string, unknown>; locale: Locale; file?: { data: Buffer; fileName: string | null } };

/** The row as the API shows it (its kind, status, result and error checked against the contract). */
function present(row: Omit<JobRow, 'file'>): Job {
  const iso = (d: Date | null) => (d === null ? null : d.toISOString());
  return job.parse({
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    message: row.message,
    result: row.result ?? null,
    error: row.error ?? null,
    startedBy: { id: row.startedBy, name: row.startedByName },
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    runner: row.runner,
  });
}

/** Writes a queued job (the runner is told by the caller). */
export async function createJob(db: Db, actor: Actor, start: StartJob): Promise<Job> {
  const { ip: _ip, ...who } = actor;
  const row = await db.transaction(async (tx) => {
    const created = await insertJob(tx, {
      kind: start.kind,
      input: { ...start.input, locale: start.locale },
      actor: who,
      file: start.file?.data ?? null,
      fileName: start.file?.fileName ?? null,
      startedBy: actor.system ? null : actor.id,
      startedByName: actor.displayName,
      message: translate(start.locale, 'jobs.message.queued'),
    });
    // The start is audited here; what the job does is audited by the service it calls, as the starter.
    await recordAudit(tx, actor, {
      action: 'job_start',
      entity: 'jobs',
      entityId: created.id,
      after: { kind: start.kind, input: start.input, fileName: start.file?.fileName ?? null, fileBytes: start.file?.data.length ?? null },
    });
    return created;
  });
  return present(row);
}

/**
 * Starts a job for its route (after the route's access checks): the row with the starter and the
 * file, then the queue told. Answers the queued job (the route's 202).
 */
export async function startJob(db: Db, queue: { dispatch: (id: string) => Promise<void> }, actor: Actor, start: StartJob): Promise<Job> {
  const started = await createJob(db, actor, start);
  await queue.dispatch(started.id);
  return started;
}

/** `GET /api/jobs/:id`: only its starter and admins see a job; anyone else gets 404 as for an unknown one. */
export async function getJob(
  db: Db,
  actor: Actor,
  id: string,
  live?: (id: string) => Pick<Job, 'progress' | 'message'> | undefined,
): Promise<Job> {
  const row = await selectJob(db, id);
  if (!row || (actor.role !== 'admin' && row.startedBy !== actor.id))
    throw new AppError('not_found', { messageKey: 'jobs.error.notFound', params: { id } });
  const job = present(row);
  // Progress this process holds but could not write yet (the embedded database's one connection is inside the job's transaction).
  const fresher = job.status === 'running' ? live?.(id) : undefined;
  return fresher && fresher.progress > job.progress ? { ...job, ...fresher } : job;
}

/**
 * Runs a queued job if nobody took it yet: claims it for `runner`, runs its handler with progress
 * written at most every 250 ms, and stores the answer. A handler's refusal or error is the job's
 * error, in the starter's language; an answer of 400 or more (an import with row errors) is a
 * failed job whose result is that answer.
 */
export async function executeJob(
  db: Db,
  id: string,
  runner: string,
  hooks: {
    onProgress?: (id: string, percent: number, message: string) => void;
    onUnexpected?: (err: unknown) => void;
    /** Beat every so many ms while the job runs (PostgreSQL: the stale sweep fails a job whose beat stopped). */
    heartbeatMs?: number;
  } = {},
): Promise<'ran' | 'taken'> {
  const row = await claimJob(db, id, runner);
  if (!row) return 'taken';
  const beat = hooks.heartbeatMs ? setInterval(() => void updateHeartbeat(db, id, runner).catch(() => undefined), hooks.heartbeatMs) : null;
  try {
    return await runClaimed(db, row, hooks);
  } finally {
    if (beat) clearInterval(beat);
  }
}

async function runClaimed(
  db: Db,
  row: JobRow,
  hooks: { onProgress?: (id: string, percent: number, message: string) => void; onUnexpected?: (err: unknown) => void },
): Promise<'ran'> {
  const { id } = row;
  const input = z.record(z.string(), z.unknown()).parse(row.input);
  const locale: Locale = input.locale === 'en' ? 'en' : 'zh-CN';
  // Progress writes go one after the other; the end waits for them, so a late one never overwrites it.
  let writes: Promise<void> = Promise.resolve();
  let lastWrite = 0;
  let lastPercent = -1;
  const progress = (percent: number, message: string) => {
    const bounded = Math.max(0, Math.min(99, Math.round(percent)));
    hooks.onProgress?.(id, bounded, message);
    const now = Date.now();
    if (bounded === lastPercent || (now - lastWrite < PROGRESS_EVERY_MS && lastWrite !== 0)) return;
    lastWrite = now;
    lastPercent = bounded;
    writes = writes.then(() => updateProgress(db, id, bounded, message)).catch(() => undefined);
  };
  progress(1, translate(locale, 'jobs.message.running'));
  let answer: JobAnswer | null = null;
  let failure: ReturnType<typeof errorBody>['error'] | null = null;
  try {
    answer = await JOB_HANDLERS[z.enum(JOB_KINDS).parse(row.kind)]({
      db,
      actor: row.actor as Actor, // written by createJob from the starter's session (minus the address)
      input,
      file: row.file,
      fileName: row.fileName,
      locale,
      progress,
    });
  } catch (err) {
    const { error, unexpected } = toAppError(err);
    if (unexpected) hooks.onUnexpected?.(err);
    failure = errorBody(error, locale).error;
  }
  await writes;
  const answerError = answer && answer.status >= 400 ? (answerErrorSchema.safeParse(answer.body).data?.error ?? null) : null;
  const error = failure ?? answerError;
  await finishJob(db, id, {
    status: error ? 'failed' : 'succeeded',
    message: error ? translate(locale, 'jobs.message.failed', { reason: error.message }) : translate(locale, 'jobs.message.succeeded'),
    result: answer,
    error,
  });
  return 'ran';
}

export type SweepRules = {
  /** Ended jobs are deleted this many days after they finished. */
  retentionDays: number;
  /** A running job whose beat is older than this is failed; null where no beat is written (the embedded database). */
  staleSeconds: number | null;
};

/**
 * The workers' sweep (any instance with workers, on a timer): deletes ended jobs past the retention
 * and fails running jobs whose instance stopped beating (pg-boss never retries them: a job runs once).
 * Idempotent, so several instances may sweep at once.
 */
export async function sweepJobs(db: Db, rules: SweepRules): Promise<{ deleted: number; failed: string[] }> {
  const failed =
    rules.staleSeconds === null
      ? []
      : await failStale(db, rules.staleSeconds, {
          'zh-CN': { code: 'internal_error', message: translate('zh-CN', 'jobs.error.stale', { seconds: rules.staleSeconds }) },
          en: { code: 'internal_error', message: translate('en', 'jobs.error.stale', { seconds: rules.staleSeconds }) },
        });
  return { deleted: await deleteEndedBefore(db, rules.retentionDays), failed };
}

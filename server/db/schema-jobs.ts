// Long jobs (imports, publication of a month, brief generation): one row per job, written by the
// instance that starts it and updated by the instance that runs it (server/modules/jobs). An
// uploaded file's bytes live in the row until the job ends, so any instance can run it; ended rows
// are deleted after the retention (JOB_RETENTION_DAYS) by the workers' sweep.
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { JOB_KINDS, JOB_STATUSES } from '../../shared/contracts/jobs.js';
import { inList } from './schema-checks.js';
import { createdAt, timestamptz } from './schema-columns.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    message: text('message').notNull().default(''),
    /** The job's options (and the starter's locale). */
    input: jsonb('input').notNull(),
    /** The starter as they were when they started it (role, scopes): the job acts as them. */
    actor: jsonb('actor').notNull(),
    /** The uploaded file, until the job ends. */
    file: bytea('file'),
    fileName: text('file_name'),
    result: jsonb('result'),
    error: jsonb('error'),
    startedBy: uuid('started_by'),
    startedByName: text('started_by_name').notNull(),
    runner: text('runner'),
    /** Written by the running instance while the job runs (PostgreSQL): a job whose beat stops is failed by a sweep. */
    heartbeatAt: timestamptz('heartbeat_at'),
    createdAt: createdAt(),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [
    inList('jobs_kind_check', t.kind, JOB_KINDS),
    inList('jobs_status_check', t.status, JOB_STATUSES),
    check('jobs_progress_check', sql`${t.progress} between 0 and 100`),
    // An ended job never keeps the uploaded bytes.
    check('jobs_file_check', sql`${t.status} in ('queued', 'running') or ${t.file} is null`),
    index('jobs_finished_idx').on(t.finishedAt),
    index('jobs_status_idx').on(t.status, t.createdAt),
    index('jobs_started_by_idx').on(t.startedBy, t.createdAt),
  ],
);

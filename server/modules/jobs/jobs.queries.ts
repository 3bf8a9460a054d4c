// The jobs table (server/db/schema-jobs.ts): every SQL of the job queue.
import { and, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { jobs } from '../../db/schema.js';

export type JobRow = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;

export async function insertJob(db: Db, row: NewJob): Promise<JobRow> {
  const [created] = await db.insert(jobs).values(row).returning();
  if (!created) throw new Error('job insert returned no row');
  return created;
}

/** A job without its file's bytes. */
export async function selectJob(db: Db, id: string): Promise<Omit<JobRow, 'file'> | null> {
  const { file: _file, ...columns } = getTableColumns(jobs);
  const [row] = await db.select(columns).from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

/** Takes a queued job for `runner` (null when another runner took it first, or it is gone). */
export async function claimJob(db: Db, id: string, runner: string): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set({ status: 'running', runner, startedAt: sql`now()`, heartbeatAt: sql`now()`, message: '' })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'queued')))
    .returning();
  return row ?? null;
}

export async function updateProgress(db: Db, id: string, progress: number, message: string): Promise<void> {
  await db
    .update(jobs)
    .set({ progress, message })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

/** Ends a job: its result or error, the file's bytes let go. */
export async function finishJob(
  db: Db,
  id: string,
  end: { status: 'succeeded' | 'failed'; message: string; result: unknown; error: unknown },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: end.status,
      progress: 100,
      message: end.message,
      result: end.result ?? null,
      error: end.error ?? null,
      file: null,
      finishedAt: sql`now()`,
    })
    .where(eq(jobs.id, id));
}

/** Queued jobs, oldest first (the in-process runner picks them up after a restart). */
export async function selectQueuedIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.status, 'queued')).orderBy(jobs.createdAt);
  return rows.map((r) => r.id);
}

/** Jobs left running by a process that stopped (embedded database: one process, so every one of them). */
export async function failInterrupted(db: Db, error: unknown, message: string): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', error, message, file: null, finishedAt: sql`now()` })
    .where(eq(jobs.status, 'running'))
    .returning({ id: jobs.id });
  return rows.length;
}

/** The running instance's beat: the job is still being run (by `runner`). */
export async function updateHeartbeat(db: Db, id: string, runner: string): Promise<void> {
  await db
    .update(jobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.runner, runner)));
}

/**
 * Jobs `running` whose instance stopped beating more than `staleSeconds` ago by the database's clock
 * (its process crashed or lost the database): failed, with the error in the starter's language.
 */
export async function failStale(
  db: Db,
  staleSeconds: number,
  failure: Record<'zh-CN' | 'en', { code: string; message: string }>,
): Promise<string[]> {
  const english = sql`${jobs.input}->>'locale' = 'en'`;
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      error: sql`case when ${english} then ${JSON.stringify(failure.en)}::jsonb else ${JSON.stringify(failure['zh-CN'])}::jsonb end`,
      message: sql`case when ${english} then ${failure.en.message} else ${failure['zh-CN'].message} end`,
      file: null,
      finishedAt: sql`now()`,
    })
    .where(
      and(
        eq(jobs.status, 'running'),
        lt(sql`coalesce(${jobs.heartbeatAt}, ${jobs.startedAt})`, sql`now() - make_interval(secs => ${staleSeconds})`),
      ),
    )
    .returning({ id: jobs.id });
  return rows.map((r) => r.id);
}

/** Ended jobs (succeeded or failed) that finished more than `retentionDays` ago by the database's clock: deleted. */
export async function deleteEndedBefore(db: Db, retentionDays: number): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(inArray(jobs.status, ['succeeded', 'failed']), lt(jobs.finishedAt, sql`now() - make_interval(days => ${retentionDays})`)))
    .returning({ id: jobs.id });
  return rows.length;
}

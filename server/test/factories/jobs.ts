// Long jobs in API tests: read a job until it has ended, or start one with a file and wait for its end.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Job } from '../../../shared/contracts/jobs.js';
import type { Session } from '../app.js';
import { postFile } from './enterprises.js';

/** Reads the job as `session` until it has ended (the test's own time limit bounds the wait). */
export async function endedJob(app: FastifyInstance, session: Session, id: string): Promise<Job> {
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json<Job>();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a job by posting one file to its route as `session`, then reads it until it has ended. */
export async function endedFileJob(app: FastifyInstance, session: Session, url: string, fileName: string, data: Buffer): Promise<Job> {
  return endedJob(app, session, (await postFile(app, session, url, fileName, data)).json<Job>().id);
}

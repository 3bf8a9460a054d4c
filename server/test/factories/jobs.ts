// Long jobs in API tests: read a job until it has ended, post a file to an import route (synchronous or job).
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Job } from '../../../shared/contracts/jobs.js';
import type { Session } from '../app.js';
import { multipartFile } from './enterprises.js';

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

/** Posts one file (multipart, field `file`) to `url` as `session`. */
export function postFile(app: FastifyInstance, session: Session, url: string, fileName: string, data: Buffer) {
  const body = multipartFile(fileName, data);
  return app.inject({ method: 'POST', url, headers: { ...session.headers, ...body.headers }, payload: body.payload });
}

import type { jobsZhCN } from './jobs.zh-CN.js';

/** English messages of the long jobs (server/modules/jobs) and their progress in the web. */
export const jobsEn: Record<keyof typeof jobsZhCN, string> = {
  'jobs.error.notFound': 'Job {id} does not exist.',
  'jobs.error.interrupted': 'The job was interrupted while running (the server restarted); start it again.',
  'jobs.error.stale':
    'The server instance running this job stopped responding for {seconds} s (it may have crashed); the job was stopped. Start it again.',
  'jobs.message.queued': 'Waiting to run',
  'jobs.message.running': 'Running',
  'jobs.message.importQueued': 'Queued behind {ahead} import(s)',
  'jobs.message.importRead': '{done} rows read',
  'jobs.message.importCheck': 'Checking {total} rows',
  'jobs.message.importWrite': 'Writing {done}/{total}',
  'jobs.message.publish': 'Making the publication snapshot',
  'jobs.message.brief': 'Generating the brief',
  'jobs.message.succeeded': 'Done',
  'jobs.message.failed': 'Failed: {reason}',
  'jobs.syncLag': 'Data sync delay {seconds} s',
};

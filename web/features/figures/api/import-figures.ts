import {
  importProgress,
  importRejectedResponse,
  importReport,
  type ImportProgress,
  type ImportReport,
  type MoneyUnit,
} from '../../../../shared/contracts/figures';
import type { Job } from '../../../../shared/contracts/jobs';
import { runFileJob } from '../../../lib/jobs';
import { uploadFile } from '../../../lib/upload-file';
import { useImportMutation } from '../../../lib/api-query';

/** The largest file the server reads (checked here too, so nobody waits for a doomed upload). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export type ImportOptions = { dryRun: boolean; acceptWarnings: boolean; period?: string; unit: MoneyUnit };

export type ImportFiguresInput = {
  file: File;
  options: ImportOptions;
  csrfToken: string | null;
  /** Upload progress, 0–100; at 100 the server is still checking and writing. */
  onProgress?: (percent: number) => void;
  /** The server's progress once the file is up: rows read, checking, months written. */
  onServerProgress?: (progress: ImportProgress) => void;
};

export type ImportFiguresJobInput = {
  /** A new upload, or null to follow `resumeJobId` (a job started before the page was reloaded). */
  file: File | null;
  resumeJobId?: string;
  options: ImportOptions;
  csrfToken: string | null;
  onProgress?: (percent: number) => void;
  /** The job's id as soon as the server has it (kept so a reload can follow it). */
  onJob?: (id: string) => void;
  /** The job as read while it runs: status, percentage and what it does now. */
  onJobProgress?: (job: Job) => void;
};

function queryOf(options: ImportOptions): string {
  const query = new URLSearchParams({ dryRun: String(options.dryRun), acceptWarnings: String(options.acceptWarnings), unit: options.unit });
  if (options.period) query.set('period', options.period);
  return query.toString();
}

/** The synchronous import's answers: the report (200), or the report of a rejected file (400). */
function acceptReport(status: number, body: unknown): ImportReport | undefined {
  const report = status === 200 ? importReport.safeParse(body) : status === 400 ? importRejectedResponse.safeParse(body) : null;
  return report?.success ? report.data : undefined;
}

/**
 * Uploads a monthly-figures file (multipart) and returns the server's report, also when the file
 * has row errors (the server answers 400 with the report). Other failures reject with an ApiError.
 */
export function importFigures(input: ImportFiguresInput): Promise<ImportReport> {
  const { onServerProgress } = input;
  return uploadFile({
    url: `/api/figures/import?${queryOf(input.options)}${onServerProgress ? '&progress=true' : ''}`,
    file: input.file,
    csrfToken: input.csrfToken,
    onProgress: input.onProgress,
    onServerProgress: onServerProgress
      ? (line) => {
          const progress = importProgress.safeParse(line);
          if (progress.success) onServerProgress(progress.data);
        }
      : undefined,
    accept: acceptReport,
  });
}

/**
 * Uploads the file as a job (`POST /api/figures/import?job=true`, 202): the file is kept with the job
 * in the database and any server instance runs it; then follows the job to its report.
 */
export function importFiguresAsJob(input: ImportFiguresJobInput): Promise<ImportReport> {
  const { file, csrfToken, onProgress } = input;
  return runFileJob({
    start: file ? { url: `/api/figures/import?${queryOf(input.options)}&job=true`, file, csrfToken, onProgress } : null,
    resumeJobId: input.resumeJobId,
    onJob: input.onJob,
    onJobProgress: input.onJobProgress,
    accept: acceptReport,
  });
}

export function useImportFigures() {
  return useImportMutation(importFigures, ['figures']);
}

export function useImportFiguresJob() {
  return useImportMutation(importFiguresAsJob, ['figures']);
}

import { importReport, type ImportMode, type ImportReport } from '../../../../shared/contracts/enterprises';
import type { Job } from '../../../../shared/contracts/jobs';
import { acceptSuccess } from '../../../lib/upload-file';
import { useImportMutation } from '../../../lib/api-query';
import { runFileJob } from '../../../lib/jobs';

/** The largest file the server reads (checked here too, so nobody waits for a doomed upload). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export type EnterpriseImportOptions = {
  dryRun: boolean;
  /** add (default): years and nodes are only added; replace: the file's are the firms'. */
  mode: ImportMode;
  /** The year chain node changes take effect. */
  effectiveFromYear: number;
  /** Write although removals with figures behind them were reported (the user ticked the box). */
  acceptWarnings: boolean;
};

export type ImportEnterprisesJobInput = EnterpriseImportOptions & {
  /** A new upload, or null to follow `resumeJobId` (a job started before the page was reloaded). */
  file: File | null;
  resumeJobId?: string;
  csrfToken: string | null;
  onProgress?: (percent: number) => void;
  /** The job's id as soon as the server has it (kept so a reload can follow it). */
  onJob?: (id: string) => void;
  /** The job as read while it runs. */
  onJobProgress?: (job: Job) => void;
};

function queryOf(options: EnterpriseImportOptions): string {
  return new URLSearchParams({
    dryRun: String(options.dryRun),
    mode: options.mode,
    effectiveFromYear: String(options.effectiveFromYear),
    acceptWarnings: String(options.acceptWarnings),
  }).toString();
}

/**
 * Uploads an enterprise file as a job (`POST /api/jobs/enterprises-import`, 202; the file is kept with
 * the job and any server instance runs it) and follows it to the report. A real import with row errors
 * fails with an ApiError whose `details` is the report with every error (the synchronous route's 400).
 */
export function importEnterprisesAsJob(input: ImportEnterprisesJobInput): Promise<ImportReport> {
  const { file, csrfToken, onProgress } = input;
  return runFileJob({
    start: file ? { url: `/api/jobs/enterprises-import?${queryOf(input)}`, file, csrfToken, onProgress } : null,
    resumeJobId: input.resumeJobId,
    onJob: input.onJob,
    onJobProgress: input.onJobProgress,
    accept: acceptSuccess(importReport),
  });
}

export function useImportEnterprisesJob() {
  return useImportMutation(importEnterprisesAsJob, ['enterprises']);
}

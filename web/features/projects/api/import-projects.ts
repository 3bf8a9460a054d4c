import type { Job } from '../../../../shared/contracts/jobs';
import { projectImportReport, type ProjectImportReport } from '../../../../shared/contracts/projects';
import { runFileJob, useImportJob } from '../../../lib/jobs';
import { acceptSuccess } from '../../../lib/upload-file';

export type ImportProjectsInput = { file: File; kind: 'projects' | 'investment'; dryRun: boolean; csrfToken: string | null };

/**
 * Uploads a lead or monthly-investment file as a job (`POST /api/jobs/projects-import`, 202; any server
 * instance runs it) and follows it to the report (a dry run lists the row errors; a real import with
 * errors fails with an ApiError whose `details` is the report, the synchronous route's 400).
 */
export function importProjects(input: ImportProjectsInput, onJobProgress?: (job: Job) => void): Promise<ProjectImportReport> {
  const query = new URLSearchParams({ kind: input.kind, dryRun: String(input.dryRun) }).toString();
  return runFileJob({
    start: { url: `/api/jobs/projects-import?${query}`, file: input.file, csrfToken: input.csrfToken },
    onJobProgress,
    accept: acceptSuccess(projectImportReport),
  });
}

/** The import's mutation and its running job's progress. */
export function useImportProjects() {
  return useImportJob(importProjects, ['projects']);
}

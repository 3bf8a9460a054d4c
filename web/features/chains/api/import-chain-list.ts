import { chainListImportReport, type ChainListImportReport } from '../../../../shared/contracts/chain-prospects';
import type { Job } from '../../../../shared/contracts/jobs';
import { runFileJob, useImportJob } from '../../../lib/jobs';
import { acceptSuccess } from '../../../lib/upload-file';
import type { ChainListPath } from './save-chain-list-row';

export type ImportChainListInput = { code: string; list: ChainListPath; file: File; dryRun: boolean; csrfToken: string | null };

/**
 * Uploads a file of 招商目标企业 or 科技成果 as a job (`POST /api/jobs/chain-list-import/:code/:list`, 202)
 * and follows it to the report; a real import with errors fails with the report in its `details`.
 */
export function importChainList(input: ImportChainListInput, onJobProgress?: (job: Job) => void): Promise<ChainListImportReport> {
  return runFileJob({
    start: {
      url: `/api/jobs/chain-list-import/${encodeURIComponent(input.code)}/${input.list}?dryRun=${String(input.dryRun)}`,
      file: input.file,
      csrfToken: input.csrfToken,
    },
    onJobProgress,
    accept: acceptSuccess(chainListImportReport),
  });
}

/** The import's mutation and its running job's progress. */
export function useImportChainList(code: string) {
  return useImportJob(importChainList, ['chains', code]);
}

/** The list's template (a plain download with the session cookie). */
export function chainListTemplateHref(code: string, list: ChainListPath): string {
  return `/api/chains/${encodeURIComponent(code)}/${list}/import/template`;
}

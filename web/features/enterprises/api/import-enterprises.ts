import { importReport, type ImportMode, type ImportReport } from '../../../../shared/contracts/enterprises';
import { acceptSuccess, uploadFile } from '../../../lib/upload-file';
import { useImportMutation } from '../../../lib/api-query';

/** The largest file the server reads (checked here too, so nobody waits for a doomed upload). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export type ImportEnterprisesInput = {
  file: File;
  dryRun: boolean;
  /** add (default): years and nodes are only added; replace: the file's are the firms'. */
  mode: ImportMode;
  /** The year chain node changes take effect. */
  effectiveFromYear: number;
  /** Write although removals with figures behind them were reported (the user ticked the box). */
  acceptWarnings: boolean;
  csrfToken: string | null;
  /** Upload progress, 0–100. */
  onProgress?: (percent: number) => void;
};

/**
 * Uploads an enterprise file (multipart) and returns the server's report. A real import with row
 * errors fails with an ApiError whose `details` is the report with every error.
 */
export function importEnterprises(input: ImportEnterprisesInput): Promise<ImportReport> {
  return uploadFile({
    url: `/api/enterprises/import?${new URLSearchParams({
      dryRun: String(input.dryRun),
      mode: input.mode,
      effectiveFromYear: String(input.effectiveFromYear),
      acceptWarnings: String(input.acceptWarnings),
    }).toString()}`,
    file: input.file,
    csrfToken: input.csrfToken,
    onProgress: input.onProgress,
    accept: acceptSuccess(importReport),
  });
}

export function useImportEnterprises() {
  return useImportMutation(importEnterprises, ['enterprises']);
}

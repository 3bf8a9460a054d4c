import { useMutation, useQueryClient } from '@tanstack/react-query';
import { projectImportReport, type ProjectImportReport } from '../../../../shared/contracts/projects';
import { INLINE_ERROR_META } from '../../../lib/errors';
import { acceptSuccess, uploadFile } from '../../../lib/upload-file';

export type ImportProjectsInput = { file: File; kind: 'projects' | 'investment'; dryRun: boolean; csrfToken: string | null };

/**
 * Uploads a lead or monthly-investment file and returns the server's report (a dry run lists the row
 * errors; a real import with errors fails with an ApiError whose `details` is the report).
 */
export function importProjects(input: ImportProjectsInput): Promise<ProjectImportReport> {
  return uploadFile({
    url: `/api/projects/import?${new URLSearchParams({ kind: input.kind, dryRun: String(input.dryRun) }).toString()}`,
    file: input.file,
    csrfToken: input.csrfToken,
    accept: acceptSuccess(projectImportReport),
  });
}

export function useImportProjects() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: INLINE_ERROR_META,
    mutationFn: importProjects,
    onSuccess: (report) => {
      if (report.written) void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

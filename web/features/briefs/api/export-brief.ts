import { useMutation } from '@tanstack/react-query';
import type { BRIEF_EXPORT_FORMATS } from '../../../../shared/contracts/briefs';
import { apiDownload } from '../../../lib/api-client';
import { downloadBlob } from '../../../lib/download';

export type BriefExportFormat = (typeof BRIEF_EXPORT_FORMATS)[number];

/** Downloads a brief as .docx, .pdf (503 with the server's message when it has no converter) or .xlsx (every table). */
export async function exportBrief({ id, format }: { id: number; format: BriefExportFormat }): Promise<void> {
  const { blob, fileName } = await apiDownload(`/api/briefs/${id}/export/${format}`, `brief-${id}.${format}`);
  downloadBlob(blob, fileName);
}

/** The default error handler shows a refusal (a PDF without a converter) with the server's message. */
export function useExportBrief() {
  return useMutation({ mutationFn: exportBrief });
}

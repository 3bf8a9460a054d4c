import { chainListImportReport, type ChainListImportReport } from '../../../../shared/contracts/chain-prospects';
import { useImportMutation } from '../../../lib/api-query';
import { acceptSuccess, uploadFile } from '../../../lib/upload-file';
import type { ChainListPath } from './save-chain-list-row';

export type ImportChainListInput = { code: string; list: ChainListPath; file: File; dryRun: boolean; csrfToken: string | null };

/** Uploads a file of 招商目标企业 or 科技成果; a real import with errors fails with the report in its `details`. */
export function importChainList(input: ImportChainListInput): Promise<ChainListImportReport> {
  return uploadFile({
    url: `/api/chains/${encodeURIComponent(input.code)}/${input.list}/import?dryRun=${String(input.dryRun)}`,
    file: input.file,
    csrfToken: input.csrfToken,
    accept: acceptSuccess(chainListImportReport),
  });
}

export function useImportChainList(code: string) {
  return useImportMutation(importChainList, ['chains', code]);
}

/** The list's template (a plain download with the session cookie). */
export function chainListTemplateHref(code: string, list: ChainListPath): string {
  return `/api/chains/${encodeURIComponent(code)}/${list}/import/template`;
}

import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Which list of the chain: 目标企业 or 科技成果 (both take the same create and edit calls). */
export type ChainListPath = 'prospects' | 'research';

/** Adds a row to a chain's list (POST) or changes one (PATCH with its id and version). */
export function saveChainListRow({ code, list, id, body }: { code: string; list: ChainListPath; id: number | null; body: object }) {
  const base = `/api/chains/${encodeURIComponent(code)}/${list}`;
  return apiRequest(id === null ? base : `${base}/${id}`, {
    method: id === null ? 'POST' : 'PATCH',
    body,
    schema: z.object({ id: z.number() }),
  });
}

export function useSaveChainListRow(code: string) {
  return useApiMutation(saveChainListRow, ['chains', code], FORM_DIALOG_META);
}

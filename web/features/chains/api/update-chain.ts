import { chainDetail, type ChainDetail, type UpdateChainRequest } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Edits a chain's facts (admin; 链长/链办 for their chain, except the list fields). */
export function updateChain({ code, body }: { code: string; body: UpdateChainRequest }): Promise<ChainDetail> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}`, { method: 'PATCH', body, schema: chainDetail });
}

export function useUpdateChain() {
  return useApiMutation(updateChain, ['chains'], FORM_DIALOG_META);
}

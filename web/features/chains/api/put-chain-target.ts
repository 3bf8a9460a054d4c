import { chainTarget, type ChainTarget, type PutTargetRequest } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Sets a chain's output and growth target for one year (creates or replaces it). */
export function putChainTarget({ code, year, body }: { code: string; year: number; body: PutTargetRequest }): Promise<ChainTarget> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}/targets/${year}`, { method: 'PUT', body, schema: chainTarget });
}

export function usePutChainTarget() {
  return useApiMutation(putChainTarget, ['chains', 'detail'], FORM_DIALOG_META);
}

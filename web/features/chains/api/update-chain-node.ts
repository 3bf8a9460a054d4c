import { chainNodeFields, type ChainNodeFields, type UpdateNodeRequest } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Changes a node's name, stage, industry codes or position (its key stays). */
export function updateChainNode({ code, key, body }: { code: string; key: string; body: UpdateNodeRequest }): Promise<ChainNodeFields> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}/nodes/${encodeURIComponent(key)}`, {
    method: 'PATCH',
    body,
    schema: chainNodeFields,
  });
}

export function useUpdateChainNode() {
  return useApiMutation(updateChainNode, ['chains', 'detail'], FORM_DIALOG_META);
}

import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

export async function deleteChainEdge({ code, from, to }: { code: string; from: string; to: string }): Promise<void> {
  const path = [code, 'edges', from, to].map(encodeURIComponent).join('/');
  await apiRequest(`/api/chains/${path}`, { method: 'DELETE', schema: okResponse });
}

export function useDeleteChainEdge() {
  return useApiMutation(deleteChainEdge, ['chains', 'detail']);
}

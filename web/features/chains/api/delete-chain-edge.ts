import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';

export async function deleteChainEdge({ code, from, to }: { code: string; from: string; to: string }): Promise<void> {
  const path = [code, 'edges', from, to].map(encodeURIComponent).join('/');
  await apiRequest(`/api/chains/${path}`, { method: 'DELETE', schema: okResponse });
}

export function useDeleteChainEdge() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteChainEdge, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['chains', 'detail'] }) });
}

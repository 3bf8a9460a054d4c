import { useMutation, useQueryClient } from '@tanstack/react-query';
import { regionItem, type CreateRegionRequest, type RegionItem } from '../../../../shared/contracts/regions';
import { apiRequest } from '../../../lib/api-client';

/** Adds a region (admin). */
export function createRegion(body: CreateRegionRequest): Promise<RegionItem> {
  return apiRequest('/api/regions', { method: 'POST', body, schema: regionItem });
}

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createRegion, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['regions'] }) });
}

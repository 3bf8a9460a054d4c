import { useMutation, useQueryClient } from '@tanstack/react-query';
import { regionItem, type RegionItem, type UpdateRegionRequest } from '../../../../shared/contracts/regions';
import { apiRequest } from '../../../lib/api-client';
import type { Versioned } from '../../../lib/versioned';

/** Renames a region or changes its kind (admin); the code stays. */
export function updateRegion({ code, body }: { code: string; body: UpdateRegionRequest & Versioned }): Promise<RegionItem> {
  return apiRequest(`/api/regions/${encodeURIComponent(code)}`, { method: 'PATCH', body, schema: regionItem });
}

export function useUpdateRegion() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateRegion, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['regions'] }) });
}

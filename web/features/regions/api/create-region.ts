import { regionItem, type CreateRegionRequest, type RegionItem } from '../../../../shared/contracts/regions';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Adds a region (admin). */
export function createRegion(body: CreateRegionRequest): Promise<RegionItem> {
  return apiRequest('/api/regions', { method: 'POST', body, schema: regionItem });
}

export function useCreateRegion() {
  return useApiMutation(createRegion, ['regions']);
}

import { regionItem, type RegionItem, type UpdateRegionRequest } from '../../../../shared/contracts/regions';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Renames a region or changes its kind (admin); the code stays. */
export function updateRegion({ code, body }: { code: string; body: UpdateRegionRequest }): Promise<RegionItem> {
  return apiRequest(`/api/regions/${encodeURIComponent(code)}`, { method: 'PATCH', body, schema: regionItem });
}

export function useUpdateRegion() {
  return useApiMutation(updateRegion, ['regions'], FORM_DIALOG_META);
}

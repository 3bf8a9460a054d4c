import { useQuery } from '@tanstack/react-query';
import { gapSettingsResponse, type GapThresholds } from '../../../../shared/contracts/chain-map';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** The gap analysis' thresholds in force (every logged-in user reads them). */
export function useGapSettings() {
  return useQuery({
    queryKey: ['chains', 'gap-settings'],
    queryFn: ({ signal }) => apiRequest('/api/chains/gap-settings', { schema: gapSettingsResponse, signal }),
  });
}

/** The admin replaces them; every map and the health ranking follow. */
export function useUpdateGapSettings() {
  return useApiMutation(
    (body: GapThresholds) => apiRequest('/api/chains/gap-settings', { method: 'PUT', body, schema: gapSettingsResponse }),
    ['chains'],
  );
}

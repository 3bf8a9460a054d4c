import { useMutation, useQueryClient } from '@tanstack/react-query';
import { warningSettingsResponse, type WarningSettings, type WarningSettingsResponse } from '../../../../shared/contracts/warnings';
import { apiRequest } from '../../../lib/api-client';

/** Replaces the warning thresholds (admin); every list is recomputed with them. */
export function updateWarningSettings(body: WarningSettings): Promise<WarningSettingsResponse> {
  return apiRequest('/api/warnings/settings', { method: 'PUT', body, schema: warningSettingsResponse });
}

export function useUpdateWarningSettings() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateWarningSettings, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['warnings'] }) });
}

import { warningSettingsResponse, type WarningSettings, type WarningSettingsResponse } from '../../../../shared/contracts/warnings';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Replaces the warning thresholds (admin); every list is recomputed with them. */
export function updateWarningSettings(body: WarningSettings): Promise<WarningSettingsResponse> {
  return apiRequest('/api/warnings/settings', { method: 'PUT', body, schema: warningSettingsResponse });
}

export function useUpdateWarningSettings() {
  return useApiMutation(updateWarningSettings, ['warnings']);
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { warningSettingsResponse, type WarningSettingsResponse } from '../../../../shared/contracts/warnings';
import { apiRequest } from '../../../lib/api-client';

/** The warning thresholds in force and who changed them last. */
export function getWarningSettings(signal?: AbortSignal): Promise<WarningSettingsResponse> {
  return apiRequest('/api/warnings/settings', { schema: warningSettingsResponse, signal });
}

export function useWarningSettings(enabled = true) {
  return useQuery(queryOptions({ queryKey: ['warnings', 'settings'], queryFn: ({ signal }) => getWarningSettings(signal), enabled }));
}

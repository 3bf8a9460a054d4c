import { useQuery } from '@tanstack/react-query';
import { projectSettingsResponse } from '../../../../shared/contracts/projects';
import { apiRequest } from '../../../lib/api-client';

/** The major-list threshold and amount-increase ratio in force. */
export function useProjectSettings() {
  return useQuery({
    queryKey: ['projects', 'settings'],
    queryFn: ({ signal }) => apiRequest('/api/projects/settings', { schema: projectSettingsResponse, signal }),
  });
}

import { projectSettingsResponse, type ProjectSettings } from '../../../../shared/contracts/projects';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** The admin's major-list threshold and amount-increase ratio. */
export function useUpdateProjectSettings() {
  return useApiMutation(
    (body: ProjectSettings) => apiRequest('/api/projects/settings', { method: 'PUT', body, schema: projectSettingsResponse }),
    ['projects'],
  );
}

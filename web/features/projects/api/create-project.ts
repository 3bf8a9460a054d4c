import type { z } from 'zod';
import { projectDetail, type createProjectRequest, type ProjectDetail } from '../../../../shared/contracts/projects';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Records a new lead (线索). */
export function createProject(body: z.input<typeof createProjectRequest>): Promise<ProjectDetail> {
  return apiRequest('/api/projects', { method: 'POST', body, schema: projectDetail });
}

export function useCreateProject() {
  return useApiMutation(createProject, ['projects'], FORM_DIALOG_META);
}

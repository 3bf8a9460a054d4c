import { projectDetail, type ProjectDetail, type UpdateProjectRequest } from '../../../../shared/contracts/projects';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Changes a project's amounts, dates and notes (every amount change is kept). */
export function updateProject({ id, body }: { id: number; body: UpdateProjectRequest }): Promise<ProjectDetail> {
  return apiRequest(`/api/projects/${id}`, { method: 'PATCH', body, schema: projectDetail });
}

export function useUpdateProject() {
  return useApiMutation(updateProject, ['projects'], FORM_DIALOG_META);
}

import type { z } from 'zod';
import { projectDetail, type moveProjectRequest, type ProjectDetail } from '../../../../shared/contracts/projects';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Moves a project to another stage (forward dated, back or 终止 with a reason). */
export function moveProject({ id, body }: { id: number; body: z.input<typeof moveProjectRequest> }): Promise<ProjectDetail> {
  return apiRequest(`/api/projects/${id}/stage`, { method: 'POST', body, schema: projectDetail });
}

export function useMoveProject() {
  return useApiMutation(moveProject, ['projects'], FORM_DIALOG_META);
}

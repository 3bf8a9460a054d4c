import { taskDetail, type CreateTaskRequest, type TaskDetail } from '../../../../shared/contracts/supervision';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Sets a task by hand (a leader, the admin, a chain office for its chain). */
export function createTask(body: CreateTaskRequest): Promise<TaskDetail> {
  return apiRequest('/api/supervision/tasks', { method: 'POST', body, schema: taskDetail });
}

export function useCreateTask() {
  return useApiMutation(createTask, ['supervision'], FORM_DIALOG_META);
}

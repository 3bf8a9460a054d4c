import { taskDetail, type TaskDetail, type TaskFromTargetRequest } from '../../shared/contracts/supervision';
import { apiRequest } from '../lib/api-client';
import { useApiMutation } from '../lib/api-query';

/** 从年度目标生成任务: the chain office's task to reach a chain's target of a year. */
export function createTaskFromTarget(body: TaskFromTargetRequest): Promise<TaskDetail> {
  return apiRequest('/api/supervision/tasks/from-target', { method: 'POST', body, schema: taskDetail });
}

export function useCreateTaskFromTarget() {
  return useApiMutation(createTaskFromTarget, ['supervision']);
}

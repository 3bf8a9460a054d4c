import { useQuery } from '@tanstack/react-query';
import { taskDetail, type TaskDetail } from '../../../../shared/contracts/supervision';
import { apiRequest } from '../../../lib/api-client';

/** One task with its timeline and the caller's actions. */
export function getTask(id: number, signal?: AbortSignal): Promise<TaskDetail> {
  return apiRequest(`/api/supervision/tasks/${id}`, { schema: taskDetail, signal });
}

export function useTask(id: number) {
  return useQuery({ queryKey: ['supervision', 'tasks', 'detail', id], queryFn: ({ signal }) => getTask(id, signal) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { taskDetail, type TaskActionRequest, type TaskDetail } from '../../../../shared/contracts/supervision';
import { apiRequest } from '../../../lib/api-client';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** One workflow action on a task (签收, 报告进展, 完成, 退回, 延期…). */
export function actOnTask({ id, body }: { id: number; body: TaskActionRequest }): Promise<TaskDetail> {
  return apiRequest(`/api/supervision/tasks/${id}/actions`, { method: 'POST', body, schema: taskDetail });
}

/** Refreshes the tasks and the bell (an action notifies the other side). */
export function useActOnTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: actOnTask,
    meta: FORM_DIALOG_META,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['supervision'] }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]),
  });
}

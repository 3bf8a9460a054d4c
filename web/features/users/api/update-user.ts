import { userItem, type UpdateUserRequest, type UserItem } from '../../../../shared/contracts/users';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Changes an account's name, role, data scope and 统计审核员 flag (admin). */
export function updateUser({ id, body }: { id: string; body: UpdateUserRequest }): Promise<UserItem> {
  return apiRequest(`/api/users/${encodeURIComponent(id)}`, { method: 'PUT', body, schema: userItem });
}

export function useUpdateUser() {
  return useApiMutation(updateUser, ['users'], FORM_DIALOG_META);
}

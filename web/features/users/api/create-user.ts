import { userItem, type CreateUserRequest, type UserItem } from '../../../../shared/contracts/users';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Creates an account with its role, data scope and initial password (admin). */
export function createUser(body: CreateUserRequest): Promise<UserItem> {
  return apiRequest('/api/users', { method: 'POST', body, schema: userItem });
}

export function useCreateUser() {
  return useApiMutation(createUser, ['users'], FORM_DIALOG_META);
}

import { resetPasswordResponse, type ResetPasswordResponse } from '../../../../shared/contracts/users';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Gives an account a new generated password, answered once (admin). */
export function resetPassword(id: string): Promise<ResetPasswordResponse> {
  return apiRequest(`/api/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: {}, schema: resetPasswordResponse });
}

export function useResetPassword() {
  return useApiMutation(resetPassword, ['users']);
}

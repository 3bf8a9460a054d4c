import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterpriseProfile, type EnterpriseProfile, type UpdateEnterpriseRequest } from '../../../../shared/contracts/enterprises';
import { apiRequest } from '../../../lib/api-client';
import { INLINE_ERROR_META } from '../../../lib/errors';

/** Rewrites a firm's profile, 规上 years and memberships. */
export function updateEnterprise(input: { uscc: string; body: UpdateEnterpriseRequest }): Promise<EnterpriseProfile> {
  return apiRequest(`/api/enterprises/${encodeURIComponent(input.uscc)}`, { method: 'PUT', body: input.body, schema: enterpriseProfile });
}

export function useUpdateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    // The screen shows the error itself (a form alert, the import panel).
    meta: INLINE_ERROR_META,
    mutationFn: updateEnterprise,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enterprises'] }),
  });
}

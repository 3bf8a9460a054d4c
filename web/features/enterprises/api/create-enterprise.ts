import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterpriseProfile, type CreateEnterpriseRequest, type EnterpriseProfile } from '../../../../shared/contracts/enterprises';
import { apiRequest } from '../../../lib/api-client';
import { INLINE_ERROR_META } from '../../../lib/errors';

/** Registers a firm (admin only). */
export function createEnterprise(body: CreateEnterpriseRequest): Promise<EnterpriseProfile> {
  return apiRequest('/api/enterprises', { method: 'POST', body, schema: enterpriseProfile });
}

export function useCreateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    // The screen shows the error itself (a form alert, the import panel).
    meta: INLINE_ERROR_META,
    mutationFn: createEnterprise,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enterprises', 'list'] }),
  });
}

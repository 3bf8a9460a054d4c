import { useMutation, useQueryClient } from '@tanstack/react-query';
import { periodMoveResponse, type PeriodMoveResponse } from '../../../../shared/contracts/periods';
import { apiRequest } from '../../../lib/api-client';

/** Reopens a published month for revision; the reason is required and audited. */
export function reopenPeriod(input: { period: string; reason: string }): Promise<PeriodMoveResponse> {
  return apiRequest(`/api/periods/${encodeURIComponent(input.period)}/reopen`, {
    method: 'POST',
    body: { reason: input.reason },
    schema: periodMoveResponse,
  });
}

export function useReopenPeriod() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reopenPeriod, onSuccess: () => queryClient.invalidateQueries() });
}

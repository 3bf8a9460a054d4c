import { useMutation, useQueryClient } from '@tanstack/react-query';
import { periodMoveResponse, type PeriodMoveResponse } from '../../../../shared/contracts/periods';
import { apiRequest } from '../../../lib/api-client';

/** Publishes (or republishes) the month; refused with 409 while review items are open. */
export function publishPeriod(period: string): Promise<PeriodMoveResponse> {
  return apiRequest(`/api/periods/${encodeURIComponent(period)}/publish`, { method: 'POST', schema: periodMoveResponse });
}

export function usePublishPeriod() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: publishPeriod, onSuccess: () => queryClient.invalidateQueries() });
}

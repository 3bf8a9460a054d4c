import { useMutation, useQueryClient } from '@tanstack/react-query';
import { periodMoveResponse, type PeriodMoveResponse } from '../../../../shared/contracts/periods';
import { apiRequest } from '../../../lib/api-client';

/** Moves the month to review (its suspects are found), or back to collecting. */
export function reviewPeriod(input: { period: string; back: boolean }): Promise<PeriodMoveResponse> {
  return apiRequest(`/api/periods/${encodeURIComponent(input.period)}/${input.back ? 'collecting' : 'review'}`, {
    method: 'POST',
    schema: periodMoveResponse,
  });
}

export function useReviewPeriod() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reviewPeriod, onSuccess: () => queryClient.invalidateQueries() });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rederiveResponse, type RederiveResponse } from '../../../../shared/contracts/figures';
import { apiRequest } from '../../../lib/api-client';

/** Re-derives a firm's stale derived months from their reported 累计 (each a revision, audited). */
export function rederiveFigures(uscc: string): Promise<RederiveResponse> {
  return apiRequest(`/api/figures/${encodeURIComponent(uscc)}/rederive`, { method: 'POST', schema: rederiveResponse });
}

export function useRederiveFigures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rederiveFigures,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['figures'] }),
  });
}

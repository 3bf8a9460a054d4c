import { useMutation, useQueryClient } from '@tanstack/react-query';
import { dispositionHistoryResponse, type DispositionHistoryResponse, type PutDispositionRequest } from '../../shared/contracts/periods';
import { apiRequest } from '../lib/api-client';

/** Sets a 预警's disposition (confirmed with a reason, corrected with its source, assigned, pending). */
export function setDisposition(body: PutDispositionRequest): Promise<DispositionHistoryResponse> {
  return apiRequest('/api/warnings/disposition', { method: 'PUT', body, schema: dispositionHistoryResponse });
}

export function useSetDisposition() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setDisposition, onSuccess: () => queryClient.invalidateQueries() });
}

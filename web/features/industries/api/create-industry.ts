import { useMutation, useQueryClient } from '@tanstack/react-query';
import { industryItem, type CreateIndustryRequest, type IndustryItem } from '../../../../shared/contracts/industries';
import { apiRequest } from '../../../lib/api-client';

/** Adds a leading industry (admin). */
export function createIndustry(body: CreateIndustryRequest): Promise<IndustryItem> {
  return apiRequest('/api/industries', { method: 'POST', body, schema: industryItem });
}

export function useCreateIndustry() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createIndustry, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['industries'] }) });
}

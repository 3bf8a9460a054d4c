import { industryItem, type CreateIndustryRequest, type IndustryItem } from '../../../../shared/contracts/industries';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Adds a leading industry (admin). */
export function createIndustry(body: CreateIndustryRequest): Promise<IndustryItem> {
  return apiRequest('/api/industries', { method: 'POST', body, schema: industryItem });
}

export function useCreateIndustry() {
  return useApiMutation(createIndustry, ['industries']);
}

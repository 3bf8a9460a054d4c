import { industryItem, type IndustryItem, type UpdateIndustryRequest } from '../../../../shared/contracts/industries';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Renames an industry, moves it to another group or reorders it (admin); the code stays. */
export function updateIndustry({ code, body }: { code: string; body: UpdateIndustryRequest }): Promise<IndustryItem> {
  return apiRequest(`/api/industries/${encodeURIComponent(code)}`, { method: 'PATCH', body, schema: industryItem });
}

export function useUpdateIndustry() {
  return useApiMutation(updateIndustry, ['industries'], FORM_DIALOG_META);
}

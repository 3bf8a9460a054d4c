import type { z } from 'zod';
import {
  investorItem,
  type createInvestorRequest,
  type InvestorItem,
  type UpdateInvestorRequest,
} from '../../../../shared/contracts/projects';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Registers an investor. */
export function createInvestor(body: z.input<typeof createInvestorRequest>): Promise<InvestorItem> {
  return apiRequest('/api/investors', { method: 'POST', body, schema: investorItem });
}

/** Edits an investor (its owner or the admin). */
export function updateInvestor({ id, body }: { id: number; body: UpdateInvestorRequest }): Promise<InvestorItem> {
  return apiRequest(`/api/investors/${id}`, { method: 'PUT', body, schema: investorItem });
}

export function useCreateInvestor() {
  return useApiMutation(createInvestor, ['investors'], FORM_DIALOG_META);
}

export function useUpdateInvestor() {
  return useApiMutation(updateInvestor, ['investors'], FORM_DIALOG_META);
}

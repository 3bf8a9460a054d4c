import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { okResponse } from '../../../../shared/contracts/common';
import {
  blockerItem,
  projectDetail,
  projectSettingsResponse,
  type createBlockerRequest,
  type ProjectSettings,
  type ReportInvestmentRequest,
  type resolveBlockerRequest,
  type setAgentRequest,
  type setApprovalRequest,
  type SetMajorYearRequest,
  type UpdateProjectRequest,
} from '../../../../shared/contracts/projects';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** A write under `/api/projects/…` answered `{ ok: true }` (the project page loads again after it). */
function projectWrite<B>(method: 'PUT' | 'POST', path: string, schema: z.ZodType = okResponse) {
  return ({ id, key, body }: { id: number; key?: string | number; body: B }) =>
    apiRequest(`/api/projects/${path.replace(':id', String(id)).replace(':key', String(key ?? ''))}`, { method, body, schema });
}

/** Every project write refreshes the whole `['projects']` tree: the page, its support, the lists and KPIs. */
function useProjectWrite<B>(method: 'PUT' | 'POST', path: string, schema?: z.ZodType) {
  return useApiMutation(projectWrite<B>(method, path, schema), ['projects'], FORM_DIALOG_META);
}

/** Amounts (元), planned dates per stage, unit, person, notes. */
export function useUpdateProject() {
  return useApiMutation(
    ({ id, body }: { id: number; body: UpdateProjectRequest }) =>
      apiRequest(`/api/projects/${id}`, { method: 'PATCH', body, schema: projectDetail }),
    ['projects'],
    FORM_DIALOG_META,
  );
}

export const useSetAgent = () => useProjectWrite<z.input<typeof setAgentRequest>>('PUT', ':id/agent');
/** `key` is the approval item. */
export const useSetApproval = () => useProjectWrite<z.input<typeof setApprovalRequest>>('PUT', ':id/approvals/:key');
export const useCreateBlocker = () => useProjectWrite<z.input<typeof createBlockerRequest>>('POST', ':id/blockers', blockerItem);
/** `id` is the blocker's. */
export const useResolveBlocker = () => useProjectWrite<z.input<typeof resolveBlockerRequest>>('POST', 'blockers/:id/resolve');
/** `key` is the year. */
export const useSetMajorYear = () => useProjectWrite<SetMajorYearRequest>('PUT', ':id/major/:key');
/** `key` is the month, YYYY-MM. */
export const useReportInvestment = () => useProjectWrite<ReportInvestmentRequest>('PUT', ':id/investment/:key');

/** The admin's major-list threshold and amount-increase ratio. */
export function useUpdateProjectSettings() {
  return useApiMutation(
    (body: ProjectSettings) => apiRequest('/api/projects/settings', { method: 'PUT', body, schema: projectSettingsResponse }),
    ['projects'],
  );
}

export function useProjectSettings() {
  return useQuery({
    queryKey: ['projects', 'settings'],
    queryFn: ({ signal }) => apiRequest('/api/projects/settings', { schema: projectSettingsResponse, signal }),
  });
}

import { useQuery } from '@tanstack/react-query';
import { briefsResponse, type BriefSummary } from '../../../../shared/contracts/briefs';
import { apiRequest } from '../../../lib/api-client';

/** Every version of a brief's series (same month and range), newest first. */
export function getBriefVersions(id: number, signal?: AbortSignal): Promise<{ items: BriefSummary[] }> {
  return apiRequest(`/api/briefs/${id}/versions`, { schema: briefsResponse, signal });
}

export function useBriefVersions(id: number) {
  return useQuery({ queryKey: ['briefs', 'versions', id], queryFn: ({ signal }) => getBriefVersions(id, signal) });
}

import { useQuery } from '@tanstack/react-query';
import { missingFirmsResponse, type MissingFirmsResponse } from '../../../../shared/contracts/periods';
import { apiRequest } from '../../../lib/api-client';

/** The firms expected for the month (in the user's scope) that have not reported it. */
export function getMissingFirms(period: string, signal?: AbortSignal): Promise<MissingFirmsResponse> {
  return apiRequest(`/api/periods/${encodeURIComponent(period)}/missing`, { schema: missingFirmsResponse, signal });
}

export function useMissingFirms(period: string | undefined) {
  return useQuery({
    queryKey: ['periods', 'missing', period],
    queryFn: ({ signal }) => getMissingFirms(period ?? '', signal),
    enabled: period !== undefined,
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { chainDetail } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';

/** The nodes of a chain with their status (缺链/弱链/正常), for the lead form's node pick. */
export function useChainNodes(code: string | undefined) {
  return useQuery(
    queryOptions({
      queryKey: ['chains', 'detail', code, 'nodes'],
      queryFn: async ({ signal }) =>
        (await apiRequest(`/api/chains/${encodeURIComponent(code ?? '')}`, { schema: chainDetail, signal })).nodes,
      enabled: code !== undefined,
    }),
  );
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { enterpriseOptionsResponse, type EnterpriseOptionsResponse } from '../../shared/contracts/enterprises';
import { apiRequest } from '../lib/api-client';

/** Regions, parks and chains with their nodes: the choices of the filters and the form. */
export function getEnterpriseOptions(signal?: AbortSignal): Promise<EnterpriseOptionsResponse> {
  return apiRequest('/api/enterprises/options', { schema: enterpriseOptionsResponse, signal });
}

export function enterpriseOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['enterprises', 'options'],
    queryFn: ({ signal }) => getEnterpriseOptions(signal),
    staleTime: 5 * 60_000,
  });
}

export function useEnterpriseOptions() {
  return useQuery(enterpriseOptionsQueryOptions());
}

/** Names of the reference data by code, from the options every signed-in user may read (cached five minutes). */
export type ReferenceNames = {
  chain: (code: string) => string | undefined;
  region: (code: string) => string | undefined;
  park: (id: number) => { name: string; shortName: string } | undefined;
};

/**
 * The names of chains, regions and parks for tables whose rows carry only codes: a table shows the name
 * (with the code on hover, `<CodeName>`) and its Excel file the name. Undefined while loading.
 */
export function useReferenceNames(): ReferenceNames {
  const { data } = useEnterpriseOptions();
  const chains = new Map((data?.chains ?? []).map((c) => [c.code, c.name]));
  const regions = new Map((data?.regions ?? []).map((r) => [r.code, r.name]));
  const parks = new Map((data?.parks ?? []).map((p) => [p.id, p]));
  return { chain: (code) => chains.get(code), region: (code) => regions.get(code), park: (id) => parks.get(id) };
}

import { listChainsQuery, listChainsResponse } from '../../shared/contracts/chains';
import { defineApiQuery } from '../lib/api-query';

/** The chains on the city's list of a year that the user may see. */
const chains = defineApiQuery('/api/chains', listChainsQuery, listChainsResponse);

export function useChains(year: number) {
  return chains.useApiQuery({ year });
}

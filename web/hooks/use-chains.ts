import { listChainsQuery, listChainsResponse } from '../../shared/contracts/chains';
import { defineApiQuery } from '../lib/api-query';

/** The chains on the city's list of a year that the user may see. */
const chains = defineApiQuery({ key: ['chains', 'list'], path: '/api/chains', query: listChainsQuery, response: listChainsResponse });

export function useChains(year: number) {
  return chains.useApiQuery({ year });
}

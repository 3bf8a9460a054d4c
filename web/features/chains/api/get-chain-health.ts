import { chainHealthQuery, chainHealthResponse } from '../../../../shared/contracts/chain-map';
import { defineApiQuery } from '../../../lib/api-query';

/** The health ranking of the chains the user may see, for a published month (the latest by default). */
const health = defineApiQuery('/api/chains/health', chainHealthQuery, chainHealthResponse);
export const getChainHealth = health.get;
export const useChainHealth = health.useApiQuery;

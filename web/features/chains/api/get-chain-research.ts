import { chainListQuery, researchListResponse } from '../../../../shared/contracts/chain-prospects';
import { defineApiQuery } from '../../../lib/api-query';

/** A chain's 可转化科技成果. */
export function useChainResearch(code: string, enabled = true) {
  return defineApiQuery(`/api/chains/${encodeURIComponent(code)}/research`, chainListQuery, researchListResponse).useApiQuery({}, enabled);
}

import { chainListQuery, prospectListResponse } from '../../../../shared/contracts/chain-prospects';
import { defineApiQuery } from '../../../lib/api-query';

/** A chain's 招商目标企业 (one node's with `node`). */
export function useChainProspects(code: string, node?: string, enabled = true) {
  return defineApiQuery(`/api/chains/${encodeURIComponent(code)}/prospects`, chainListQuery, prospectListResponse).useApiQuery(
    node === undefined ? {} : { node },
    enabled,
  );
}

import { convertProspectResponse, type ConvertProspectResponse } from '../../../../shared/contracts/chain-prospects';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** 转为招商线索: records the lead and answers its project id. */
export function convertChainProspect({
  code,
  id,
  body,
}: {
  code: string;
  id: number;
  body: { regionCode: string; version: number };
}): Promise<ConvertProspectResponse> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}/prospects/${id}/convert`, {
    method: 'POST',
    body,
    schema: convertProspectResponse,
  });
}

export function useConvertChainProspect(code: string) {
  return useApiMutation(convertChainProspect, ['chains', code]);
}

import { fiveListsQuery, fiveListsResponse } from '../../../../shared/contracts/chain-five-lists';
import { defineApiQuery } from '../../../lib/api-query';

/** A chain's 五单 beside its own two lists: targets with tracking, major projects, investment projects, problems (`period`: the map's month). */
export function useChainFiveLists(code: string, period: string | undefined, enabled = true) {
  return defineApiQuery(`/api/chains/${encodeURIComponent(code)}/five-lists`, fiveListsQuery, fiveListsResponse).useApiQuery(
    period === undefined ? {} : { period },
    enabled,
  );
}

/** The address of the 五单一图谱 workbook (a plain download with the session cookie). */
export function fiveListsWorkbookHref(code: string, period: string | undefined): string {
  const query = period === undefined ? '' : `?period=${encodeURIComponent(period)}`;
  return `/api/chains/${encodeURIComponent(code)}/five-lists.xlsx${query}`;
}

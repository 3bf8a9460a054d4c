import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, type QueryParamsOf, type QueryValue } from './api-client';
import { INLINE_ERROR_META } from './errors';

/**
 * The query key of an endpoint's answers: the path's parts after `/api`, `list`, then the parameters, so
 * `/api/parks?q=高新` is `['parks', 'list', { q: '高新' }]`: a mutation refreshes every list of parks with
 * `['parks', 'list']` and the lists and the open park with `['parks']` (its detail is `['parks', 'detail', id]`).
 */
export function apiQueryKey(path: string, params: object): readonly unknown[] {
  return [...path.replace(/^\/api\//, '').split('/'), 'list', params];
}

/**
 * One `GET` endpoint with query parameters, as the web reads it: give its path and the contract's query
 * and answer schemas once, and get the fetch, the query options and the hook, all typed from the contract.
 *
 * ```ts
 * export type GetParksParams = QueryParamsOf<typeof listParksQuery>;
 * const parks = defineApiQuery('/api/parks', listParksQuery, listParksResponse);
 * export const getParks = parks.get; // (params, signal?) => Promise<ListParksResponse>
 * export const useParks = parks.useApiQuery; // (params, enabled = true) => UseQueryResult
 * ```
 *
 * @param path the endpoint, e.g. `/api/parks`; its parts make the query key ({@link apiQueryKey})
 * @param _query the contract's query schema: the hook's parameters are its {@link QueryParamsOf}, never retyped
 * @param response the contract's answer schema: the answer is checked against it
 */
export function defineApiQuery<Q extends z.ZodType, S extends z.ZodType>(path: string, _query: Q, response: S) {
  /** Fetches the answer outside React (an export that loads every page, a route loader). */
  const get = (params: QueryParamsOf<Q>, signal?: AbortSignal): Promise<z.infer<S>> =>
    apiRequest(path, { query: queryValues(params), schema: response, signal });
  /** The TanStack query options: key {@link apiQueryKey}, the fetch, the previous answer kept while the next loads. */
  const options = (params: QueryParamsOf<Q>) =>
    queryOptions({
      queryKey: apiQueryKey(path, params),
      queryFn: ({ signal }) => get(params, signal),
      placeholderData: keepPreviousData,
    });
  /** The hook a page calls; with `enabled` false it waits (a detail that needs a pick first). */
  const useApiQuery = (params: QueryParamsOf<Q>, enabled = true) => useQuery({ ...options(params), enabled });
  return { get, options, useApiQuery };
}

function isQueryValue(value: unknown): value is QueryValue {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The parameters as the API client sends them (a contract's query holds only plain values). */
function queryValues(params: object): Record<string, QueryValue> {
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, QueryValue] => isQueryValue(entry[1])));
}

/**
 * A write through the API that refreshes what it changed: after it succeeds, the queries under
 * `invalidates` load again (the save's promise waits for them, so a dialog closes on fresh data).
 * `meta` is read by the default error handler (web/lib/errors.ts): `FORM_DIALOG_META` for a form
 * dialog's save, `INLINE_ERROR_META` for a screen that shows its errors itself.
 *
 * ```ts
 * export function useUpdateRegion() {
 *   return useApiMutation(updateRegion, ['regions'], FORM_DIALOG_META);
 * }
 * ```
 */
export function useApiMutation<V, R>(
  mutationFn: (variables: V) => Promise<R>,
  invalidates: readonly unknown[],
  meta?: Readonly<Record<string, unknown>>,
) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, meta, onSuccess: () => queryClient.invalidateQueries({ queryKey: invalidates }) });
}

/**
 * An import's upload: the import screen shows its errors itself (`INLINE_ERROR_META`), and the queries
 * under `invalidates` load again only when the import wrote something (a dry run or a refused file
 * changes nothing).
 */
export function useImportMutation<V, R extends { written: boolean }>(
  mutationFn: (variables: V) => Promise<R>,
  invalidates: readonly unknown[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: INLINE_ERROR_META,
    mutationFn,
    onSuccess: (report) => {
      if (report.written) void queryClient.invalidateQueries({ queryKey: invalidates });
    },
  });
}

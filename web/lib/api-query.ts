import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, type QueryParamsOf, type QueryValue } from './api-client';

export type ApiQuerySpec<Q extends z.ZodType, S extends z.ZodType> = {
  /** The first parts of the query key, e.g. `['parks', 'list']`: a mutation invalidates `['parks']`. */
  key: readonly string[];
  /** The endpoint, e.g. `/api/parks`. */
  path: string;
  /** The contract's query schema: the hook's parameters are its {@link QueryParamsOf}, never retyped. */
  query: Q;
  /** The contract's answer schema: the answer is checked against it. */
  response: S;
};

/**
 * One `GET` endpoint with query parameters, as the web reads it: give the contract's query and answer
 * schemas once and get the fetch, the query options and the hook, all typed from the contract.
 *
 * ```ts
 * export type GetParksParams = QueryParamsOf<typeof listParksQuery>;
 * const parks = defineApiQuery({ key: ['parks', 'list'], path: '/api/parks', query: listParksQuery, response: listParksResponse });
 * export const getParks = parks.get;
 * export const useParks = parks.useApiQuery;
 * ```
 */
export function defineApiQuery<Q extends z.ZodType, S extends z.ZodType>(spec: ApiQuerySpec<Q, S>) {
  /** Fetches the answer outside React (an export that loads every page, a route loader). */
  const get = (params: QueryParamsOf<Q>, signal?: AbortSignal): Promise<z.infer<S>> =>
    apiRequest(spec.path, { query: queryValues(params), schema: spec.response, signal });
  /** The TanStack query options: key `[...key, params]`, the fetch, the previous answer kept while the next loads. */
  const options = (params: QueryParamsOf<Q>) =>
    queryOptions({
      queryKey: [...spec.key, params],
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

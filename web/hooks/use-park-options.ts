import { listParksQuery, listParksResponse } from '../../shared/contracts/parks';
import { defineApiQuery } from '../lib/api-query';

const parks = defineApiQuery('/api/parks', listParksQuery, listParksResponse);

/** Every park (one page of 500) as select options, for forms that pick a park. */
export function useParkOptions() {
  const query = parks.useApiQuery({ page: 1, pageSize: 500 });
  return { loading: query.isLoading, options: (query.data?.items ?? []).map((p) => ({ value: p.id, label: p.shortName })) };
}

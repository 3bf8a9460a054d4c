import { useCallback } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router';

export const PAGE_SIZES = [20, 50, 100] as const;

function readPositiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Paging and search text of a list page, kept in the address (`?page=2&pageSize=50&q=王`), so a
 * reload or a shared link shows the same rows.
 */
export function usePageParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = readPositiveInt(searchParams.get('page'), 1);
  const pageSize = Math.min(readPositiveInt(searchParams.get('pageSize'), PAGE_SIZES[0]), 500);
  const q = searchParams.get('q') ?? '';

  const update = useCallback(
    (next: { page?: number; pageSize?: number; q?: string }) => {
      setSearchParams(
        (current) => {
          const params = new URLSearchParams(current);
          for (const [key, value] of Object.entries(next)) {
            if (value === undefined || value === '' || (key === 'page' && value === 1)) params.delete(key);
            else params.set(key, String(value));
          }
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  return { page, pageSize, q, update };
}

/**
 * The table pagination of a paged list whose page and size live in the address (see {@link usePageParams}):
 * a size change goes back to page 1.
 */
export function pagePagination(
  params: Pick<ReturnType<typeof usePageParams>, 'page' | 'pageSize' | 'update'>,
  total: number,
  showTotal: (total: number) => string,
): TablePaginationConfig {
  const { page, pageSize, update } = params;
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal,
    onChange: (nextPage, nextSize) => update({ page: nextSize === pageSize ? nextPage : 1, pageSize: nextSize }),
  };
}

/**
 * Sets (or with an empty value removes) one filter parameter of a list's address; a changed filter
 * goes back to page 1. The address replaces the current entry, so Back leaves the list.
 */
export function useSetListParam<K extends string>(): (key: K, value: string | undefined) => void {
  const [, setSearchParams] = useSearchParams();
  return useCallback(
    (key: K, value: string | undefined) =>
      setSearchParams(
        (current) => {
          const params = new URLSearchParams(current);
          if (value) params.set(key, value);
          else params.delete(key);
          params.delete('page');
          return params;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
}

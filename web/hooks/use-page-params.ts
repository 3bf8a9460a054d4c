import { useCallback } from 'react';
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

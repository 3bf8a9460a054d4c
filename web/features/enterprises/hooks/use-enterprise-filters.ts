import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { ENTERPRISE_FLAGS, type EnterpriseFlag } from '../../../../shared/contracts/enterprises';

export type EnterpriseFilters = { region?: string; park?: number; chain?: string; flag?: EnterpriseFlag; aboveScaleYear?: number };

function isFlag(value: string | null): value is EnterpriseFlag {
  return ENTERPRISE_FLAGS.some((flag) => flag === value);
}

function readInt(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The list filters (region, park, chain, flag, 规上 year), kept in the address next to page and
 * search text, so a reload or a shared link shows the same firms. Changing one goes back to page 1.
 */
export function useEnterpriseFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const flag = searchParams.get('flag');
  const filters: EnterpriseFilters = {
    region: searchParams.get('region') || undefined,
    park: readInt(searchParams.get('park')),
    chain: searchParams.get('chain') || undefined,
    flag: isFlag(flag) ? flag : undefined,
    aboveScaleYear: readInt(searchParams.get('aboveScaleYear')),
  };

  const setFilter = useCallback(
    (key: keyof EnterpriseFilters, value: string | number | undefined) => {
      setSearchParams(
        (current) => {
          const params = new URLSearchParams(current);
          if (value === undefined || value === '') params.delete(key);
          else params.set(key, String(value));
          params.delete('page');
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  return { filters, setFilter };
}

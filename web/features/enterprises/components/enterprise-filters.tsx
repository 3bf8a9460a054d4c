import { Select } from 'antd';
import { ENTERPRISE_FLAGS } from '../../../../shared/contracts/enterprises';
import { SearchBox } from '../../../components/list-toolbar';
import { useT } from '../../../lib/i18n';
import { useEnterpriseOptions } from '../../../hooks/use-enterprise-options';
import type { EnterpriseFilters as Filters } from '../hooks/use-enterprise-filters';

type Props = {
  q: string;
  filters: Filters;
  onSearch: (q: string) => void;
  onFilter: (key: keyof Filters, value: string | number | undefined) => void;
};

/** Years offered by the 规上 filter: the chain list starts in 2022; one year ahead for the new 名录. */
function scaleYears(): number[] {
  const last = new Date().getFullYear() + 1;
  return Array.from({ length: last - 2022 + 1 }, (_, i) => last - i);
}

/** Search box and the region, park, chain, flag and 规上 year filters of the enterprise list. */
export function EnterpriseFilters({ q, filters, onSearch, onFilter }: Props) {
  const t = useT();
  const options = useEnterpriseOptions();
  const data = options.data;
  // Each filter: its address key, placeholder, width, choices, and whether its list is long enough to search.
  const selects = [
    { key: 'region', width: 150, search: true, options: (data?.regions ?? []).map((r) => ({ value: r.code, label: r.name })) },
    { key: 'park', width: 150, search: true, options: (data?.parks ?? []).map((p) => ({ value: p.id, label: p.shortName })) },
    { key: 'chain', width: 180, search: true, options: (data?.chains ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` })) },
    {
      key: 'flag',
      width: 150,
      search: false,
      options: ENTERPRISE_FLAGS.map((flag) => ({ value: flag, label: t(`enterprises.flag.${flag}`) })),
    },
    { key: 'aboveScaleYear', width: 120, search: false, options: scaleYears().map((year) => ({ value: year, label: String(year) })) },
  ] as const;
  const testIds = {
    region: 'filter-region',
    park: 'filter-park',
    chain: 'filter-chain',
    flag: 'filter-flag',
    aboveScaleYear: 'filter-year',
  };
  const placeholders = {
    region: t('enterprises.filter.region'),
    park: t('enterprises.filter.park'),
    chain: t('enterprises.filter.chain'),
    flag: t('enterprises.filter.flag'),
    aboveScaleYear: t('enterprises.filter.year'),
  };
  return (
    <>
      <SearchBox value={q} placeholder={t('enterprises.searchPlaceholder')} width={300} testId="enterprises-search" onSearch={onSearch} />
      {selects.map((select) => (
        <Select<string | number>
          key={select.key}
          allowClear
          showSearch={select.search ? { optionFilterProp: 'label' } : false}
          style={{ minWidth: select.width }}
          placeholder={placeholders[select.key]}
          data-testid={testIds[select.key]}
          value={filters[select.key]}
          loading={select.search && options.isLoading}
          options={[...select.options]}
          onChange={(value?: string | number) => onFilter(select.key, value)}
        />
      ))}
    </>
  );
}

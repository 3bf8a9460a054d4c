import { Input, Select } from 'antd';
import { ENTERPRISE_FLAGS } from '../../../../shared/contracts/enterprises';
import { useT } from '../../../lib/i18n';
import { useEnterpriseOptions } from '../api/get-enterprise-options';
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
  const width = { minWidth: 150 };
  return (
    <>
      <Input.Search
        allowClear
        // Follows the address: a menu click back to the bare list clears the box too.
        key={q}
        defaultValue={q}
        placeholder={t('enterprises.searchPlaceholder')}
        style={{ maxWidth: 300 }}
        data-testid="enterprises-search"
        onSearch={(value) => onSearch(value.trim())}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={width}
        placeholder={t('enterprises.filter.region')}
        data-testid="filter-region"
        value={filters.region}
        loading={options.isLoading}
        options={(options.data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))}
        onChange={(value?: string) => onFilter('region', value)}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={width}
        placeholder={t('enterprises.filter.park')}
        data-testid="filter-park"
        value={filters.park}
        loading={options.isLoading}
        options={(options.data?.parks ?? []).map((p) => ({ value: p.id, label: p.shortName }))}
        onChange={(value?: number) => onFilter('park', value)}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 180 }}
        placeholder={t('enterprises.filter.chain')}
        data-testid="filter-chain"
        value={filters.chain}
        loading={options.isLoading}
        options={(options.data?.chains ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
        onChange={(value?: string) => onFilter('chain', value)}
      />
      <Select
        allowClear
        style={width}
        placeholder={t('enterprises.filter.flag')}
        data-testid="filter-flag"
        value={filters.flag}
        options={ENTERPRISE_FLAGS.map((flag) => ({ value: flag, label: t(`enterprises.flag.${flag}`) }))}
        onChange={(value?: string) => onFilter('flag', value)}
      />
      <Select
        allowClear
        style={{ minWidth: 120 }}
        placeholder={t('enterprises.filter.year')}
        data-testid="filter-year"
        value={filters.aboveScaleYear}
        options={scaleYears().map((year) => ({ value: year, label: String(year) }))}
        onChange={(value?: number) => onFilter('aboveScaleYear', value)}
      />
    </>
  );
}

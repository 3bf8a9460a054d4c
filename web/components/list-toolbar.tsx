import type { ReactNode } from 'react';
import { Button, Flex, Input, Select, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { useSetListParam } from '../hooks/use-page-params';
import { ExportExcelButton, type ExportExcelButtonProps } from './export-excel-button';

export type SearchBoxProps = {
  /** The search text as it stands in the address. */
  value: string;
  placeholder: string;
  onSearch: (text: string) => void;
  width?: number;
  testId?: string;
};

/** The list search box; it follows the address, so a menu click back to the bare list clears it too. */
export function SearchBox({ value, placeholder, onSearch, width = 260, testId }: SearchBoxProps) {
  return (
    <Input.Search
      allowClear
      key={value}
      defaultValue={value}
      placeholder={placeholder}
      style={{ width }}
      data-testid={testId}
      onSearch={(text) => onSearch(text.trim())}
    />
  );
}

export type ListToolbarProps<K extends string> = {
  search?: SearchBoxProps;
  /** Filters (selects, segmented controls, a summary) after the search box. */
  filters?: ReactNode;
  /** More buttons on the right, before the add button (an import link). */
  actions?: ReactNode;
  /** The add button; null or absent for a user who may not add. */
  add?: { label: string; onClick: () => void; testId?: string } | null;
  /** Every table exports to Excel. */
  exportProps: ExportExcelButtonProps<K>;
};

/** Above a list: search and filters on the left, add and Excel export on the right. */
export function ListToolbar<K extends string>({ search, filters, actions, add, exportProps }: ListToolbarProps<K>) {
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
      <Space wrap>
        {search ? <SearchBox {...search} /> : null}
        {filters}
      </Space>
      <Space wrap>
        {actions}
        {add ? (
          <Button type="primary" onClick={add.onClick} data-testid={add.testId}>
            {add.label}
          </Button>
        ) : null}
        <ExportExcelButton {...exportProps} />
      </Space>
    </Flex>
  );
}

export type FilterSelectProps = {
  /** The address parameter it sets (`?level=national`); a change goes back to page 1. */
  param: string;
  placeholder: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  width?: number;
  /** A long list (regions, chains): type to narrow it. */
  searchable?: boolean;
  /** Shows the parameter only when it is one of the options (the screen ignores any other value). */
  knownOnly?: boolean;
  testId?: string;
};

/** A list filter kept in the address: the value is the parameter's, clearing it removes the parameter. */
export function FilterSelect({
  param,
  placeholder,
  options,
  width = 140,
  searchable = false,
  knownOnly = false,
  testId,
}: FilterSelectProps) {
  const [searchParams] = useSearchParams();
  const setParam = useSetListParam<string>();
  const value = searchParams.get(param) || undefined;
  return (
    <Select<string>
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : false}
      value={knownOnly && !options.some((option) => option.value === value) ? undefined : value}
      placeholder={placeholder}
      style={{ width }}
      options={[...options]}
      onChange={(value) => setParam(param, value)}
      data-testid={testId}
    />
  );
}

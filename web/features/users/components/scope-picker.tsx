import { useState } from 'react';
import { Select } from 'antd';
import type { NamedScopeEntry } from '../../../../shared/contracts/users';
import type { ScopeKind } from '../../../../shared/roles';
import { useT } from '../../../lib/i18n';
import { useScopeOptions } from '../api/get-scope-options';

type Props = {
  kind: ScopeKind;
  /** The chosen references (an enterprise account: one). */
  value?: string[];
  onChange?: (refs: string[]) => void;
  /** The record's scopes with their names, so the chosen ones show by name before any search. */
  known: readonly NamedScopeEntry[];
  id?: string;
};

/**
 * Picks a role's data scope by name: chains, regions, parks, departments (several) or one firm, searched
 * on the server by name or code (a firm by name or USCC). A department may also be typed in.
 */
export function ScopePicker({ kind, value = [], onChange, known, id }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const options = useScopeOptions({ kind, q: search || undefined });
  const [names, setNames] = useState(() => new Map(known.filter((s) => s.kind === kind).map((s) => [s.ref, s.name])));
  const fetched = options.data?.items ?? [];
  const labelOf = (ref: string) => fetched.find((o) => o.ref === ref)?.name ?? names.get(ref) ?? ref;
  const choices = [
    ...value.filter((ref) => !fetched.some((o) => o.ref === ref)).map((ref) => ({ value: ref, label: labelOf(ref) })),
    ...fetched.map((o) => ({ value: o.ref, label: o.detail && o.detail !== o.name ? `${o.name}（${o.detail}）` : o.name })),
  ];
  const remember = (refs: string[]) => {
    setNames((map) => new Map([...map, ...refs.map((ref): [string, string] => [ref, labelOf(ref)])]));
    onChange?.(refs);
  };
  const single = kind === 'enterprise';
  return (
    <Select
      id={id}
      mode={single ? undefined : kind === 'department' ? 'tags' : 'multiple'}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      loading={options.isFetching}
      placeholder={single ? t('users.firmPlaceholder') : t('users.scopePlaceholder')}
      value={single ? value[0] : value}
      onChange={(next: string | string[] | undefined) => remember(next === undefined ? [] : Array.isArray(next) ? next : [next])}
      options={choices}
      data-testid={`scope-picker-${kind}`}
    />
  );
}

import { Tooltip } from 'antd';
import type { DataColumn } from './data-table';
import { useT } from '../lib/i18n';

/**
 * A chain, park or region as every table shows it: its name, with its code on hover (输变电装备产业链,
 * hover: 代码：CH02). Shows the code itself while the name is unknown (still loading, or deleted).
 */
export function CodeName({ code, name }: { code: string | number; name: string | null | undefined }) {
  const t = useT();
  return (
    <Tooltip title={t('common.codeOf', { code })}>
      <span data-code={code}>{name ?? code}</span>
    </Tooltip>
  );
}

/**
 * A table column of one chain, park or region: its name with the code on hover, and in the Excel file
 * the name (add a code column with `excelOnly` where the file needs the code too).
 */
export function codeNameColumn<T>(spec: {
  key: string;
  title: string;
  code: (row: T) => string;
  name: (row: T) => string | null | undefined;
  width?: number;
}): DataColumn<T> {
  return {
    key: spec.key,
    title: spec.title,
    width: spec.width,
    excelWidth: 24,
    excel: (row) => spec.name(row) ?? spec.code(row),
    render: (_, row) => <CodeName code={spec.code(row)} name={spec.name(row)} />,
  };
}

import { Select } from 'antd';
import { usePickableMonths } from '../hooks/use-pickable-months';

/** How far back a month picker reaches: five years of months. */
const PICKABLE_MONTHS = 60;

type Props = {
  /** The month on screen (always offered, so the picker shows it). */
  value: string | undefined;
  onChange: (period: string) => void;
  /** The picker's name (统计月份), shown before it and its accessible name. */
  label: string;
  testId?: string;
};

/**
 * The month picker of the 驾驶舱 and the 预警 page: published months only for other roles, every month
 * with its status for data staff (`usePickableMonths`), asked for when first opened.
 */
export function MonthPicker({ value, onChange, label, testId }: Props) {
  const picker = usePickableMonths(PICKABLE_MONTHS, value);
  return (
    <>
      <span>{label}</span>
      <Select
        value={value}
        style={{ width: 180 }}
        showSearch
        loading={picker.isPending}
        onOpenChange={picker.onOpenChange}
        options={picker.months.map(({ value: month, label: text }) => ({ value: month, label: text }))}
        onChange={onChange}
        aria-label={label}
        data-testid={testId}
      />
    </>
  );
}

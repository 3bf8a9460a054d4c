import { Button, Input, InputNumber, Space } from 'antd';
import { useT } from '../../../lib/i18n';

type Item = { code: string; name: string; maxPoints?: number };
type Props<T extends Item> = {
  items: readonly T[];
  /** Bonus and deduction items have a cap of points; vetoes have none. */
  withPoints: boolean;
  editable: boolean;
  testId: string;
  onChange: (next: T[]) => void;
  blank: () => T;
};

/** The bonus, deduction or veto items of a scheme: code, name and (for points) the cap. */
export function ItemsEditor<T extends Item>({ items, withPoints, editable, testId, onChange, blank }: Props<T>) {
  const t = useT();
  const set = (index: number, patch: Partial<Item>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Space direction="vertical" data-testid={testId}>
      {items.map((item, i) => (
        <Space key={i}>
          <Input disabled={!editable} value={item.code} onChange={(e) => set(i, { code: e.target.value })} style={{ width: 150 }} />
          <Input disabled={!editable} value={item.name} onChange={(e) => set(i, { name: e.target.value })} style={{ width: 260 }} />
          {withPoints ? (
            <InputNumber
              disabled={!editable}
              addonBefore={t('assessment.maxPoints')}
              min={0}
              max={100}
              value={item.maxPoints}
              onChange={(v) => set(i, { maxPoints: v ?? 0 })}
              style={{ width: 150 }}
            />
          ) : null}
          {editable ? (
            <Button type="link" danger onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('assessment.remove')}
            </Button>
          ) : null}
        </Space>
      ))}
      {editable ? <Button onClick={() => onChange([...items, blank()])}>{t('assessment.addItem')}</Button> : null}
    </Space>
  );
}

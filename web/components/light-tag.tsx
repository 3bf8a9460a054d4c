import { Tag } from 'antd';
import type { TicketLight } from '../../shared/contracts/tickets';
import { useT } from '../lib/i18n';

const COLOR: Record<TicketLight, string> = { green: 'green', yellow: 'gold', red: 'red' };

/** A 督办 light (of a ticket's running deadline or a task's): green on time, yellow within 2 working days, red overdue. */
export function LightTag({ light, testId }: { light: TicketLight | null; testId?: string }) {
  const t = useT();
  if (light === null) return <span data-testid={testId}>—</span>;
  return (
    <Tag color={COLOR[light]} data-testid={testId}>
      {t(`tickets.light.${light}`)}
    </Tag>
  );
}

import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { isDataStaffUser, type PeriodStatus } from '../../shared/publication/workflow';
import { parsePeriod, previousCalendarPeriod } from '../../shared/stats/period';
import { useT } from '../lib/i18n';
import { periodLabel } from '../lib/period-labels';
import { useMe } from './use-me';
import { pickableMonths } from '../lib/periods';
import { periodsQueryOptions } from './use-periods';

export type PickableMonth = { value: string; label: string; status: PeriodStatus };

/**
 * The months a month picker offers (驾驶舱, 预警), newest first, from `GET /api/periods` of each year
 * of the last `count` months. Data staff (admin, 链办, 统计审核员) get every month with its status
 * (“2026年10月 · 审核中”); everyone else only the months published (a month reopened for revision stays:
 * they read what was published), as the server answers them no other. `selected` is always offered,
 * so the picker shows the month on screen. The years are asked for when the picker first opens
 * (`onOpenChange`), so a page's own figures never wait behind them.
 */
export function usePickableMonths(
  count: number,
  selected: string | undefined,
): { months: PickableMonth[]; isPending: boolean; onOpenChange: (open: boolean) => void } {
  const t = useT();
  // How a month is named in a picker: "2024年5月"; January–February as one entry, "2024年1–2月" (the period is February's).
  const monthOptionLabel = (month: string) => periodLabel(t, month, 'month');
  const [opened, setOpened] = useState(false);
  const me = useMe();
  const user = me.data?.user;
  const staff = user !== undefined && isDataStaffUser(user);
  const candidates = pickableMonths(previousCalendarPeriod(), count);
  const years = [...new Set(candidates.map((m) => parsePeriod(m).year))];
  const lists = useQueries({ queries: years.map((year) => ({ ...periodsQueryOptions(year), enabled: opened && user !== undefined })) });
  const byPeriod = new Map(lists.flatMap((list) => list.data?.items ?? []).map((item) => [item.period, item]));
  const isPending = opened && (user === undefined || lists.some((list) => list.isPending));
  const months: PickableMonth[] = [];
  for (const month of candidates) {
    const item = byPeriod.get(month);
    const status = item?.status ?? 'collecting';
    if (staff) months.push({ value: month, label: `${monthOptionLabel(month)} · ${t(`periods.status.${status}`)}`, status });
    else if (item !== undefined && item.publishedAt !== null) months.push({ value: month, label: monthOptionLabel(month), status });
  }
  if (selected !== undefined && !months.some((m) => m.value === selected)) {
    const item = byPeriod.get(selected);
    const status = item?.status ?? 'collecting';
    months.unshift({
      value: selected,
      label: staff && item !== undefined ? `${monthOptionLabel(selected)} · ${t(`periods.status.${status}`)}` : monthOptionLabel(selected),
      status,
    });
  }
  return { months, isPending, onOpenChange: (open) => setOpened((was) => was || open) };
}

import { Select, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { readYear } from '../../../lib/current-year';
import { useT } from '../../../lib/i18n';
import { projectYears } from './project-filters';

/** The year of the page, kept in the address (`?year=`; this year when absent). */
export function useYearParam(): number {
  const [searchParams] = useSearchParams();
  return readYear(searchParams.get('year'));
}

/** Picks the year of the major-project list or the KPIs. */
export function YearSelect() {
  const t = useT();
  const year = useYearParam();
  const [, setSearchParams] = useSearchParams();
  return (
    <Space>
      <span>{t('projects.year')}</span>
      <Select<number>
        value={year}
        style={{ width: 110 }}
        aria-label={t('projects.year')}
        data-testid="projects-year"
        options={projectYears().map((y) => ({ value: y, label: String(y) }))}
        onChange={(next) => setSearchParams({ year: String(next) }, { replace: true })}
      />
    </Space>
  );
}

import { Alert } from 'antd';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { useT } from '../../../lib/i18n';
import { useCalendarCoverage } from '../api/get-calendar-coverage';

/** Says loudly when the working-day calendar lacks this year or the next (deadlines into it are not guessed). */
export function CalendarWarning() {
  const t = useT();
  const coverage = useCalendarCoverage();
  const isAdmin = useMe().data?.user.role === 'admin';
  const missing = coverage.data?.missingYears ?? [];
  if (missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="calendar-warning"
      message={t('calendar.warning.missingYears', { years: missing.join(t('common.listSeparator')) })}
      description={
        isAdmin ? <Link to={paths.adminCalendar.getHref()}>{t('calendar.warning.fixAdmin')}</Link> : t('calendar.warning.fixOthers')
      }
    />
  );
}

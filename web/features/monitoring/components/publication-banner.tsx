import { Alert, Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { PublicationBlock } from '../../../../shared/contracts/periods';
import { paths } from '../../../config/paths';
import { formatDateTime, formatNumber, formatYi } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { coverageLabel } from '../../../lib/period-labels';
import { useHealth } from '../api/get-replica-lag';

/**
 * What the figures on screen are: 已发布 (with the time) or 初步数据 (data staff looking at a month not
 * published), the month's coverage (已报 N / M 家), what was held back as suspect, and for reviewers
 * the revisions made since publication; with a read replica behind by more than its threshold,
 * 数据同步延迟 (a month just published may not show yet).
 */
export function PublicationBanner({ publication, period }: { publication: PublicationBlock; period: string }) {
  const t = useT();
  const { locale } = useLocale();
  const coverage = coverageLabel(t, publication.coverage, locale);
  const replica = useHealth({}).data?.replica;
  const held =
    publication.heldBack.enterprises > 0
      ? t('monitoring.publication.heldBack', {
          count: publication.heldBack.enterprises,
          output: formatYi(publication.heldBack.output, locale),
        })
      : null;
  return (
    <Alert
      type={publication.preliminary ? 'warning' : 'success'}
      showIcon
      data-testid="publication-banner"
      title={
        <Space wrap>
          <Tag color={publication.preliminary ? 'orange' : 'green'} data-testid="publication-status">
            {publication.preliminary
              ? t('monitoring.publication.preliminary')
              : t('monitoring.publication.published', { at: formatDateTime(publication.publishedAt) })}
          </Tag>
          <span data-testid="publication-coverage">{coverage}</span>
          {held === null ? null : <span data-testid="publication-held-back">{held}</span>}
          {replica?.lagging ? (
            <Tag color="orange" data-testid="publication-sync-lag">
              {t('jobs.syncLag', { seconds: replica.lagSeconds === null ? '?' : formatNumber(replica.lagSeconds, locale, 0) })}
            </Tag>
          ) : null}
          {publication.revisionsSincePublished ? (
            <Link to={paths.periods.getHref(period)}>
              <Tag color="red">{t('periods.revisions', { count: publication.revisionsSincePublished })}</Tag>
            </Link>
          ) : null}
        </Space>
      }
    />
  );
}

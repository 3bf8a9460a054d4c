import { Empty, List, Tag, Typography } from 'antd';
import type { FigureRevision } from '../../../../shared/contracts/figures';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { capitalize } from '../utils/amounts';
import { useFigureText } from '../hooks/use-figure-text';
import { useRevisions } from '../api/get-revisions';

/** 修订记录: every write of the month, newest first, with what each changed (old → new). */
export function RevisionsList({ uscc, period }: { uscc: string; period: string }) {
  const t = useT();
  // Every stored digit: a correction of a few 元 shows.
  const text = useFigureText(true);
  const revisions = useRevisions(uscc, period);
  if (revisions.error) return <ErrorAlert error={revisions.error} onRetry={() => void revisions.refetch()} />;
  const items = revisions.data?.items ?? [];
  const describe = (r: FigureRevision) => {
    if (!r.before) return t('figures.revisions.created');
    if (r.changedFields.length === 0) return t('figures.revisions.noChange');
    return t('figures.revisions.changed', {
      fields: r.changedFields.map((f) => capitalize(t(`figures.field.${f}`))).join(t('common.listSeparator')),
    });
  };
  return (
    <List<FigureRevision>
      size="small"
      header={<Typography.Text strong>{t('figures.revisions.title')}</Typography.Text>}
      loading={revisions.isPending}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('figures.revisions.empty')} /> }}
      data-testid="figures-revisions"
      renderItem={(r) => (
        <List.Item>
          <List.Item.Meta
            title={
              <span>
                {formatDateTime(r.changedAt, true)}{' '}
                <Tag>{t('figures.revisions.by', { name: r.changedBy, source: t(`figures.source.${r.source}`) })}</Tag>
              </span>
            }
            description={
              <span>
                {describe(r)}
                {r.before
                  ? r.changedFields.map((f) => (
                      <Typography.Text key={f} type="secondary" style={{ display: 'block' }}>
                        {capitalize(t(`figures.field.${f}`))}: {text(f, r.before?.[f] ?? null)} → {text(f, r.after[f])}
                      </Typography.Text>
                    ))
                  : null}
              </span>
            }
          />
        </List.Item>
      )}
    />
  );
}

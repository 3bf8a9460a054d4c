import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Result, Space, Spin, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { RowActions } from '../../../components/row-actions';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useDeletePark } from '../api/delete-park';
import { usePark } from '../api/get-park';
import { ParkFormModal } from './park-form-modal';

/** One park: level, region, area, focus industries and chains, firm count; the admin edits or deletes it. */
export function ParkPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  const id = Number(useParams().id);
  const park = usePark(Number.isInteger(id) && id > 0 ? id : 0);
  const remove = useDeletePark();
  const [editing, setEditing] = useState(false);
  const back = (
    <Link to={paths.parks.getHref()}>
      <Button type="primary">{t('parks.back')}</Button>
    </Link>
  );

  if (park.error) {
    if (park.error instanceof ApiError && (park.error.status === 404 || park.error.status === 400)) {
      return <Result status="404" title={park.error.message} extra={back} />;
    }
    return <ErrorAlert error={park.error} onRetry={() => void park.refetch()} />;
  }
  if (!park.data) return <Spin style={{ display: 'block', padding: 64 }} />;
  const p = park.data;

  const extra = isAdmin ? (
    <RowActions
      editLabel={t('parks.edit')}
      onEdit={() => setEditing(true)}
      editTestId="park-edit"
      deleteLabel={t('parks.delete')}
      confirmTitle={t('parks.deleteConfirm', { name: p.name })}
      onDelete={async () => {
        await remove.mutateAsync({ id: p.id, version: p.version });
        void navigate(paths.parks.getHref());
      }}
      deletedMessage={t('parks.deleted', { name: p.name })}
      blockedReason={p.enterpriseCount > 0 ? t('parks.deleteBlocked', { count: p.enterpriseCount }) : null}
      deleteTestId="park-delete"
      size="middle"
    />
  ) : null;

  return (
    <Flex vertical gap={16} data-testid="park-page">
      <Link to={paths.parks.getHref()}>← {t('parks.back')}</Link>
      <Card
        title={
          <Space>
            <span>{p.name}</span>
            <Tag color={p.level === 'national' ? 'red' : 'blue'}>{t(`parks.level.${p.level}`)}</Tag>
          </Space>
        }
        extra={extra}
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('parks.shortName')}>{p.shortName}</Descriptions.Item>
          <Descriptions.Item label={t('parks.region')}>{p.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('parks.area')}>
            {p.areaHectares === null ? '—' : formatNumber(p.areaHectares / 100, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('parks.established')}>{p.establishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('parks.enterpriseCount')}>
            <Link to={`${paths.enterprises.getHref()}?park=${p.id}`}>{p.enterpriseCount}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('parks.updatedAt')}>{formatDateTime(p.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('parks.focus')} span={2}>
            {p.focus.length === 0 ? '—' : p.focus.map((f) => <Tag key={f}>{f}</Tag>)}
          </Descriptions.Item>
          <Descriptions.Item label={t('parks.focusChains')} span={2}>
            {p.focusChains.length === 0
              ? t('parks.noFocusChains')
              : p.focusChains.map((c) => (
                  <Link key={c.code} to={paths.chain.getHref(c.code)}>
                    <Tag color="geekblue">{c.name}</Tag>
                  </Link>
                ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {editing ? <ParkFormModal record={p} onReload={async () => (await park.refetch()).data} onClose={() => setEditing(false)} /> : null}
    </Flex>
  );
}

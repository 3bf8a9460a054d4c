import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ENTERPRISE_EDITOR_ROLES } from '../../../../shared/contracts/enterprises';
import { roleIn } from '../../../../shared/roles';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSpinner } from '../../../components/page-spinner';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useDeleteEnterprise } from '../api/delete-enterprise';
import { useEnterprise } from '../api/get-enterprise';
import { EnterpriseFiguresTable } from './enterprise-figures-table';
import { EnterpriseFlagTags } from './enterprise-flag-tags';
import { EnterpriseMemberships } from './enterprise-memberships';

/** 企业档案: profile, chain memberships, 规上 years and the monthly figures of a chosen year. */
export function EnterprisePage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { uscc = '' } = useParams();
  const [year, setYear] = useState<number | undefined>(undefined);
  const enterprise = useEnterprise(uscc, year);
  const me = useMe();
  const remove = useDeleteEnterprise();
  const role = me.data?.user.role ?? '';
  const separator = t('common.listSeparator');

  if (enterprise.isPending) return <PageSpinner />;
  if (enterprise.error) {
    return (
      <Flex vertical gap={16}>
        <ErrorAlert error={enterprise.error} onRetry={() => void enterprise.refetch()} />
        <Link to={paths.enterprises.getHref()}>{t('enterprises.back')}</Link>
      </Flex>
    );
  }
  const firm = enterprise.data;

  const onDelete = () =>
    remove.mutate(
      { uscc: firm.uscc, version: firm.version },
      {
        onSuccess: () => {
          message.success(t('enterprises.deleted', { name: firm.name }));
          void navigate(paths.enterprises.getHref());
        },
      },
    );

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space wrap>
            <span data-testid="enterprise-name">{firm.name}</span>
            {firm.isDemo ? <Tag>{t('enterprises.demo')}</Tag> : null}
          </Space>
        }
        extra={
          <Space>
            <Link to={paths.enterprises.getHref()}>{t('enterprises.back')}</Link>
            {roleIn(ENTERPRISE_EDITOR_ROLES, me.data?.user.role) ? (
              <Link to={paths.enterpriseEdit.getHref(firm.uscc)}>
                <Button data-testid="enterprise-edit">{t('enterprises.edit')}</Button>
              </Link>
            ) : null}
            {role === 'admin' ? (
              <Popconfirm
                title={t('enterprises.deleteConfirm', { name: firm.name })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, loading: remove.isPending }}
                onConfirm={onDelete}
              >
                <Button danger data-testid="enterprise-delete">
                  {t('enterprises.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          data-testid="enterprise-profile"
          items={[
            { key: 'uscc', label: t('enterprises.uscc'), children: <Typography.Text copyable>{firm.uscc}</Typography.Text> },
            { key: 'region', label: t('enterprises.region'), children: `${firm.regionName} (${firm.regionCode})` },
            { key: 'park', label: t('enterprises.park'), children: firm.parkName ?? t('enterprises.notInPark') },
            { key: 'gbt', label: t('enterprises.gbt4754'), children: firm.gbt4754Code ?? '—' },
            { key: 'flags', label: t('enterprises.flags'), children: <EnterpriseFlagTags item={firm} /> },
            {
              key: 'years',
              label: t('enterprises.aboveScaleYears'),
              children: firm.aboveScaleYears.length > 0 ? firm.aboveScaleYears.join(separator) : t('enterprises.detail.noScaleYears'),
            },
            { key: 'updatedAt', label: t('enterprises.updatedAt'), children: formatDateTime(firm.updatedAt) },
          ]}
        />
      </Card>
      <EnterpriseMemberships enterprise={firm} />
      <EnterpriseFiguresTable enterprise={firm} loading={enterprise.isFetching} onYearChange={setYear} />
    </Flex>
  );
}

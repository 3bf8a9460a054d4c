import { useState } from 'react';
import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import type { ChainDetail } from '../../../../shared/contracts/chains';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useDeleteChain } from '../api/delete-chain';
import { errorText } from '../utils/form-errors';
import { ChainFormModal } from './chain-form-modal';

function List({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <span style={{ color: '#8c8c8c' }}>{empty}</span>;
  return (
    <Space size={[4, 4]} wrap>
      {items.map((item) => (
        <Tag key={item}>{item}</Tag>
      ))}
    </Space>
  );
}

/** The chain's header: name, industry, years, counts and the 链长制 facts, with edit and delete. */
export function ChainFactsCard({ chain }: { chain: ChainDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteChain();
  const notSet = t('chains.notSet');
  const years =
    chain.validToYear === null ? t('chains.validOpen', { from: chain.validFromYear }) : t('chains.validRange', { from: chain.validFromYear, to: chain.validToYear });

  const onDelete = async () => {
    try {
      await remove.mutateAsync(chain.code);
      message.success(t('chains.deleted'));
      void navigate(paths.chains.getHref());
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const extra = (
    <Space>
      {chain.canEdit ? (
        <Button onClick={() => setEditing(true)} data-testid="chain-edit">
          {t('chains.edit')}
        </Button>
      ) : null}
      {chain.canAdminister ? (
        <Tooltip title={chain.enterpriseCount > 0 ? t('chains.deleteBlocked', { count: chain.enterpriseCount }) : undefined}>
          <span>
            <Popconfirm
              title={t('chains.deleteConfirm', { name: chain.name })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              disabled={chain.enterpriseCount > 0}
              onConfirm={onDelete}
            >
              <Button danger disabled={chain.enterpriseCount > 0} loading={remove.isPending}>
                {t('chains.delete')}
              </Button>
            </Popconfirm>
          </span>
        </Tooltip>
      ) : null}
    </Space>
  );

  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="chain-title">{chain.name}</span>
          <Tag color="blue">{chain.code}</Tag>
          <Tag>
            {chain.industryGroup} · {chain.industryName}
          </Tag>
        </Space>
      }
      extra={extra}
    >
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="chain-facts">
        <Descriptions.Item label={t('chains.chief')}>{chain.chiefTitle ?? notSet}</Descriptions.Item>
        <Descriptions.Item label={t('chains.office')}>{chain.office ?? notSet}</Descriptions.Item>
        <Descriptions.Item label={t('chains.validYears')}>{years}</Descriptions.Item>
        <Descriptions.Item label={t('chains.nodeCount')}>{chain.nodeCount}</Descriptions.Item>
        <Descriptions.Item label={t('chains.enterpriseCount')}>{chain.enterpriseCount}</Descriptions.Item>
        <Descriptions.Item label={`${t('chains.aboveScaleCount')} (${chain.year})`}>{chain.aboveScaleCount}</Descriptions.Item>
        <Descriptions.Item label={t('chains.departments')} span={3}>
          <List items={chain.supportingDepartments} empty={notSet} />
        </Descriptions.Item>
        <Descriptions.Item label={t('chains.hosts')} span={3}>
          <List items={chain.hostPlaces} empty={notSet} />
        </Descriptions.Item>
        <Descriptions.Item label={t('chains.masters')} span={3}>
          <List items={chain.chainMasters} empty={notSet} />
        </Descriptions.Item>
      </Descriptions>
      {editing ? <ChainFormModal mode={{ kind: 'edit', chain }} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

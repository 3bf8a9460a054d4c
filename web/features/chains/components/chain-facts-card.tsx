import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { RowActions } from '../../../components/row-actions';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useDeleteChain } from '../api/delete-chain';
import type { VersionedChain } from '../api/get-chain';
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
export function ChainFactsCard({ chain, reload }: { chain: VersionedChain; reload: () => Promise<VersionedChain | undefined> }) {
  const t = useT();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteChain();
  const notSet = t('chains.notSet');
  const years =
    chain.validToYear === null
      ? t('chains.validOpen', { from: chain.validFromYear })
      : t('chains.validRange', { from: chain.validFromYear, to: chain.validToYear });

  const onDelete = async () => {
    await remove.mutateAsync({ code: chain.code, version: chain.version });
    void navigate(paths.chains.getHref());
  };

  // 链长/链办 edit their chain; only the administrator deletes one.
  const extra = chain.canAdminister ? (
    <RowActions
      editLabel={chain.canEdit ? t('chains.edit') : undefined}
      onEdit={() => setEditing(true)}
      editTestId="chain-edit"
      deleteLabel={t('chains.delete')}
      confirmTitle={t('chains.deleteConfirm', { name: chain.name })}
      onDelete={onDelete}
      deletedMessage={t('chains.deleted')}
      blockedReason={chain.enterpriseCount > 0 ? t('chains.deleteBlocked', { count: chain.enterpriseCount }) : null}
      size="middle"
    />
  ) : chain.canEdit ? (
    <Button onClick={() => setEditing(true)} data-testid="chain-edit">
      {t('chains.edit')}
    </Button>
  ) : null;

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
      {editing ? <ChainFormModal mode={{ kind: 'edit', chain }} onReload={reload} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

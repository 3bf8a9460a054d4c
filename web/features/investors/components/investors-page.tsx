import { useState } from 'react';
import { Button, Tag } from 'antd';
import { PROJECT_WRITER_ROLES, type InvestorItem } from '../../../../shared/contracts/projects';
import { DataTable } from '../../../components/data-table';
import { SectionTabs } from '../../../components/section-tabs';
import { getInvestors, useInvestors } from '../../../hooks/use-investors';
import { useMe } from '../../../hooks/use-me';
import { usePageParams } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { useT } from '../../../lib/i18n';
import { InvestorFormModal } from './investor-form-modal';

/**
 * 客商库: companies and people who may invest, searched by name or origin. Contacts are masked for
 * whoever did not register the record (the export holds what the table shows); the owner and the
 * admin edit.
 */
export function InvestorsPage() {
  const t = useT();
  const me = useMe();
  const role = me.data?.user.role;
  const canWrite = role !== undefined && PROJECT_WRITER_ROLES.some((r) => r === role);
  const { page, pageSize, q } = usePageParams();
  const investors = useInvestors({ page, pageSize, q: q || undefined });
  const [editing, setEditing] = useState<InvestorItem | 'new' | null>(null);

  return (
    <SectionTabs section="investment">
      <DataTable<InvestorItem>
        query={investors}
        toolbar={{
          search: { placeholder: t('investors.searchPlaceholder'), testId: 'investors-search' },
          add: canWrite ? { label: t('investors.create'), onClick: () => setEditing('new'), testId: 'investor-create' } : null,
        }}
        columns={[
          { key: 'name', title: t('investors.name'), dataIndex: 'name', excelWidth: 30 },
          { key: 'kind', title: t('investors.kind'), width: 80, excel: (i) => t(`investors.kind.${i.kind}`) },
          { key: 'uscc', title: t('investors.uscc'), excel: (i) => i.uscc, excelWidth: 22 },
          { key: 'origin', title: t('investors.origin'), excel: (i) => i.origin },
          { key: 'nativePlace', title: t('investors.nativePlace'), excel: (i) => i.nativePlace },
          { key: 'contactName', title: t('investors.contactName'), excel: (i) => i.contactName },
          { key: 'contactPhone', title: t('investors.contactPhone'), excel: (i) => i.contactPhone, excelWidth: 16 },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_, i) =>
              i.masked ? (
                <Tag>{t('investors.masked')}</Tag>
              ) : canWrite ? (
                <Button size="small" onClick={() => setEditing(i)} data-testid={`investor-edit-${i.id}`}>
                  {t('common.edit')}
                </Button>
              ) : null,
          },
        ]}
        testId="investors-table"
        exportName={t('projects.tab.investors')}
        loadAllRows={() => fetchAllPages((p, size) => getInvestors({ q: q || undefined, page: p, pageSize: size }))}
        empty={q ? t('common.emptyFiltered') : canWrite ? t('investors.emptyWriter') : t('investors.empty')}
        paging="server"
      />
      {editing ? <InvestorFormModal investor={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </SectionTabs>
  );
}

import { App, Button, Card, Form, Input, Modal, Select, Tabs, Tag } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CHAIN_LIST_READER_ROLES } from '../../../../shared/contracts/chain-prospects';
import { roleIn } from '../../../../shared/roles';
import {
  HOLDER_KINDS,
  RESEARCH_MATURITIES,
  TRANSFER_STATUSES,
  type ProspectItem,
  type ResearchItem,
} from '../../../../shared/contracts/chain-prospects';
import type { ChainDetail } from '../../../../shared/contracts/chains';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { FormModal, type RecordFormProps } from '../../../components/form-modal';
import { ImportDialog } from '../../../components/import-dialog';
import { rowActionsColumn } from '../../../components/row-actions';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { useRecordDialog } from '../../../hooks/use-record-dialog';
import { useRegions } from '../../../hooks/use-regions';
import { useT } from '../../../lib/i18n';
import { useConvertChainProspect } from '../api/convert-chain-prospect';
import { useDeleteChainListRow } from '../api/delete-chain-list-row';
import { fiveListsWorkbookHref, useChainFiveLists } from '../api/get-chain-five-lists';
import { useChainProspects } from '../api/get-chain-prospects';
import { chainListTemplateHref, useImportChainList } from '../api/import-chain-list';
import { useChainResearch } from '../api/get-chain-research';
import { useSaveChainListRow, type ChainListPath } from '../api/save-chain-list-row';
import { InvestmentList, MajorList, ProblemsList, TargetsList } from './chain-five-lists';

type Row = ProspectItem | ResearchItem;
type Field = { name: string; label: string; required?: boolean; options?: { value: string; label: string }[]; long?: boolean };

/** The add/edit dialog of a row of either list: its node and the list's own fields. */
function ListRowModal({
  chain,
  list,
  fields,
  title,
  record,
  onReload: _onReload,
  onClose,
}: RecordFormProps<Row> & { chain: ChainDetail; list: ChainListPath; fields: Field[]; title: string }) {
  const t = useT();
  const [form] = Form.useForm<Record<string, string | null>>();
  const save = useSaveChainListRow(chain.code);
  const keys = ['nodeKey', ...fields.map((f) => f.name)];
  const initialValues: Record<string, string | null> = {};
  for (const key of keys) {
    const value: unknown = record ? Object.entries(record).find(([k]) => k === key)?.[1] : undefined;
    if (typeof value === 'string') initialValues[key] = value;
  }
  const onSubmit = async (values: Record<string, string | null>) => {
    const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' || v === undefined ? null : v]));
    await save.mutateAsync({ code: chain.code, list, id: record?.id ?? null, body: record ? { ...body, version: record.version } : body });
  };
  return (
    <FormModal<Record<string, string | null>>
      form={form}
      title={title}
      okText={t('chains.save')}
      initialValues={initialValues}
      onSubmit={onSubmit}
      savedMessage={t('chains.saved')}
      onClose={onClose}
      serverFields={keys}
      testId={`${list}-form`}
    >
      <Form.Item name="nodeKey" label={t('chains.lists.node')} rules={[{ required: true, message: t('chains.lists.required') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={chain.nodes.map((n) => ({ value: n.key, label: n.name }))} />
      </Form.Item>
      {fields.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={f.label}
          rules={f.required ? [{ required: true, message: t('chains.lists.required') }] : []}
        >
          {f.options ? <Select options={f.options} /> : f.long ? <Input.TextArea rows={2} /> : <Input />}
        </Form.Item>
      ))}
    </FormModal>
  );
}

/** 转为招商线索: asks for the county the lead is recorded in, then opens the new project. */
function ConvertButton({ code, prospect }: { code: string; prospect: ProspectItem }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const regions = useRegions();
  const convert = useConvertChainProspect(code);
  const [open, setOpen] = useState(false);
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const onOk = async () => {
    if (regionCode === null) return;
    const { projectId } = await convert.mutateAsync({ code, id: prospect.id, body: { regionCode, version: prospect.version } });
    void message.success(t('chains.lists.converted', { name: prospect.name }));
    void navigate(paths.project.getHref(projectId));
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={t('chains.lists.convertFor', { name: prospect.name })}>
        {t('chains.lists.convert')}
      </Button>
      <Modal
        open={open}
        title={t('chains.lists.convertTitle', { name: prospect.name })}
        okText={t('chains.lists.convert')}
        okButtonProps={{ disabled: regionCode === null }}
        confirmLoading={convert.isPending}
        onOk={() => void onOk()}
        onCancel={() => setOpen(false)}
      >
        <p>{t('chains.lists.convertHint')}</p>
        <Select
          aria-label={t('projects.region')}
          style={{ width: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={regions.isLoading}
          value={regionCode}
          onChange={setRegionCode}
          options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
        />
      </Modal>
    </>
  );
}

/** One list's table with its dialog and delete; `columns` are the list's own columns after the node. */
function ListTable<R extends Row>(props: {
  chain: ChainDetail;
  list: ChainListPath;
  query: UseQueryResult<{ items: R[] }>;
  columns: DataColumn<R>[];
  fields: Field[];
  label: string;
  nameOf: (row: R) => string;
}) {
  const t = useT();
  const { chain, list, label, query } = props;
  const me = useMe();
  const role = me.data?.user.role;
  const writes = role === 'admin' || (role === 'chain_office' && chain.canEdit);
  const remove = useDeleteChainListRow(chain.code);
  const importList = useImportChainList(chain.code);
  const [importing, setImporting] = useState(false);
  const { dialog, add, edit } = useRecordDialog<Row>(
    async () => (await query.refetch()).data?.items,
    (a, b) => a.id === b.id,
  );
  return (
    <>
      <DataTable<R>
        rows={query.data?.items ?? []}
        loading={query.isLoading}
        empty={writes ? t('chains.lists.empty', { list: label }) : t('chains.lists.emptyReadOnly', { list: label })}
        toolbar={{
          actions: writes ? (
            <Button onClick={() => setImporting(true)} data-testid={`${list}-import`}>
              {t('chains.import.button')}
            </Button>
          ) : null,
          add: writes ? { label: t('chains.lists.add', { list: label }), onClick: add, testId: `${list}-create` } : null,
        }}
        columns={[
          { key: 'node', title: t('chains.lists.node'), dataIndex: 'nodeName', width: 140 },
          ...props.columns,
          writes &&
            rowActionsColumn<R>(t, (row) => ({
              onEdit: () => edit(row),
              confirmTitle: t('chains.lists.deleteConfirm', { name: props.nameOf(row) }),
              onDelete: () => remove.mutateAsync({ code: chain.code, list, id: row.id, version: row.version }),
              deletedMessage: t('chains.deleted'),
            })),
        ]}
        rowKey="id"
        testId={`chain-${list}`}
        exportName={[chain.name, label]}
        tableProps={{ size: 'small' }}
      />
      {dialog ? <ListRowModal chain={chain} list={list} fields={props.fields} title={label} {...dialog} /> : null}
      {importing ? (
        <ImportDialog
          title={t('chains.import.title', { list: label })}
          templateHref={chainListTemplateHref(chain.code, list)}
          run={(file, dryRun) => importList.mutateAsync({ code: chain.code, list, file, dryRun, csrfToken: me.data?.csrfToken ?? null })}
          pending={importList.isPending}
          progress={importList.progress}
          error={importList.error}
          onClose={() => setImporting(false)}
        />
      ) : null}
    </>
  );
}

/**
 * 五单: 发展目标清单, 在建重大项目清单, 重点招商项目清单, 重点问题清单 (for the map's month, `?period=`),
 * the chain's 招商目标企业清单 and 可转化科技成果清单, each exportable, and the 五单一图谱 workbook; for the
 * admin, the leader and the chain's 链长/链办.
 */
export function ChainListsCard({ chain }: { chain: ChainDetail }) {
  const t = useT();
  const role = useMe().data?.user.role;
  const [searchParams] = useSearchParams();
  const period = searchParams.get('period') ?? undefined;
  const reads = roleIn(CHAIN_LIST_READER_ROLES, role);
  // The three lists read through other modules load when one of their tabs is first opened (the
  // page already loads the map, and the server reads one query at a time).
  const [opened, setOpened] = useState(false);
  const lists = useChainFiveLists(chain.code, period, reads && opened);
  const prospects = useChainProspects(chain.code, undefined, reads);
  const research = useChainResearch(chain.code, reads);
  if (!reads) return null;
  const writes = role === 'admin' || role === 'chain_office';
  const option = (prefix: string) => (value: string) => ({ value, label: t(`${prefix}.${value}` as 'chains.lists.maturity.lab') });
  const prospectTable = (
    <ListTable<ProspectItem>
      chain={chain}
      list="prospects"
      query={prospects}
      label={t('chains.lists.prospects')}
      nameOf={(p) => p.name}
      fields={[
        { name: 'name', label: t('chains.lists.name'), required: true },
        { name: 'uscc', label: t('enterprises.uscc') },
        { name: 'location', label: t('chains.lists.location') },
        { name: 'products', label: t('chains.lists.products'), long: true },
        { name: 'source', label: t('chains.lists.source') },
        { name: 'note', label: t('chains.lists.note'), long: true },
      ]}
      columns={[
        {
          key: 'name',
          title: t('chains.lists.name'),
          dataIndex: 'name',
          render: (_, p) =>
            p.isDemo ? (
              <>
                {p.name} <Tag>{t('chains.lists.demo')}</Tag>
              </>
            ) : (
              p.name
            ),
        },
        { key: 'uscc', title: t('enterprises.uscc'), dataIndex: 'uscc', width: 190 },
        { key: 'location', title: t('chains.lists.location'), dataIndex: 'location' },
        { key: 'products', title: t('chains.lists.products'), dataIndex: 'products' },
        { key: 'source', title: t('chains.lists.source'), dataIndex: 'source' },
        { key: 'note', title: t('chains.lists.note'), dataIndex: 'note' },
        {
          key: 'lead',
          title: t('chains.lists.lead'),
          excel: (p) => p.projectId,
          render: (_, p) =>
            p.projectId !== null ? (
              <Link to={paths.project.getHref(p.projectId)}>{t('chains.lists.project', { id: p.projectId })}</Link>
            ) : writes ? (
              <ConvertButton code={chain.code} prospect={p} />
            ) : null,
        },
      ]}
    />
  );
  const researchTable = (
    <ListTable<ResearchItem>
      chain={chain}
      list="research"
      query={research}
      label={t('chains.lists.research')}
      nameOf={(r) => r.title}
      fields={[
        { name: 'title', label: t('chains.lists.title'), required: true },
        { name: 'holder', label: t('chains.lists.holder'), required: true },
        {
          name: 'holderKind',
          label: t('chains.lists.holderKind'),
          required: true,
          options: HOLDER_KINDS.map(option('chains.lists.holderKind')),
        },
        { name: 'field', label: t('chains.lists.field') },
        {
          name: 'maturity',
          label: t('chains.lists.maturity'),
          required: true,
          options: RESEARCH_MATURITIES.map(option('chains.lists.maturity')),
        },
        { name: 'contact', label: t('chains.lists.contact') },
        {
          name: 'transferStatus',
          label: t('chains.lists.transferStatus'),
          options: TRANSFER_STATUSES.map(option('chains.lists.transfer')),
        },
      ]}
      columns={[
        { key: 'title', title: t('chains.lists.title'), dataIndex: 'title' },
        { key: 'holder', title: t('chains.lists.holder'), dataIndex: 'holder' },
        {
          key: 'holderKind',
          title: t('chains.lists.holderKind'),
          excel: (r) => t(`chains.lists.holderKind.${r.holderKind}`),
          render: (_, r) => t(`chains.lists.holderKind.${r.holderKind}`),
        },
        { key: 'field', title: t('chains.lists.field'), dataIndex: 'field' },
        {
          key: 'maturity',
          title: t('chains.lists.maturity'),
          excel: (r) => t(`chains.lists.maturity.${r.maturity}`),
          render: (_, r) => t(`chains.lists.maturity.${r.maturity}`),
        },
        { key: 'contact', title: t('chains.lists.contact'), dataIndex: 'contact' },
        {
          key: 'transfer',
          title: t('chains.lists.transferStatus'),
          excel: (r) => t(`chains.lists.transfer.${r.transferStatus}`),
          render: (_, r) => t(`chains.lists.transfer.${r.transferStatus}`),
        },
      ]}
    />
  );
  return (
    <Card
      title={t('chains.lists.title5')}
      extra={
        <Button
          href={fiveListsWorkbookHref(chain.code, period)}
          download
          title={t('chains.five.exportHint', { period: lists.data?.period ?? '' })}
          data-testid="chain-five-export"
        >
          {t('chains.five.export')}
        </Button>
      }
    >
      <Tabs
        onChange={(key) => {
          if (key === 'major' || key === 'investment' || key === 'problems') setOpened(true);
        }}
        items={[
          { key: 'targets', label: t('chains.five.targets'), children: <TargetsList chain={chain} period={period} /> },
          { key: 'major', label: t('chains.five.major'), children: <MajorList name={chain.name} query={lists} /> },
          { key: 'investment', label: t('chains.five.investment'), children: <InvestmentList name={chain.name} query={lists} /> },
          { key: 'problems', label: t('chains.five.problems'), children: <ProblemsList name={chain.name} query={lists} /> },
          { key: 'prospects', label: t('chains.lists.prospects'), children: prospectTable },
          { key: 'research', label: t('chains.lists.research'), children: researchTable },
        ]}
      />
    </Card>
  );
}

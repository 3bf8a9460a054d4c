import { App, Button, Card, Form, Popconfirm, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { ChainDetail, ChainEdge } from '../../../../shared/contracts/chains';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useAddChainEdge } from '../api/add-chain-edge';
import { useDeleteChainEdge } from '../api/delete-chain-edge';
import { markServerErrors } from '../../../lib/errors';

type FormValues = { from: string; to: string };
type ExportKey = 'from' | 'fromName' | 'to' | 'toName';

/** 连线: which node supplies which; the chain's users add and remove edges. */
export function ChainEdgesCard({ chain }: { chain: ChainDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const add = useAddChainEdge();
  const remove = useDeleteChainEdge();
  const nameOf = new Map(chain.nodes.map((n) => [n.key, n.name]));
  const label = (key: string) => `${nameOf.get(key) ?? key} (${key})`;
  const options = chain.nodes.map((n) => ({ value: n.key, label: `${n.name} (${n.key}) · ${t(`chains.stage.${n.stage}`)}` }));

  const onAdd = async (values: FormValues) => {
    try {
      await add.mutateAsync({ code: chain.code, body: values });
      message.success(t('chains.saved'));
      form.resetFields();
    } catch (err) {
      // The message is shown by the default mutation error handler; the fields it names are marked.
      markServerErrors(form, err, ['from', 'to']);
    }
  };

  const columns: TableColumnsType<ChainEdge> = [
    { key: 'from', title: t('chains.edge.from'), render: (_, edge) => label(edge.from) },
    {
      key: 'arrow',
      title: '',
      width: 120,
      render: () => (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          → {t('chains.edge.arrow')}
        </Typography.Text>
      ),
    },
    { key: 'to', title: t('chains.edge.to'), render: (_, edge) => label(edge.to) },
  ];
  if (chain.canEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, edge) => (
        <Popconfirm
          title={t('chains.edge.deleteConfirm', { from: nameOf.get(edge.from) ?? edge.from, to: nameOf.get(edge.to) ?? edge.to })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutate(
              { code: chain.code, from: edge.from, to: edge.to },
              { onSuccess: () => void message.success(t('chains.deleted')) },
            )
          }
        >
          <Button size="small" danger>
            {t('chains.delete')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'from', title: t('chains.node.key'), width: 12 },
    { key: 'fromName', title: t('chains.edge.from'), width: 24 },
    { key: 'to', title: t('chains.node.key'), width: 12 },
    { key: 'toName', title: t('chains.edge.to'), width: 24 },
  ];
  const exportRows = chain.edges.map((edge): Record<ExportKey, ExcelCell> => ({
    from: edge.from,
    fromName: nameOf.get(edge.from) ?? null,
    to: edge.to,
    toName: nameOf.get(edge.to) ?? null,
  }));

  return (
    <Card
      title={t('chains.edges')}
      extra={
        <ExportExcelButton
          fileName={`${chain.name}-${t('chains.edges')}-${formatDateStamp()}`}
          sheetName={t('chains.edges')}
          columns={exportColumns}
          rows={exportRows}
        />
      }
    >
      {chain.canEdit && chain.nodes.length >= 2 ? (
        <Form<FormValues>
          form={form}
          layout="inline"
          onFinish={(values) => void onAdd(values)}
          style={{ marginBottom: 16, rowGap: 8 }}
          data-testid="edge-form"
        >
          <Form.Item name="from" rules={[{ required: true, message: t('chains.edge.fromRequired') }]}>
            <Select showSearch optionFilterProp="label" placeholder={t('chains.edge.from')} options={options} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item
            name="to"
            dependencies={['from']}
            rules={[
              { required: true, message: t('chains.edge.toRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value !== undefined && value === getFieldValue('from')) throw new Error(t('chains.edge.same'));
                },
              }),
            ]}
          >
            <Select showSearch optionFilterProp="label" placeholder={t('chains.edge.to')} options={options} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={add.isPending} data-testid="edge-create">
              {t('chains.edge.create')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
      {chain.canEdit && chain.nodes.length < 2 ? (
        <Typography.Paragraph type="secondary">{t('chains.edge.needNodes')}</Typography.Paragraph>
      ) : null}
      <Table<ChainEdge>
        rowKey={(edge) => `${edge.from}->${edge.to}`}
        size="small"
        data-testid="chain-edges"
        columns={columns}
        dataSource={chain.edges}
        pagination={chain.edges.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t('chains.edge.empty') }}
      />
    </Card>
  );
}

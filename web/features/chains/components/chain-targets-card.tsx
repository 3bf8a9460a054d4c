import { App, Button, Card, Form, InputNumber } from 'antd';
import { useNavigate } from 'react-router';
import type { ChainDetail, ChainTarget } from '../../../../shared/contracts/chains';
import { DataTable } from '../../../components/data-table';
import { FormModal, reloadValues, type RecordFormProps } from '../../../components/form-modal';
import { rowActionsColumn } from '../../../components/row-actions';
import { formatPercent, formatYi, fractionToPercent, percentToFraction } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useDeleteChainTarget } from '../api/delete-chain-target';
import { usePutChainTarget } from '../api/put-chain-target';
import { currentYear } from '../../../lib/current-year';
import { useRecordDialog } from '../../../hooks/use-record-dialog';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { useCreateTaskFromTarget } from '../../../hooks/use-create-task-from-target';

type FormValues = { year: number; outputYi: number | null; growthPercent: number | null };

const YUAN_PER_YI = 100_000_000;

const valuesOfTarget = (target: ChainTarget): FormValues => ({
  year: target.year,
  outputYi: target.outputTargetYuan === null ? null : target.outputTargetYuan / YUAN_PER_YI,
  growthPercent: fractionToPercent(target.growthTarget),
});

/** The target form: output typed in 亿元 (stored as integer 元), growth in % (stored as a fraction). */
function TargetModal({ chain, record: target, onReload, onClose }: RecordFormProps<ChainTarget> & { chain: ChainDetail }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const put = usePutChainTarget();
  const taken = new Set(chain.targets.map((x) => x.year));
  const suggested = [currentYear(), currentYear() + 1].find((y) => !taken.has(y)) ?? currentYear();
  const initialValues: FormValues = target ? valuesOfTarget(target) : { year: suggested, outputYi: null, growthPercent: null };

  const onSubmit = async (values: FormValues) => {
    const body = {
      outputTargetYuan: values.outputYi === null || values.outputYi === undefined ? null : Math.round(values.outputYi * YUAN_PER_YI),
      growthTarget: values.growthPercent === null || values.growthPercent === undefined ? null : percentToFraction(values.growthPercent),
    };
    // The stored target's version, so a target someone else changed since the dialog opened is not overwritten.
    await put.mutateAsync({ code: chain.code, year: values.year, body: target ? { ...body, version: target.version } : body });
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={target ? t('chains.target.setTitle', { year: target.year }) : t('chains.target.set')}
      okText={t('chains.save')}
      initialValues={initialValues}
      onSubmit={onSubmit}
      savedMessage={t('chains.saved')}
      onClose={onClose}
      onReload={reloadValues(onReload, valuesOfTarget)}
      testId="target-form"
    >
      <Form.Item name="year" label={t('chains.target.year')} rules={[{ required: true, message: t('chains.target.yearRequired') }]}>
        <InputNumber min={1990} max={2100} precision={0} disabled={target !== null} />
      </Form.Item>
      <Form.Item
        name="outputYi"
        label={t('chains.target.outputYi')}
        dependencies={['growthPercent']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, value: number | null) => {
              const growth: unknown = getFieldValue('growthPercent');
              if ((value === null || value === undefined) && (growth === null || growth === undefined))
                throw new Error(t('chains.target.required'));
            },
          }),
        ]}
      >
        <InputNumber min={0} max={90_000_000} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="growthPercent" label={t('chains.target.growthPercent')}>
        <InputNumber min={-100} max={1000} precision={2} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

/** 从年度目标生成任务: the chain office's supervision task to reach a year's target (admin, 市领导, the chain's office). */
function TaskFromTargetButton({ chain, target }: { chain: ChainDetail; target: ChainTarget }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const generate = useCreateTaskFromTarget();
  const onClick = async () => {
    const task = await generate.mutateAsync({ chainCode: chain.code, year: target.year });
    void message.success(t('supervision.fromTargetDone', { title: task.title }));
    void navigate(paths.supervisionTask.getHref(task.id));
  };
  return (
    <Button size="small" loading={generate.isPending} onClick={() => void onClick()} data-testid={`target-task-${target.year}`}>
      {t('supervision.fromTarget')}
    </Button>
  );
}

/** 年度目标: output and growth targets per year, editable by the chain's users; supervision tasks generated from them. */
export function ChainTargetsCard({ chain, reload }: { chain: ChainDetail; reload: () => Promise<ChainDetail | undefined> }) {
  const t = useT();
  const role = useMe().data?.user.role;
  const setsTasks = role === 'admin' || role === 'leader' || role === 'chain_office';
  const { locale } = useLocale();
  const { dialog, add, edit } = useRecordDialog(
    async () => (await reload())?.targets,
    (a: ChainTarget, b) => a.year === b.year,
  );
  const remove = useDeleteChainTarget();
  const output = (target: ChainTarget) => (target.outputTargetYuan === null ? '—' : formatYi(target.outputTargetYuan, locale));

  return (
    <Card title={t('chains.targets')}>
      <DataTable<ChainTarget>
        rows={chain.targets}
        empty={chain.canEdit ? t('chains.target.empty') : t('chains.target.emptyReadOnly')}
        toolbar={{
          add: chain.canEdit ? { label: t('chains.target.set'), onClick: add, testId: 'target-create' } : null,
        }}
        columns={[
          { key: 'year', title: t('chains.target.year'), dataIndex: 'year', width: 100, excelWidth: 8 },
          {
            key: 'output',
            title: t('chains.target.output'),
            excelTitle: t('chains.target.outputYi'),
            align: 'right',
            excelWidth: 18,
            excel: (target) => (target.outputTargetYuan === null ? null : Math.round(target.outputTargetYuan / 1_000_000) / 100),
            render: (_, target) => output(target),
          },
          {
            key: 'growth',
            title: t('chains.target.growth'),
            excelTitle: t('chains.target.growthPercent'),
            align: 'right',
            excel: (target) => fractionToPercent(target.growthTarget),
            render: (_, target) => formatPercent(target.growthTarget, locale),
          },
          setsTasks && {
            key: 'task',
            title: t('supervision.pageTitle'),
            width: 170,
            render: (_, target) => <TaskFromTargetButton chain={chain} target={target} />,
          },
          chain.canEdit &&
            rowActionsColumn<ChainTarget>(t, (target) => ({
              onEdit: () => edit(target),
              confirmTitle: t('chains.target.deleteConfirm', { year: target.year }),
              onDelete: () => remove.mutateAsync({ code: chain.code, year: target.year, version: target.version }),
              deletedMessage: t('chains.deleted'),
            })),
        ]}
        rowKey="year"
        testId="chain-targets"
        exportName={[chain.name, t('chains.targets')]}
        tableProps={{ size: 'small' }}
      />
      {dialog ? <TargetModal chain={chain} {...dialog} /> : null}
    </Card>
  );
}

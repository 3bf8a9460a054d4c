import { useState } from 'react';
import { Button, Form, Input, Modal, Radio, Space, Tag, Tooltip } from 'antd';
import type { WarningItem } from '../../../../shared/contracts/warnings';
import {
  CORRECTION_SOURCES,
  DISPOSITION_STATUSES,
  type CorrectionSource,
  type DispositionStatus,
} from '../../../../shared/publication/workflow';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useSetDisposition } from '../../../hooks/use-set-disposition';

const COLOR: Record<DispositionStatus, string> = { pending: 'default', confirmed: 'green', corrected: 'blue', assigned: 'orange' };

/** A 预警's disposition (未处理 when none) with who and when; data staff may change it (with a note, a source for 已更正). */
export function DispositionCell({ item, period, canEdit }: { item: WarningItem; period: string; canEdit: boolean }) {
  const t = useT();
  const dispose = useSetDisposition();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ status: DispositionStatus; note: string; correctionSource: CorrectionSource; reference: string }>();
  const status = item.disposition?.status ?? 'pending';
  const chosen = Form.useWatch('status', form);
  const save = async () => {
    const v = await form.validateFields();
    dispose.mutate(
      {
        period,
        uscc: item.uscc,
        kind: item.kind,
        status: v.status,
        note: v.note || undefined,
        correctionSource: v.status === 'corrected' ? v.correctionSource : undefined,
        reference: v.reference || undefined,
      },
      { onSuccess: () => setOpen(false) },
    );
  };
  const who = item.disposition
    ? `${item.disposition.updatedBy ?? ''} ${formatDateTime(item.disposition.updatedAt)} ${item.disposition.note ?? ''}`
    : '';
  return (
    <Space size={4}>
      <Tooltip title={who}>
        <Tag color={COLOR[status]} data-testid={`disposition-${item.uscc}-${item.kind}`}>
          {t(`periods.disposition.${status}`)}
        </Tag>
      </Tooltip>
      {canEdit ? (
        <Button
          size="small"
          type="link"
          onClick={() => {
            form.setFieldsValue({ status, note: item.disposition?.note ?? '' });
            setOpen(true);
          }}
        >
          {t('warnings.dispose')}
        </Button>
      ) : null}
      <Modal
        open={open}
        title={`${item.name} · ${t('warnings.col.disposition')}`}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        okText={t('periods.save')}
        okButtonProps={{ loading: dispose.isPending }}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="status" label={t('warnings.col.disposition')} rules={[{ required: true }]}>
            <Radio.Group options={DISPOSITION_STATUSES.map((s) => ({ value: s, label: t(`periods.disposition.${s}`) }))} />
          </Form.Item>
          {chosen === 'corrected' ? (
            <>
              <Form.Item
                name="correctionSource"
                label={t('periods.sourceLabel')}
                rules={[{ required: true, message: t('periods.sourceRequired') }]}
              >
                <Radio.Group options={CORRECTION_SOURCES.map((s) => ({ value: s, label: t(`periods.source.${s}`) }))} />
              </Form.Item>
              <Form.Item name="reference" label={t('periods.reference')}>
                <Input />
              </Form.Item>
            </>
          ) : null}
          <Form.Item
            name="note"
            label={t('periods.note')}
            rules={
              chosen === 'confirmed' || chosen === 'assigned' ? [{ required: true, min: 2, message: t('periods.reasonRequired') }] : []
            }
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { REGION_KINDS, type RegionItem, type RegionKind } from '../../../../shared/contracts/regions';
import { useT } from '../../../lib/i18n';
import { errorText, markServerErrors } from '../../chains/utils/form-errors';
import { useCreateRegion } from '../api/create-region';
import { useUpdateRegion } from '../api/update-region';

type FormValues = { code: string; name: string; shortName: string; kind: RegionKind };

/** Add a region, or rename one (its code stays: parks, firms and user scopes refer to it). */
export function RegionFormModal({ region, onClose }: { region: RegionItem | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRegion();
  const update = useUpdateRegion();

  const onFinish = async (values: FormValues) => {
    try {
      if (region) await update.mutateAsync({ code: region.code, body: { name: values.name, shortName: values.shortName, kind: values.kind } });
      else await create.mutateAsync(values);
      message.success(t('regions.saved'));
      onClose();
    } catch (err) {
      markServerErrors(form, err, ['code', 'name', 'shortName', 'kind']);
      message.error(errorText(err));
    }
  };

  return (
    <Modal
      open
      title={region ? t('regions.form.editTitle', { name: region.name }) : t('regions.form.createTitle')}
      okText={t('regions.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={region ?? undefined} onFinish={(values) => void onFinish(values)} data-testid="region-form">
        <Form.Item
          name="code"
          label={t('regions.code')}
          extra={<Typography.Text type="secondary">{t('regions.form.codeFixed')}</Typography.Text>}
          rules={[
            { required: true, message: t('regions.form.codeRequired') },
            { pattern: /^[0-9]{6}$/, message: t('regions.form.codeInvalid') },
          ]}
        >
          <Input disabled={region !== null} maxLength={6} placeholder="430421" />
        </Form.Item>
        <Form.Item name="name" label={t('regions.name')} rules={[{ required: true, whitespace: true, message: t('regions.form.nameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="shortName" label={t('regions.shortName')} rules={[{ required: true, whitespace: true, message: t('regions.form.shortNameRequired') }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="kind" label={t('regions.kind')} rules={[{ required: true, message: t('regions.form.kindRequired') }]}>
          <Select options={REGION_KINDS.map((kind) => ({ value: kind, label: t(`regions.kind.${kind}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { INDUSTRY_GROUPS, type IndustryItem } from '../../../../shared/contracts/industries';
import { useT } from '../../../lib/i18n';
import { errorText, markServerErrors } from '../../chains/utils/form-errors';
import { useCreateIndustry } from '../api/create-industry';
import { useUpdateIndustry } from '../api/update-industry';

type FormValues = { code: string; group: (typeof INDUSTRY_GROUPS)[number]; name: string; sortOrder?: number | null };

/** Add a leading industry, or edit one (its code stays: chains refer to it). */
export function IndustryFormModal({ industry, onClose }: { industry: IndustryItem | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateIndustry();
  const update = useUpdateIndustry();

  const onFinish = async (values: FormValues) => {
    const sortOrder = values.sortOrder ?? undefined;
    try {
      if (industry) await update.mutateAsync({ code: industry.code, body: { name: values.name, group: values.group, sortOrder } });
      else await create.mutateAsync({ code: values.code, group: values.group, name: values.name, sortOrder });
      message.success(t('industries.saved'));
      onClose();
    } catch (err) {
      markServerErrors(form, err, ['code', 'group', 'name', 'sortOrder']);
      message.error(errorText(err));
    }
  };

  return (
    <Modal
      open
      title={industry ? t('industries.form.editTitle', { name: industry.name }) : t('industries.form.createTitle')}
      okText={t('industries.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={industry ? { code: industry.code, group: industry.group as FormValues['group'], name: industry.name, sortOrder: industry.sortOrder } : undefined}
        onFinish={(values) => void onFinish(values)}
        data-testid="industry-form"
      >
        <Form.Item
          name="code"
          label={t('industries.code')}
          extra={<Typography.Text type="secondary">{t('industries.form.codeFixed')}</Typography.Text>}
          rules={[
            { required: true, message: t('industries.form.codeRequired') },
            { pattern: /^[A-Z][A-Z0-9]{0,7}$/, message: t('industries.form.codeInvalid') },
          ]}
        >
          <Input disabled={industry !== null} maxLength={8} placeholder="E1" />
        </Form.Item>
        <Form.Item name="group" label={t('industries.group')} rules={[{ required: true, message: t('industries.form.groupRequired') }]}>
          <Select options={INDUSTRY_GROUPS.map((group) => ({ value: group, label: group }))} />
        </Form.Item>
        <Form.Item name="name" label={t('industries.name')} rules={[{ required: true, whitespace: true, message: t('industries.form.nameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('industries.sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

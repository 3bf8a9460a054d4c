import { Form, Input, Select, Typography } from 'antd';
import type { z } from 'zod';
import { REGION_KINDS, createRegionRequest, type RegionItem } from '../../../../shared/contracts/regions';
import { TextField } from '../../../components/form-fields';
import { FormModal, type RecordFormProps } from '../../../components/form-modal';
import { rulesFrom } from '../../../lib/form-rules';
import { useT } from '../../../lib/i18n';
import { useCreateRegion } from '../api/create-region';
import { useUpdateRegion } from '../api/update-region';

type FormValues = z.input<typeof createRegionRequest>;

const FIELDS = ['code', 'name', 'shortName', 'kind'] as const;
const shape = createRegionRequest.shape;

/** Add a region, or rename one (its code stays: parks, firms and user scopes refer to it). */
export function RegionFormModal({ record: region, onReload, onClose }: RecordFormProps<RegionItem>) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRegion();
  const update = useUpdateRegion();

  const onSubmit = async (values: FormValues) => {
    if (region)
      await update.mutateAsync({
        code: region.code,
        body: { name: values.name, shortName: values.shortName, kind: values.kind, version: region.version },
      });
    else await create.mutateAsync(values);
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={region ? t('regions.form.editTitle', { name: region.name }) : t('regions.form.createTitle')}
      okText={t('regions.save')}
      initialValues={region ?? undefined}
      onSubmit={onSubmit}
      savedMessage={t('regions.saved')}
      onClose={onClose}
      serverFields={FIELDS}
      onReload={onReload}
      testId="region-form"
    >
      <Form.Item
        name="code"
        label={t('regions.code')}
        extra={<Typography.Text type="secondary">{t('regions.form.codeFixed')}</Typography.Text>}
        rules={rulesFrom(shape.code, { required: t('regions.form.codeRequired'), invalid: t('regions.form.codeInvalid') })}
      >
        <Input disabled={region !== null} maxLength={6} placeholder="430421" />
      </Form.Item>
      <TextField name="name" label={t('regions.name')} schema={shape.name} required={t('regions.form.nameRequired')} maxLength={64} />
      <Form.Item
        name="shortName"
        label={t('regions.shortName')}
        rules={rulesFrom(shape.shortName, { required: t('regions.form.shortNameRequired') })}
      >
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="kind" label={t('regions.kind')} rules={rulesFrom(shape.kind, { required: t('regions.form.kindRequired') })}>
        <Select options={REGION_KINDS.map((kind) => ({ value: kind, label: t(`regions.kind.${kind}`) }))} />
      </Form.Item>
    </FormModal>
  );
}

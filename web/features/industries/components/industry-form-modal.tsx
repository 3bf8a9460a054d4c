import { Form, Input, Select, Typography } from 'antd';
import type { z } from 'zod';
import { INDUSTRY_GROUPS, createIndustryRequest, industryGroupSchema, type IndustryItem } from '../../../../shared/contracts/industries';
import { SortOrderField, TextField } from '../../../components/form-fields';
import { FormModal, pickFields, reloadValues, type RecordFormProps } from '../../../components/form-modal';
import { rulesFrom } from '../../../lib/form-rules';
import { useT } from '../../../lib/i18n';
import { useCreateIndustry } from '../api/create-industry';
import { useUpdateIndustry } from '../api/update-industry';

/** The form edits the create body; an emptied sort order (null) sends none, and the industry goes last. */
type FormValues = Omit<z.input<typeof createIndustryRequest>, 'sortOrder'> & { sortOrder?: number | null };

const FIELDS = ['code', 'group', 'name', 'sortOrder'] as const;
const shape = createIndustryRequest.shape;

/** The form's values for an industry; a group outside the four (older data) is left for the user to pick. */
function valuesOf(industry: IndustryItem): Partial<FormValues> {
  return { ...pickFields(industry, ['code', 'name', 'sortOrder']), group: industryGroupSchema.safeParse(industry.group).data };
}

/** Add a leading industry, or edit one (its code stays: chains refer to it). */
export function IndustryFormModal({ record: industry, onReload, onClose }: RecordFormProps<IndustryItem>) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateIndustry();
  const update = useUpdateIndustry();

  const onSubmit = async (values: FormValues) => {
    const sortOrder = values.sortOrder ?? undefined;
    if (industry)
      await update.mutateAsync({
        code: industry.code,
        body: { name: values.name, group: values.group, sortOrder, version: industry.version },
      });
    else await create.mutateAsync({ code: values.code, group: values.group, name: values.name, sortOrder });
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={industry ? t('industries.form.editTitle', { name: industry.name }) : t('industries.form.createTitle')}
      okText={t('industries.save')}
      initialValues={industry ? valuesOf(industry) : undefined}
      onSubmit={onSubmit}
      savedMessage={t('industries.saved')}
      onClose={onClose}
      serverFields={FIELDS}
      onReload={reloadValues(onReload, valuesOf)}
      testId="industry-form"
    >
      <Form.Item
        name="code"
        label={t('industries.code')}
        extra={<Typography.Text type="secondary">{t('industries.form.codeFixed')}</Typography.Text>}
        rules={rulesFrom(shape.code, { required: t('industries.form.codeRequired'), invalid: t('industries.form.codeInvalid') })}
      >
        <Input disabled={industry !== null} maxLength={8} placeholder="E1" />
      </Form.Item>
      <Form.Item
        name="group"
        label={t('industries.group')}
        rules={rulesFrom(shape.group, { required: t('industries.form.groupRequired') })}
      >
        <Select options={INDUSTRY_GROUPS.map((group) => ({ value: group, label: group }))} />
      </Form.Item>
      <TextField name="name" label={t('industries.name')} schema={shape.name} required={t('industries.form.nameRequired')} maxLength={50} />
      <SortOrderField label={t('industries.sortOrder')} style={{ width: '100%' }} />
    </FormModal>
  );
}

import { Form, Select } from 'antd';
import { INVESTOR_KINDS, type InvestorItem } from '../../../../shared/contracts/projects';
import { TextField } from '../../../components/form-fields';
import { FormModal } from '../../../components/form-modal';
import { useT } from '../../../lib/i18n';
import { useCreateInvestor, useUpdateInvestor } from '../api/save-investor';

type FormValues = {
  kind: InvestorItem['kind'];
  name: string;
  uscc?: string;
  origin?: string;
  nativePlace?: string;
  contactName?: string;
  contactPhone?: string;
};

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/** Registers or edits an investor (客商): a company's USCC is checked by the server. */
export function InvestorFormModal({ investor, onClose }: { investor: InvestorItem | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateInvestor();
  const update = useUpdateInvestor();
  const onSubmit = async (v: FormValues) => {
    const body = {
      kind: v.kind,
      name: v.name.trim(),
      uscc: orNull(v.uscc),
      origin: orNull(v.origin),
      nativePlace: orNull(v.nativePlace),
      contactName: orNull(v.contactName),
      contactPhone: orNull(v.contactPhone),
    };
    if (investor) await update.mutateAsync({ id: investor.id, body: { ...body, version: investor.version } });
    else await create.mutateAsync(body);
  };
  const initial: Partial<FormValues> = investor
    ? {
        kind: investor.kind,
        name: investor.name,
        uscc: investor.uscc ?? '',
        origin: investor.origin ?? '',
        nativePlace: investor.nativePlace ?? '',
        contactName: investor.contactName ?? '',
        contactPhone: investor.contactPhone ?? '',
      }
    : { kind: 'company' };
  return (
    <FormModal<FormValues>
      form={form}
      title={investor ? t('investors.form.editTitle', { name: investor.name }) : t('investors.form.createTitle')}
      okText={t('investors.save')}
      initialValues={initial}
      onSubmit={onSubmit}
      savedMessage={t('investors.saved')}
      onClose={onClose}
      serverFields={['kind', 'name', 'uscc', 'origin', 'nativePlace', 'contactName', 'contactPhone']}
      testId="investor-form"
    >
      <Form.Item name="kind" label={t('investors.kind')} rules={[{ required: true }]}>
        <Select options={INVESTOR_KINDS.map((k) => ({ value: k, label: t(`investors.kind.${k}`) }))} />
      </Form.Item>
      <TextField name="name" label={t('investors.name')} required={t('investors.form.nameRequired')} maxLength={100} />
      <TextField name="uscc" label={t('investors.uscc')} extra={t('investors.form.usccHint')} maxLength={18} />
      <TextField name="origin" label={t('investors.origin')} maxLength={50} />
      <TextField name="nativePlace" label={t('investors.nativePlace')} extra={t('investors.form.nativePlaceHint')} maxLength={50} />
      <TextField name="contactName" label={t('investors.contactName')} maxLength={50} />
      <TextField name="contactPhone" label={t('investors.contactPhone')} maxLength={30} />
    </FormModal>
  );
}

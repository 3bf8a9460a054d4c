import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { ChainDetail } from '../../../../shared/contracts/chains';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useCreateChain } from '../api/create-chain';
import { useIndustries } from '../api/get-industries';
import { useUpdateChain } from '../api/update-chain';
import { errorText, markServerErrors } from '../utils/form-errors';

type FormValues = {
  code: string;
  name: string;
  industryCode: string;
  validFromYear: number;
  validToYear: number | null;
  chiefTitle: string;
  office: string;
  supportingDepartments: string[];
  hostPlaces: string[];
  chainMasters: string[];
  sortOrder: number;
};

const FIELDS: (keyof FormValues)[] = ['code', 'name', 'industryCode', 'validFromYear', 'validToYear', 'chiefTitle', 'office', 'supportingDepartments', 'hostPlaces', 'chainMasters', 'sortOrder'];

export type ChainFormMode = { kind: 'create'; year: number } | { kind: 'edit'; chain: ChainDetail };

const blankToNull = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null);

/** Create or edit a chain. 链长/链办 edit the governance facts; list fields stay with the admin. */
export function ChainFormModal({ mode, onClose }: { mode: ChainFormMode; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const industries = useIndustries();
  const create = useCreateChain();
  const update = useUpdateChain();
  const chain = mode.kind === 'edit' ? mode.chain : null;
  const listLocked = chain !== null && !chain.canAdminister;
  const pending = create.isPending || update.isPending;

  const initialValues: Partial<FormValues> = chain
    ? {
        name: chain.name,
        industryCode: chain.industryCode,
        validFromYear: chain.validFromYear,
        validToYear: chain.validToYear,
        chiefTitle: chain.chiefTitle ?? '',
        office: chain.office ?? '',
        supportingDepartments: chain.supportingDepartments,
        hostPlaces: chain.hostPlaces,
        chainMasters: chain.chainMasters,
        sortOrder: chain.sortOrder,
      }
    : { validFromYear: mode.kind === 'create' ? mode.year : undefined, validToYear: null, supportingDepartments: [], hostPlaces: [], chainMasters: [], sortOrder: 0 };

  const onFinish = async (values: FormValues) => {
    const body = {
      name: values.name,
      industryCode: values.industryCode,
      validFromYear: values.validFromYear,
      validToYear: values.validToYear ?? null,
      chiefTitle: blankToNull(values.chiefTitle),
      office: blankToNull(values.office),
      supportingDepartments: values.supportingDepartments,
      hostPlaces: values.hostPlaces,
      chainMasters: values.chainMasters,
      sortOrder: values.sortOrder,
    };
    try {
      if (chain) {
        await update.mutateAsync({ code: chain.code, body });
        message.success(t('chains.saved'));
        onClose();
      } else {
        const created = await create.mutateAsync({ ...body, code: values.code });
        message.success(t('chains.saved'));
        onClose();
        void navigate(paths.chain.getHref(created.code));
      }
    } catch (err) {
      markServerErrors(form, err, FIELDS);
      message.error(errorText(err));
    }
  };

  const tags = (placeholder: string) => <Select mode="tags" open={false} suffixIcon={null} placeholder={placeholder} tokenSeparators={['、', ',', '，']} />;

  return (
    <Modal
      open
      title={chain ? t('chains.form.editTitle', { name: chain.name }) : t('chains.form.createTitle')}
      okText={t('chains.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {listLocked ? <Alert type="info" showIcon title={t('chains.form.adminOnly')} style={{ marginBottom: 16 }} /> : null}
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void onFinish(values)} data-testid="chain-form">
        {chain ? null : (
          <Form.Item
            name="code"
            label={t('chains.code')}
            normalize={(value: string) => value.toUpperCase()}
            rules={[
              { required: true, message: t('chains.form.codeRequired') },
              { pattern: /^[A-Z][A-Z0-9]{1,15}$/, message: t('chains.form.codeInvalid') },
            ]}
          >
            <Input placeholder="CH16" maxLength={16} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('chains.name')} rules={[{ required: true, whitespace: true, message: t('chains.form.nameRequired') }]}>
          <Input maxLength={100} disabled={listLocked} />
        </Form.Item>
        <Form.Item name="industryCode" label={t('chains.industry')} rules={[{ required: true, message: t('chains.form.industryRequired') }]}>
          <Select
            disabled={listLocked}
            loading={industries.isLoading}
            options={(industries.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.group} · ${i.name}` }))}
          />
        </Form.Item>
        <Form.Item label={t('chains.validYears')} style={{ marginBottom: 0 }}>
          <Form.Item name="validFromYear" label={t('chains.validFrom')} rules={[{ required: true, message: t('chains.form.validFromRequired') }]} style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}>
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} disabled={listLocked} />
          </Form.Item>
          <Form.Item
            name="validToYear"
            label={t('chains.validTo')}
            dependencies={['validFromYear']}
            style={{ display: 'inline-block', width: 'calc(50% - 8px)', marginLeft: 16 }}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: number | null) => {
                  const from: unknown = getFieldValue('validFromYear');
                  if (value !== null && value !== undefined && typeof from === 'number' && value < from) throw new Error(t('chains.form.validToInvalid'));
                },
              }),
            ]}
          >
            <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} disabled={listLocked} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="chiefTitle" label={t('chains.chief')}>
          <Input maxLength={100} placeholder={t('chains.form.chiefPlaceholder')} />
        </Form.Item>
        <Form.Item name="office" label={t('chains.office')}>
          <Input maxLength={100} placeholder={t('chains.form.officePlaceholder')} />
        </Form.Item>
        <Form.Item name="supportingDepartments" label={t('chains.departments')}>
          {tags(t('chains.form.listPlaceholder'))}
        </Form.Item>
        <Form.Item name="hostPlaces" label={t('chains.hosts')}>
          {tags(t('chains.form.listPlaceholder'))}
        </Form.Item>
        <Form.Item name="chainMasters" label={t('chains.masters')}>
          {tags(t('chains.form.listPlaceholder'))}
        </Form.Item>
        <Form.Item name="sortOrder" label={t('chains.sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} disabled={listLocked} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

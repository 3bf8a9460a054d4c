import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { CHAIN_FIELDS, createChainRequest, type ChainDetail } from '../../../../shared/contracts/chains';
import { SortOrderField, TagsInput, TextField } from '../../../components/form-fields';
import { FormModal, pickFields, reloadValues } from '../../../components/form-modal';
import { paths } from '../../../config/paths';
import { useIndustries } from '../../../hooks/use-industries';
import { rulesFrom } from '../../../lib/form-rules';
import { useT } from '../../../lib/i18n';
import { useCreateChain } from '../api/create-chain';
import { useUpdateChain } from '../api/update-chain';

type FormValues = z.input<typeof createChainRequest>;

const shape = createChainRequest.shape;

/** The chain's lists of names (departments, host places, 链主 firms), each typed as tags. */
const LIST_FIELDS = [
  ['supportingDepartments', 'chains.departments'],
  ['hostPlaces', 'chains.hosts'],
  ['chainMasters', 'chains.masters'],
] as const;

export type ChainFormMode = { kind: 'create'; year: number } | { kind: 'edit'; chain: ChainDetail };

const blankToNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : null);

/** The fields the form edits as they are stored (the two optional texts are blank when empty). */
const PLAIN_FIELDS = ['name', 'industryCode', 'validFromYear', 'supportingDepartments', 'hostPlaces', 'chainMasters', 'sortOrder'] as const;

function valuesOf(chain: ChainDetail): Partial<FormValues> {
  return {
    ...pickFields(chain, PLAIN_FIELDS),
    validToYear: chain.validToYear,
    chiefTitle: chain.chiefTitle ?? '',
    office: chain.office ?? '',
  };
}

type Props = {
  mode: ChainFormMode;
  /** Loads the chain again after a version conflict. */
  onReload?: () => Promise<ChainDetail | undefined>;
  onClose: () => void;
};

/** Create or edit a chain. 链长/链办 edit the governance facts; list fields stay with the admin. */
export function ChainFormModal({ mode, onReload, onClose }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const industries = useIndustries();
  const create = useCreateChain();
  const update = useUpdateChain();
  const chain = mode.kind === 'edit' ? mode.chain : null;
  const listLocked = chain !== null && !chain.canAdminister;
  const initialValues: Partial<FormValues> = chain
    ? valuesOf(chain)
    : {
        validFromYear: mode.kind === 'create' ? mode.year : undefined,
        validToYear: null,
        supportingDepartments: [],
        hostPlaces: [],
        chainMasters: [],
        sortOrder: 0,
      };

  const onSubmit = async (values: FormValues) => {
    const body = {
      ...pickFields(values, PLAIN_FIELDS),
      validToYear: values.validToYear ?? null,
      chiefTitle: blankToNull(values.chiefTitle),
      office: blankToNull(values.office),
    };
    if (chain) {
      await update.mutateAsync({ code: chain.code, body: { ...body, version: chain.version } });
    } else {
      const created = await create.mutateAsync({ ...body, code: values.code });
      void navigate(paths.chain.getHref(created.code));
    }
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={chain ? t('chains.form.editTitle', { name: chain.name }) : t('chains.form.createTitle')}
      okText={t('chains.save')}
      initialValues={initialValues}
      onSubmit={onSubmit}
      savedMessage={t('chains.saved')}
      onClose={onClose}
      serverFields={CHAIN_FIELDS}
      onReload={reloadValues(onReload, valuesOf)}
      width={640}
      testId="chain-form"
    >
      {listLocked ? <Alert type="info" showIcon title={t('chains.form.adminOnly')} style={{ marginBottom: 16 }} /> : null}
      {chain ? null : (
        <Form.Item
          name="code"
          label={t('chains.code')}
          normalize={(value: string) => value.toUpperCase()}
          rules={rulesFrom(shape.code, { required: t('chains.form.codeRequired'), invalid: t('chains.form.codeInvalid') })}
        >
          <Input placeholder="CH16" maxLength={16} />
        </Form.Item>
      )}
      <TextField
        name="name"
        label={t('chains.name')}
        schema={shape.name}
        required={t('chains.form.nameRequired')}
        maxLength={100}
        disabled={listLocked}
      />
      <Form.Item
        name="industryCode"
        label={t('chains.industry')}
        rules={rulesFrom(shape.industryCode, { required: t('chains.form.industryRequired') })}
      >
        <Select
          disabled={listLocked}
          loading={industries.isLoading}
          options={(industries.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.group} · ${i.name}` }))}
        />
      </Form.Item>
      <Form.Item label={t('chains.validYears')} style={{ marginBottom: 0 }}>
        <Form.Item
          name="validFromYear"
          label={t('chains.validFrom')}
          rules={rulesFrom(shape.validFromYear, { required: t('chains.form.validFromRequired') })}
          style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}
        >
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
                if (value !== null && value !== undefined && typeof from === 'number' && value < from)
                  throw new Error(t('chains.form.validToInvalid'));
              },
            }),
          ]}
        >
          <InputNumber min={1990} max={2100} precision={0} style={{ width: '100%' }} disabled={listLocked} />
        </Form.Item>
      </Form.Item>
      <TextField name="chiefTitle" label={t('chains.chief')} maxLength={100} placeholder={t('chains.form.chiefPlaceholder')} />
      <TextField name="office" label={t('chains.office')} maxLength={100} placeholder={t('chains.form.officePlaceholder')} />
      {LIST_FIELDS.map(([name, label]) => (
        <Form.Item key={name} name={name} label={t(label)}>
          <TagsInput placeholder={t('chains.form.listPlaceholder')} separators={['、', ',', '，']} />
        </Form.Item>
      ))}
      <SortOrderField label={t('chains.sortOrder')} disabled={listLocked} />
    </FormModal>
  );
}

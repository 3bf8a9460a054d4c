import { useRef } from 'react';
import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { PROJECT_CATEGORIES, PROJECT_CHANNELS, type ProjectCategory, type ProjectChannel } from '../../../../shared/contracts/projects';
import { TextField } from '../../../components/form-fields';
import { FormModal } from '../../../components/form-modal';
import { useChains } from '../../../hooks/use-chains';
import { useInvestors } from '../../../hooks/use-investors';
import { useParkOptions } from '../../../hooks/use-park-options';
import { useRegions } from '../../../hooks/use-regions';
import { currentYear } from '../../../lib/current-year';
import { useT } from '../../../lib/i18n';
import { useChainNodes } from '../api/get-chain-nodes';
import { useCreateProject } from '../api/create-project';

type FormValues = {
  name: string;
  confidential: boolean;
  codeName?: string;
  channel: ProjectChannel;
  category: ProjectCategory;
  chainCode: string;
  nodeKey?: string;
  regionCode: string;
  parkId?: number;
  investorId?: number;
  unit?: string;
  person?: string;
  /** Typed in 万元, sent in 元. */
  signedWan?: number | null;
  plannedWan?: number | null;
  notes?: string;
};

const WAN = 10_000;
const toYuan = (wan: number | null | undefined) => (wan === null || wan === undefined ? null : Math.round(wan * WAN));
const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/**
 * 发起招商线索: records a new lead (`onClose` gets its id, or null when cancelled), optionally already on a chain's node (the chain map's 缺链/弱链
 * nodes open it prefilled). Amounts are typed in 万元; the server keeps 元.
 */
export function ProjectFormModal(props: { chain?: string; node?: string; onClose: (createdId: number | null) => void }) {
  const { chain, node } = props;
  const t = useT();
  const created = useRef<number | null>(null);
  const [form] = Form.useForm<FormValues>();
  const create = useCreateProject();
  const chains = useChains(currentYear());
  const regions = useRegions();
  const parks = useParkOptions();
  const investors = useInvestors({ page: 1, pageSize: 500 });
  const chainCode = Form.useWatch('chainCode', form) ?? chain;
  const confidential = Form.useWatch('confidential', form) ?? false;
  const nodes = useChainNodes(chainCode);

  const onSubmit = async (v: FormValues) => {
    const project = await create.mutateAsync({
      name: v.name,
      confidential: v.confidential,
      codeName: v.confidential ? orNull(v.codeName) : null,
      channel: v.channel,
      category: v.category,
      chainCode: v.chainCode,
      nodeKey: v.nodeKey ?? null,
      regionCode: v.regionCode,
      parkId: v.parkId ?? null,
      investorId: v.investorId ?? null,
      unit: orNull(v.unit),
      person: orNull(v.person),
      signedAmount: toYuan(v.signedWan),
      plannedInvestment: toYuan(v.plannedWan),
      notes: orNull(v.notes),
    });
    created.current = project.id;
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={t('projects.form.title')}
      okText={t('projects.form.ok')}
      initialValues={{ confidential: false, channel: 'chain_chief', category: 'industry', chainCode: chain, nodeKey: node }}
      onSubmit={onSubmit}
      savedMessage={t('projects.form.saved')}
      onClose={() => props.onClose(created.current)}
      serverFields={[
        'name',
        'codeName',
        'channel',
        'chainCode',
        'nodeKey',
        'regionCode',
        'parkId',
        'investorId',
        'signedAmount',
        'plannedInvestment',
      ]}
      fieldAliases={{ signedAmount: 'signedWan', plannedInvestment: 'plannedWan' }}
      width={640}
      testId="project-form"
    >
      <TextField name="name" label={t('projects.name')} required={t('projects.form.nameRequired')} maxLength={100} />
      <Form.Item name="confidential" valuePropName="checked">
        <Checkbox>{t('projects.confidential')}</Checkbox>
      </Form.Item>
      {confidential ? (
        <TextField name="codeName" label={t('projects.codeName')} required={t('projects.form.codeNameRequired')} maxLength={50} />
      ) : null}
      <Form.Item name="chainCode" label={t('projects.chain')} rules={[{ required: true, message: t('projects.form.chainRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={chains.isLoading}
          options={(chains.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
          onChange={() => form.setFieldValue('nodeKey', undefined)}
        />
      </Form.Item>
      <Form.Item name="nodeKey" label={t('projects.node')} extra={t('projects.form.nodeHint')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={nodes.isLoading}
          options={(nodes.data ?? []).map((n) => ({ value: n.key, label: `${n.name} · ${t(`chains.status.${n.status}`)}` }))}
        />
      </Form.Item>
      <Form.Item name="channel" label={t('projects.channel')} rules={[{ required: true }]}>
        <Select options={PROJECT_CHANNELS.map((c) => ({ value: c, label: t(`projects.channel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('projects.category')} rules={[{ required: true }]}>
        <Select options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`projects.category.${c}`) }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('projects.region')} rules={[{ required: true, message: t('projects.form.regionRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={regions.isLoading}
          options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
        />
      </Form.Item>
      <Form.Item name="parkId" label={t('projects.park')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={parks.loading} options={parks.options} />
      </Form.Item>
      <Form.Item name="investorId" label={t('projects.investor')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={investors.isLoading}
          options={(investors.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
        />
      </Form.Item>
      <Form.Item name="signedWan" label={t('projects.form.signedWan')}>
        <InputNumber min={0} precision={2} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="plannedWan" label={t('projects.form.plannedWan')}>
        <InputNumber min={0} precision={2} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="unit" label={t('projects.unit')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="person" label={t('projects.person')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="notes" label={t('projects.notes')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

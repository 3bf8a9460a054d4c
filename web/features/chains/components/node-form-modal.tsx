import { Form, Input, Select, Typography } from 'antd';
import type { z } from 'zod';
import { NODE_STAGES, createNodeRequest, type ChainNode } from '../../../../shared/contracts/chains';
import { SortOrderField, TagsInput, TextField } from '../../../components/form-fields';
import { FormModal, pickFields, reloadValues, type RecordFormProps } from '../../../components/form-modal';
import { rulesFrom } from '../../../lib/form-rules';
import { useT } from '../../../lib/i18n';
import { useCreateChainNode } from '../api/create-chain-node';
import type { VersionedNode } from '../api/get-chain';
import { useUpdateChainNode } from '../api/update-chain-node';

/** The create body; an emptied sort order (null) sends none. */
type FormValues = Omit<z.input<typeof createNodeRequest>, 'sortOrder'> & { sortOrder?: number | null };

const FIELDS = ['key', 'name', 'stage', 'gbt4754', 'sortOrder'] as const;
const shape = createNodeRequest.shape;

const valuesOf = (node: ChainNode): Partial<FormValues> => pickFields(node, FIELDS);

/** Add a node to the chain, or edit one (its key stays: files and memberships name the node by it). */
export function NodeFormModal({ chainCode, record: node, onReload, onClose }: RecordFormProps<VersionedNode> & { chainCode: string }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateChainNode();
  const update = useUpdateChainNode();

  const onSubmit = async (values: FormValues) => {
    const fields = { name: values.name, stage: values.stage, gbt4754: values.gbt4754 ?? [], sortOrder: values.sortOrder ?? undefined };
    if (node) await update.mutateAsync({ code: chainCode, key: node.key, body: { ...fields, version: node.version } });
    else await create.mutateAsync({ code: chainCode, body: { ...fields, key: values.key } });
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={node ? t('chains.node.editTitle', { name: node.name }) : t('chains.node.create')}
      okText={t('chains.save')}
      initialValues={node ? valuesOf(node) : { gbt4754: [], sortOrder: null }}
      onSubmit={onSubmit}
      savedMessage={t('chains.saved')}
      onClose={onClose}
      serverFields={FIELDS}
      onReload={reloadValues(onReload, valuesOf)}
      testId="node-form"
    >
      <Form.Item
        name="key"
        label={t('chains.node.key')}
        extra={<Typography.Text type="secondary">{t('chains.node.keyFixed')}</Typography.Text>}
        rules={rulesFrom(shape.key, { required: t('chains.node.keyRequired'), invalid: t('chains.node.keyInvalid') })}
      >
        <Input disabled={node !== null} placeholder="xfmr" maxLength={32} />
      </Form.Item>
      <TextField name="name" label={t('chains.node.name')} schema={shape.name} required={t('chains.node.nameRequired')} maxLength={100} />
      <Form.Item name="stage" label={t('chains.node.stage')} rules={rulesFrom(shape.stage, { required: t('chains.node.stageRequired') })}>
        <Select options={NODE_STAGES.map((stage) => ({ value: stage, label: t(`chains.stage.${stage}`) }))} />
      </Form.Item>
      <Form.Item name="gbt4754" label={t('chains.node.gbt4754')} rules={rulesFrom(shape.gbt4754, { invalid: t('chains.node.gbtInvalid') })}>
        <TagsInput placeholder={t('chains.node.gbtPlaceholder')} separators={[',', '，', ' ']} />
      </Form.Item>
      <SortOrderField label={t('chains.sortOrder')} />
    </FormModal>
  );
}

import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { NODE_STAGES, type ChainNode, type NodeStage } from '../../../../shared/contracts/chains';
import { useT } from '../../../lib/i18n';
import { useCreateChainNode } from '../api/create-chain-node';
import { useUpdateChainNode } from '../api/update-chain-node';
import { errorText, markServerErrors } from '../utils/form-errors';

type FormValues = { key: string; name: string; stage: NodeStage; gbt4754: string[]; sortOrder: number | null };

const FIELDS: (keyof FormValues)[] = ['key', 'name', 'stage', 'gbt4754', 'sortOrder'];

/** Add a node to the chain, or edit one (its key stays: files and memberships name the node by it). */
export function NodeFormModal({ chainCode, node, onClose }: { chainCode: string; node: ChainNode | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateChainNode();
  const update = useUpdateChainNode();
  const initialValues: Partial<FormValues> = node
    ? { key: node.key, name: node.name, stage: node.stage, gbt4754: node.gbt4754, sortOrder: node.sortOrder }
    : { gbt4754: [], sortOrder: null };

  const onFinish = async (values: FormValues) => {
    const sortOrder = values.sortOrder ?? undefined;
    try {
      if (node) {
        await update.mutateAsync({ code: chainCode, key: node.key, body: { name: values.name, stage: values.stage, gbt4754: values.gbt4754, sortOrder } });
      } else {
        await create.mutateAsync({ code: chainCode, body: { key: values.key, name: values.name, stage: values.stage, gbt4754: values.gbt4754, sortOrder } });
      }
      message.success(t('chains.saved'));
      onClose();
    } catch (err) {
      markServerErrors(form, err, FIELDS);
      message.error(errorText(err));
    }
  };

  return (
    <Modal
      open
      title={node ? t('chains.node.editTitle', { name: node.name }) : t('chains.node.create')}
      okText={t('chains.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void onFinish(values)} data-testid="node-form">
        <Form.Item
          name="key"
          label={t('chains.node.key')}
          extra={<Typography.Text type="secondary">{t('chains.node.keyFixed')}</Typography.Text>}
          rules={[
            { required: true, message: t('chains.node.keyRequired') },
            { pattern: /^[a-z][a-z0-9_]{0,31}$/, message: t('chains.node.keyInvalid') },
          ]}
        >
          <Input disabled={node !== null} placeholder="xfmr" maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('chains.node.name')} rules={[{ required: true, whitespace: true, message: t('chains.node.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="stage" label={t('chains.node.stage')} rules={[{ required: true, message: t('chains.node.stageRequired') }]}>
          <Select options={NODE_STAGES.map((stage) => ({ value: stage, label: t(`chains.stage.${stage}`) }))} />
        </Form.Item>
        <Form.Item
          name="gbt4754"
          label={t('chains.node.gbt4754')}
          rules={[
            {
              validator: async (_, value: string[] | undefined) => {
                if ((value ?? []).some((code) => !/^[0-9]{2,4}$/.test(code))) throw new Error(t('chains.node.gbtInvalid'));
              },
            },
          ]}
        >
          <Select mode="tags" open={false} suffixIcon={null} placeholder={t('chains.node.gbtPlaceholder')} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('chains.sortOrder')}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

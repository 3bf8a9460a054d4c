import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { BRIEF_TEMPLATE_KEYS, type BriefTemplateKey } from '../../../../shared/contracts/briefs';
import { ErrorAlert } from '../../../components/error-alert';
import { ConflictAlert } from '../../../components/form-modal';
import { PageSpinner } from '../../../components/page-spinner';
import { ApiError } from '../../../lib/api-client';
import { errorText, isVersionConflict } from '../../../lib/errors';
import { useT } from '../../../lib/i18n';
import { useBriefTemplates, type BriefTemplates } from '../api/get-brief-templates';
import { useUpdateBriefTemplates } from '../api/update-brief-templates';

type Texts = Partial<Record<BriefTemplateKey, string>> & { cityName?: string };
type Field = BriefTemplateKey | 'cityName';
const FIELDS: readonly Field[] = [...BRIEF_TEMPLATE_KEYS, 'cityName'];

/** The fields a refusal names in its details (`body.texts.opening`, `body.cityName`); none when it names no field. */
export function templateKeysOf(error: unknown): Field[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  const paths = error.details.map((d: unknown) => (typeof d === 'object' && d !== null && 'path' in d ? String(d.path) : ''));
  return FIELDS.filter((key) => paths.some((path) => path.split('.').includes(key)));
}

function textsOf(templates: BriefTemplates): Texts {
  return { ...Object.fromEntries(templates.items.map((item) => [item.key, item.text])), cityName: templates.cityName };
}

/** The templates form: one text per template with its placeholders and 恢复默认; saves the changed ones at the version. */
function TemplatesForm({ templates, onReload }: { templates: BriefTemplates; onReload: () => Promise<unknown> }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Texts>();
  const update = useUpdateBriefTemplates();
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);

  const save = async (values: Texts) => {
    setConflict(null);
    const { cityName, ...edited } = values;
    const before = textsOf(templates);
    const texts = Object.fromEntries(Object.entries(edited).filter(([key, text]) => before[key as BriefTemplateKey] !== text)); // keys come from the form's own fields
    try {
      await update.mutateAsync({ texts, cityName: cityName === templates.cityName ? undefined : cityName, version: templates.version });
      void message.success(t('briefs.templates.saved'));
    } catch (error) {
      if (isVersionConflict(error)) return setConflict(errorText(error));
      const keys = templateKeysOf(error);
      if (keys.length === 0) return void message.error(errorText(error));
      form.setFields(keys.map((name) => ({ name, errors: [errorText(error)] })));
    }
  };
  const reload = async () => {
    setReloading(true);
    try {
      await onReload();
      setConflict(null);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Form<Texts>
      form={form}
      layout="vertical"
      initialValues={textsOf(templates)}
      onFinish={(values) => void save(values)}
      data-testid="brief-templates-form"
    >
      {conflict ? <ConflictAlert message={conflict} reloading={reloading} onReload={() => void reload()} /> : null}
      <Form.Item
        name="cityName"
        label={t('briefs.templates.cityName')}
        extra={t('briefs.templates.cityNameHint')}
        rules={[{ required: true, whitespace: true, message: t('briefs.required') }]}
      >
        <Input maxLength={20} style={{ maxWidth: 240 }} />
      </Form.Item>
      {templates.items.map((item) => (
        <Form.Item
          key={item.key}
          name={item.key}
          label={item.label}
          rules={[{ required: true, whitespace: true, message: t('briefs.required') }]}
          extra={
            <Flex justify="space-between" align="start" gap={8} style={{ marginTop: 4 }}>
              <Space size={[4, 4]} wrap>
                <Typography.Text type="secondary">{t('briefs.templates.placeholders')}</Typography.Text>
                {item.placeholders.map((p) => (
                  <Tooltip key={p.name} title={p.description}>
                    <Tag style={{ fontFamily: 'monospace' }}>{`{${p.name}}`}</Tag>
                  </Tooltip>
                ))}
              </Space>
              <Button
                size="small"
                onClick={() => form.setFieldValue(item.key, item.defaultText)}
                data-testid={`brief-template-reset-${item.key}`}
              >
                {t('briefs.templates.reset')}
              </Button>
            </Flex>
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="brief-templates-save">
        {t('briefs.templates.save')}
      </Button>
    </Form>
  );
}

/** 系统管理 → 简报模板: the sentences briefs are written from, so a city keeps its own house style. */
export function BriefTemplatesPage() {
  const t = useT();
  const templates = useBriefTemplates();
  return (
    <Card title={t('briefs.templates.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('briefs.templates.intro')} />
      {templates.isPending ? <PageSpinner /> : null}
      {templates.error ? <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} /> : null}
      {templates.data ? (
        <TemplatesForm key={templates.data.version} templates={templates.data} onReload={() => templates.refetch()} />
      ) : null}
    </Card>
  );
}

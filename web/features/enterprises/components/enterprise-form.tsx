import { Alert, Button, Checkbox, Flex, Form, Input, Select, Space, Typography } from 'antd';
import {
  ENTERPRISE_FLAGS,
  createEnterpriseRequest,
  type EnterpriseFlag,
  type EnterpriseProfile,
  type UpdateEnterpriseRequest,
} from '../../../../shared/contracts/enterprises';
import { validateUscc } from '../../../../shared/uscc';
import { rulesFrom } from '../../../lib/form-rules';
import { useLocale, useT } from '../../../lib/i18n';
import { useEnterpriseOptions } from '../../../hooks/use-enterprise-options';
import { flagsOf, isCurrentMembership, membershipYearsText } from '../utils/enterprise-text';

type MembershipValue = { node?: string; isPrimary?: boolean };

export type EnterpriseFormValues = {
  uscc: string;
  name: string;
  regionCode?: string;
  parkId?: number | null;
  gbt4754Code?: string;
  flags: EnterpriseFlag[];
  aboveScaleYears: string[];
  memberships: MembershipValue[];
  /** Edit only: the year from which membership and 规上 year changes take effect. */
  effectiveFromYear?: number;
};

type Props = {
  /** The firm being edited; undefined when creating one. */
  initial?: EnterpriseProfile;
  submitting: boolean;
  /** The server's refusal, shown above the buttons. */
  serverError?: string | null;
  onSubmit: (uscc: string, body: UpdateEnterpriseRequest) => void;
  onCancel: () => void;
};

function initialValues(initial: EnterpriseProfile | undefined, thisYear: number): EnterpriseFormValues {
  if (!initial) return { uscc: '', name: '', flags: [], aboveScaleYears: [], memberships: [] };
  return {
    uscc: initial.uscc,
    name: initial.name,
    regionCode: initial.regionCode,
    parkId: initial.parkId,
    gbt4754Code: initial.gbt4754Code ?? undefined,
    flags: flagsOf(initial),
    aboveScaleYears: initial.aboveScaleYears.map(String),
    memberships: initial.memberships
      .filter((m) => isCurrentMembership(m, thisYear))
      .map((m) => ({ node: `${m.chainCode}:${m.nodeKey}`, isPrimary: m.isPrimary })),
    effectiveFromYear: thisYear,
  };
}

/** A comparable text of the memberships and years, to tell whether the user reclassifies the firm. */
function classificationOf(values: Pick<EnterpriseFormValues, 'aboveScaleYears' | 'memberships'> | undefined): string {
  if (!values) return '';
  const years = [...new Set((values.aboveScaleYears ?? []).map(String))].sort();
  const nodes = (values.memberships ?? []).map((m) => `${m?.node ?? ''}${m?.isPrimary ? '*' : ''}`).sort();
  return JSON.stringify([years, nodes]);
}

/** The form values as the API body. */
export function toRequest(values: EnterpriseFormValues): UpdateEnterpriseRequest {
  return {
    name: values.name.trim(),
    regionCode: values.regionCode ?? '',
    parkId: values.parkId ?? null,
    gbt4754Code: values.gbt4754Code?.trim() ? values.gbt4754Code.trim() : null,
    isChainMaster: values.flags.includes('chainMaster'),
    isSpecialized: values.flags.includes('specialized'),
    isHighTech: values.flags.includes('highTech'),
    isListed: values.flags.includes('listed'),
    aboveScaleYears: [...new Set(values.aboveScaleYears.map(Number))].sort((a, b) => a - b),
    memberships: values.memberships.map((m) => {
      const [chainCode = '', nodeKey = ''] = (m.node ?? '').split(':');
      return { chainCode, nodeKey, isPrimary: m.isPrimary === true };
    }),
    ...(values.effectiveFromYear === undefined ? {} : { effectiveFromYear: values.effectiveFromYear }),
  };
}

/** Create/edit form of an enterprise: the USCC is checked here with the same rules as the server. */
export function EnterpriseForm({ initial, submitting, serverError, onSubmit, onCancel }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const options = useEnterpriseOptions();
  const nodeOptions = (options.data?.chains ?? []).map((c) => ({
    label: `${c.code} ${c.name}`,
    options: c.nodes.map((n) => ({ value: `${c.code}:${n.key}`, label: `${c.code} ${c.name} / ${n.name}` })),
  }));
  const thisYear = new Date().getFullYear();
  const yearOptions = Array.from({ length: thisYear - 2018 + 2 }, (_, i) => String(thisYear + 1 - i)).map((y) => ({ value: y, label: y }));
  const initialForm = initialValues(initial, thisYear);
  const watchedYears = Form.useWatch('aboveScaleYears', form);
  const watchedMemberships = Form.useWatch('memberships', form);
  // Asked only when editing changes the chain nodes or 规上 years: those changes take effect from a year.
  const reclassifying =
    initial !== undefined &&
    watchedYears !== undefined &&
    classificationOf({ aboveScaleYears: watchedYears, memberships: watchedMemberships ?? [] }) !== classificationOf(initialForm);
  const pastMemberships = (initial?.memberships ?? []).filter((m) => !isCurrentMembership(m, thisYear));

  return (
    <Form<EnterpriseFormValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 760 }}
      initialValues={initialForm}
      onFinish={(values) => onSubmit(initial?.uscc ?? values.uscc.trim().toUpperCase(), toRequest(values))}
    >
      <Form.Item
        name="uscc"
        label={t('enterprises.uscc')}
        extra={initial ? t('enterprises.form.usccFixed') : undefined}
        rules={[
          { required: true, message: t('enterprises.form.usccRequired') },
          {
            validator: async (_, value?: string) => {
              if (!value) return;
              const result = validateUscc(value);
              if (!result.ok) throw new Error(locale === 'en' ? result.messageEn : result.messageZh);
            },
          },
        ]}
      >
        <Input disabled={initial !== undefined} maxLength={18} data-testid="form-uscc" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('enterprises.name')}
        rules={[{ required: true, whitespace: true, message: t('enterprises.form.nameRequired') }]}
      >
        <Input maxLength={200} data-testid="form-name" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="regionCode"
          label={t('enterprises.region')}
          style={{ minWidth: 220 }}
          rules={[{ required: true, message: t('enterprises.form.regionRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="form-region"
            options={(options.data?.regions ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))}
          />
        </Form.Item>
        <Form.Item name="parkId" label={t('enterprises.park')} style={{ minWidth: 260 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enterprises.notInPark')}
            data-testid="form-park"
            options={(options.data?.parks ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item
          name="gbt4754Code"
          label={t('enterprises.gbt4754')}
          rules={rulesFrom(createEnterpriseRequest.shape.gbt4754Code, { invalid: t('enterprises.form.gbtInvalid') })}
        >
          <Input maxLength={4} style={{ width: 120 }} data-testid="form-gbt" />
        </Form.Item>
      </Flex>
      <Form.Item name="flags" label={t('enterprises.flags')}>
        <Checkbox.Group options={ENTERPRISE_FLAGS.map((flag) => ({ value: flag, label: t(`enterprises.flag.${flag}`) }))} />
      </Form.Item>
      <Form.Item
        name="aboveScaleYears"
        label={t('enterprises.aboveScaleYears')}
        rules={[{ type: 'array', defaultField: { pattern: /^(19|20)[0-9]{2}$/, message: t('enterprises.form.yearInvalid') } }]}
      >
        <Select mode="tags" placeholder={t('enterprises.form.yearsPlaceholder')} options={yearOptions} data-testid="form-years" />
      </Form.Item>
      <Typography.Text strong>{t('enterprises.detail.memberships')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('enterprises.form.membershipsHint')}</Typography.Paragraph>
      {pastMemberships.length > 0 ? (
        <Typography.Paragraph type="secondary" data-testid="form-past-memberships">
          {t('enterprises.form.pastMemberships')}
          {pastMemberships.map((m) => `${m.chainCode} ${m.chainName} / ${m.nodeName}（${membershipYearsText(t, m)}）`).join('；')}
        </Typography.Paragraph>
      ) : null}
      <Form.List
        name="memberships"
        rules={[
          {
            validator: async (_, value?: MembershipValue[]) => {
              const list = value ?? [];
              if (list.length > 0 && list.filter((m) => m.isPrimary).length !== 1) throw new Error(t('enterprises.form.primaryRule'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'node']} rules={[{ required: true, message: t('enterprises.form.nodeRequired') }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 420 }}
                    placeholder={t('enterprises.form.selectNode')}
                    options={nodeOptions}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'isPrimary']} valuePropName="checked">
                  <Checkbox>{t('enterprises.membership.primary')}</Checkbox>
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)}>
                  {t('enterprises.delete')}
                </Button>
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add({ isPrimary: fields.length === 0 })} data-testid="form-add-membership">
                {t('enterprises.form.addMembership')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          </>
        )}
      </Form.List>
      <Form.Item
        name="effectiveFromYear"
        label={t('enterprises.form.effectiveFromYear')}
        extra={t('enterprises.form.effectiveFromYearHint')}
        hidden={!reclassifying}
      >
        <Select
          style={{ width: 140 }}
          data-testid="form-effective-year"
          options={yearOptions.map((o) => ({ value: Number(o.value), label: o.label }))}
        />
      </Form.Item>
      {serverError ? (
        <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} data-testid="form-server-error" />
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="form-submit">
          {t('enterprises.form.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

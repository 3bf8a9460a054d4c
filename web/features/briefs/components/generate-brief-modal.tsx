import { useEffect } from 'react';
import { Checkbox, Form, Radio, Select, type FormRule } from 'antd';
import { useNavigate } from 'react-router';
import { BRIEF_KINDS, type BriefKind } from '../../../../shared/contracts/briefs';
import { isDataStaffUser } from '../../../../shared/publication/workflow';
import type { Role } from '../../../../shared/roles';
import { parsePeriod } from '../../../../shared/stats/period';
import { FormModal } from '../../../components/form-modal';
import { JobProgress } from '../../../components/job-progress';
import { paths } from '../../../config/paths';
import { useChains } from '../../../hooks/use-chains';
import { useMe } from '../../../hooks/use-me';
import { usePickableMonths } from '../../../hooks/use-pickable-months';
import { useRegions } from '../../../hooks/use-regions';
import { currentYear } from '../../../lib/current-year';
import { useT } from '../../../lib/i18n';
import { useGenerateBrief } from '../api/generate-brief';

type FormValues = { period: string; kind: BriefKind; chainCode?: string; regionCode?: string; preliminary?: boolean };

/** How far back a brief's month can be picked: five years of months. */
const PICKABLE_MONTHS = 60;

/**
 * The kinds of brief a user may generate (the server's rule): the administrator and the statistics
 * reviewers all three, a 链长 or 链办 their chains' briefs, a county account its own; nobody else.
 */
export function briefKindsOf(user: { role: Role; statsReviewer: boolean }): readonly BriefKind[] {
  if (user.role === 'admin' || user.statsReviewer) return BRIEF_KINDS;
  if (user.role === 'chain_chief' || user.role === 'chain_office') return ['chain'];
  if (user.role === 'county') return ['region'];
  return [];
}

/** Codes of one scope kind the user holds; null when the user is not limited to any (city-wide). */
function scopeRefs(scopes: readonly { kind: string; ref: string }[], kind: 'chain' | 'region'): Set<string> | null {
  const refs = scopes.filter((s) => s.kind === kind).map((s) => s.ref);
  return refs.length === 0 ? null : new Set(refs);
}

/** The chain or county of the brief, among those the user's scope holds (any, for a city-wide user). */
function ScopedField(props: {
  name: 'chainCode' | 'regionCode';
  label: string;
  rules: FormRule[];
  query: { isPending: boolean; data?: { items: readonly { code: string; name: string }[] } };
  mine: Set<string> | null;
}) {
  const { query, mine } = props;
  return (
    <Form.Item name={props.name} label={props.label} rules={props.rules}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={query.isPending}
        options={(query.data?.items ?? []).filter((c) => mine === null || mine.has(c.code)).map((c) => ({ value: c.code, label: c.name }))}
      />
    </Form.Item>
  );
}

/**
 * 生成简报: a month (published months; data staff see every month with its status and may tick 初步 for
 * one not yet published), the kind, and the chain or county within the user's scope. Opens the new brief.
 */
export function GenerateBriefModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const generate = useGenerateBrief();
  const user = useMe().data?.user;
  const period = Form.useWatch('period', form);
  const kind = Form.useWatch('kind', form);
  const picker = usePickableMonths(PICKABLE_MONTHS, period);
  const chains = useChains(period ? parsePeriod(period).year : currentYear());
  const regions = useRegions();
  const staff = user !== undefined && isDataStaffUser(user);
  const kinds = user ? briefKindsOf(user) : [];
  const myChains = scopeRefs(user?.scopes ?? [], 'chain');
  const myRegions = scopeRefs(user?.scopes ?? [], 'region');
  const required = [{ required: true, message: t('briefs.required') }];
  const monthStatus = picker.isPending ? undefined : picker.months.find((m) => m.value === period)?.status;
  // A month not yet published can only make a 初步 brief: ticked for data staff once the month's status is known
  // (the months of a year load after the picker opens, so the status can arrive after the pick).
  useEffect(() => {
    if (staff && monthStatus !== undefined) form.setFieldValue('preliminary', monthStatus !== 'published');
  }, [staff, monthStatus, period, form]);

  const onSubmit = async ({ preliminary, ...values }: FormValues) => {
    const made = await generate.mutateAsync({
      period: values.period,
      kind: values.kind,
      chainCode: values.kind === 'chain' ? values.chainCode : undefined,
      regionCode: values.kind === 'region' ? values.regionCode : undefined,
      preliminary: staff && preliminary === true,
    });
    void navigate(paths.report.getHref(made.id));
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={t('briefs.generate')}
      okText={t('briefs.generate')}
      initialValues={{ kind: kinds[0], preliminary: false }}
      onSubmit={onSubmit}
      savedMessage={t('briefs.generated')}
      onClose={onClose}
      serverFields={['period', 'kind', 'chainCode', 'regionCode', 'preliminary']}
      testId="brief-generate-form"
    >
      <Form.Item
        name="period"
        label={t('briefs.period')}
        rules={required}
        extra={staff ? t('briefs.periodHintStaff') : t('briefs.periodHint')}
      >
        <Select
          showSearch
          loading={picker.isPending}
          onOpenChange={picker.onOpenChange}
          options={picker.months.map((m) => ({ value: m.value, label: m.label }))}
          placeholder={t('briefs.periodPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('briefs.kind')} rules={required}>
        <Radio.Group options={kinds.map((k) => ({ value: k, label: t(`briefs.kind.${k}`) }))} />
      </Form.Item>
      {kind === 'chain' ? <ScopedField name="chainCode" label={t('briefs.chain')} rules={required} query={chains} mine={myChains} /> : null}
      {kind === 'region' ? (
        <ScopedField name="regionCode" label={t('briefs.region')} rules={required} query={regions} mine={myRegions} />
      ) : null}
      {staff ? (
        <Form.Item
          name="preliminary"
          valuePropName="checked"
          extra={monthStatus !== undefined && monthStatus !== 'published' ? t('briefs.preliminaryHint') : undefined}
        >
          <Checkbox>{t('briefs.preliminaryCheck')}</Checkbox>
        </Form.Item>
      ) : null}
      {generate.isPending ? (
        <JobProgress job={generate.progress} waiting={t('briefs.generating')} testId="brief-generate-progress" />
      ) : null}
    </FormModal>
  );
}

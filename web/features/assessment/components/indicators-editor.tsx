import { Fragment } from 'react';
import { Alert, Button, Input, InputNumber, Select, Table, Typography } from 'antd';
import { SCORING_RULE_KINDS, weightSumOf, type SchemeIndicator, type ScoringRule } from '../../../../shared/contracts/assessment';
import { useT } from '../../../lib/i18n';

type Source = { key: string; label: string; kinds: readonly string[] };
type Props = {
  indicators: readonly SchemeIndicator[];
  sources: readonly Source[];
  kind: string;
  editable: boolean;
  onChange: (next: SchemeIndicator[]) => void;
};

/** Threshold steps as the editor writes them: "0.8:0.6, 0.9:1" (at least : share of the weight). */
function stepsText(rule: ScoringRule): string {
  return rule.kind === 'threshold' ? rule.steps.map((s) => `${s.atLeast}:${s.share}`).join(', ') : '';
}

function parseSteps(text: string): { atLeast: number; share: number }[] {
  return text
    .split(',')
    .map((part) => part.split(':').map((x) => Number(x.trim())))
    .filter((pair) => pair.length === 2 && pair.every((x) => Number.isFinite(x)))
    .map(([atLeast = 0, share = 0]) => ({ atLeast, share }));
}

function ruleOfKind(kind: ScoringRule['kind']): ScoringRule {
  if (kind === 'linear') return { kind, floor: 0, target: 1 };
  if (kind === 'rank') return { kind };
  return { kind, steps: [{ atLeast: 1, share: 1 }] };
}

type LinearRule = Extract<ScoringRule, { kind: 'linear' }>;

/** A 线性 rule's two bounds, each typed in its own box: no score at `floor`, full marks at `target`. */
function LinearBounds({ rule, disabled, onChange }: { rule: LinearRule; disabled: boolean; onChange: (rule: LinearRule) => void }) {
  const t = useT();
  return (['floor', 'target'] as const).map((bound) => (
    <Fragment key={bound}>
      <InputNumber
        disabled={disabled}
        addonBefore={t(`assessment.rule.${bound}`)}
        value={rule[bound]}
        onChange={(v) => onChange({ ...rule, [bound]: v ?? 0 })}
        style={{ width: 140 }}
      />{' '}
    </Fragment>
  ));
}

/** The indicator's texts typed in the table: the field, its column's title and the input's width. */
const TEXT_COLUMNS = [
  { field: 'group', title: 'assessment.col.group', width: 110 },
  { field: 'code', title: 'assessment.col.code', width: 130 },
  { field: 'name', title: 'assessment.col.indicator', width: 180 },
] as const;

/** The indicators of a scheme: name, group, weight (with the live sum, which must be 100), source and rule. */
export function IndicatorsEditor({ indicators, sources, kind, editable, onChange }: Props) {
  const t = useT();
  const sum = weightSumOf(indicators);
  const set = (index: number, patch: Partial<SchemeIndicator>) =>
    onChange(indicators.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <>
      <Alert
        type={sum === 100 ? 'success' : 'error'}
        showIcon
        style={{ marginBottom: 8 }}
        message={<span data-testid="weight-sum">{t(sum === 100 ? 'assessment.weights.ok' : 'assessment.weights.bad', { sum })}</span>}
      />
      <Table<SchemeIndicator>
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={[...indicators]}
        data-testid="indicators-editor"
        scroll={{ x: 'max-content' }}
        columns={[
          ...TEXT_COLUMNS.map(({ field, title, width }) => ({
            key: field,
            title: t(title),
            render: (_: unknown, row: SchemeIndicator, i: number) => (
              <Input disabled={!editable} value={row[field]} onChange={(e) => set(i, { [field]: e.target.value })} style={{ width }} />
            ),
          })),
          {
            key: 'weight',
            title: t('assessment.col.weight'),
            render: (_, row, i) => (
              <InputNumber
                disabled={!editable}
                aria-label={`${t('assessment.col.weight')} ${row.name}`}
                min={0}
                max={100}
                value={row.weight}
                onChange={(v) => set(i, { weight: v ?? 0 })}
              />
            ),
          },
          {
            key: 'source',
            title: t('assessment.col.source'),
            render: (_, row, i) => (
              <Select
                disabled={!editable}
                value={row.source}
                style={{ width: 260 }}
                onChange={(source) => set(i, { source })}
                options={sources.filter((s) => s.kinds.includes(kind)).map((s) => ({ value: s.key, label: s.label }))}
              />
            ),
          },
          {
            key: 'rule',
            title: t('assessment.col.method'),
            render: (_, row, i) => (
              <>
                <Select
                  disabled={!editable}
                  value={row.rule.kind}
                  style={{ width: 100 }}
                  onChange={(k) => set(i, { rule: ruleOfKind(k) })}
                  options={SCORING_RULE_KINDS.map((k) => ({ value: k, label: t(`assessment.ruleKind.${k}`) }))}
                />{' '}
                {row.rule.kind === 'linear' ? (
                  <LinearBounds rule={row.rule} disabled={!editable} onChange={(rule) => set(i, { rule })} />
                ) : null}
                {row.rule.kind === 'threshold' ? (
                  <Input
                    disabled={!editable}
                    defaultValue={stepsText(row.rule)}
                    placeholder="0.8:0.6, 0.9:1"
                    onBlur={(e) => set(i, { rule: { kind: 'threshold', steps: parseSteps(e.target.value) } })}
                    style={{ width: 200 }}
                  />
                ) : null}
              </>
            ),
          },
          {
            key: 'remove',
            title: '',
            render: (_, __, i) =>
              editable ? (
                <Button type="link" danger onClick={() => onChange(indicators.filter((_, j) => j !== i))}>
                  {t('assessment.remove')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editable ? (
        <Button
          style={{ marginTop: 8 }}
          onClick={() =>
            onChange([
              ...indicators,
              { code: `item_${indicators.length + 1}`, name: '', group: '', weight: 0, source: 'manual', rule: ruleOfKind('linear') },
            ])
          }
        >
          {t('assessment.addIndicator')}
        </Button>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('assessment.rules.help')}
      </Typography.Paragraph>
    </>
  );
}

import { Alert, Form, Input, Select } from 'antd';
import { PROJECT_STAGES, type ProjectListItem, type ProjectStage, type ProjectState } from '../../../../shared/contracts/projects';
import { hasReached, isStage, movesFrom, stageIndex } from '../../../../shared/project-lifecycle';
import { TextField } from '../../../components/form-fields';
import { FormModal } from '../../../components/form-modal';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useMoveProject } from '../api/move-project';

type FormValues = { to: ProjectState; on: string; reason?: string; enterpriseUscc?: string } & Partial<
  Record<`skipped_${ProjectStage}`, string>
>;

const DATE_RULE = { pattern: /^\d{4}-\d{2}-\d{2}$/ };

/** Today in Beijing as YYYY-MM-DD: the default date of a move. */
export function todayInCity(): string {
  return formatDateTime(new Date().toISOString()).slice(0, 10);
}

/** The stage after `stage`, or null at 入规 and after 终止. */
export function nextStage(stage: ProjectState): ProjectStage | null {
  if (!isStage(stage)) return null;
  return PROJECT_STAGES[stageIndex(stage) + 1] ?? null;
}

/** The stages a forward move from `from` to `to` skips (each needs its own date). */
function skippedStages(from: ProjectState, to: ProjectState | undefined): ProjectStage[] {
  if (to === undefined || !isStage(from) || !isStage(to) || stageIndex(to) <= stageIndex(from)) return [];
  return PROJECT_STAGES.slice(stageIndex(from) + 1, stageIndex(to));
}

type Props = {
  project: Pick<ProjectListItem, 'id' | 'name' | 'stage' | 'version' | 'enterpriseUscc'>;
  to: ProjectState;
  onClose: () => void;
};

/**
 * Moves a project to another stage: the date it got there, the dates of the stages skipped on the
 * way, a reason when moving back or terminating (终止), and the registered enterprise from 注册 on.
 */
export function MoveStageModal({ project, to, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const move = useMoveProject();
  const target = Form.useWatch('to', form) ?? to;
  const skipped = skippedStages(project.stage, target);
  const needsReason = !isStage(target) || (isStage(project.stage) && stageIndex(target) < stageIndex(project.stage));
  const registered = isStage(target) && hasReached(target, 'registered');
  const today = todayInCity();

  const onSubmit = async (values: FormValues) => {
    const skippedDates: Partial<Record<ProjectStage, string>> = {};
    for (const stage of skipped) {
      const date = values[`skipped_${stage}`];
      if (date) skippedDates[stage] = date;
    }
    const uscc = values.enterpriseUscc?.trim();
    await move.mutateAsync({
      id: project.id,
      body: {
        to: values.to,
        on: values.on,
        skippedDates,
        reason: values.reason?.trim() ? values.reason.trim() : null,
        ...(registered && uscc ? { enterpriseUscc: uscc } : {}),
        version: project.version,
      },
    });
  };

  const initial: Partial<FormValues> = { to, on: today, enterpriseUscc: project.enterpriseUscc ?? '' };
  for (const stage of skippedStages(project.stage, to)) initial[`skipped_${stage}`] = today;

  return (
    <FormModal<FormValues>
      form={form}
      title={t('projects.move.title', { name: project.name })}
      okText={t('projects.move.ok')}
      initialValues={initial}
      onSubmit={onSubmit}
      savedMessage={t('projects.move.saved')}
      onClose={onClose}
      serverFields={['to', 'on', 'reason', 'enterpriseUscc']}
      testId="move-stage-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('projects.move.from', { stage: t(`projects.stage.${project.stage}`) })}
      />
      <Form.Item name="to" label={t('projects.move.to')} rules={[{ required: true }]}>
        <Select options={movesFrom(project.stage).map((s) => ({ value: s, label: t(`projects.stage.${s}`) }))} />
      </Form.Item>
      <Form.Item
        name="on"
        label={t('projects.move.on')}
        extra={t('projects.move.onHint')}
        rules={[
          { required: true, message: t('projects.move.dateRequired') },
          { ...DATE_RULE, message: t('projects.move.dateInvalid') },
        ]}
      >
        <Input placeholder={today} maxLength={10} style={{ width: 200 }} />
      </Form.Item>
      {skipped.map((stage) => (
        <Form.Item
          key={stage}
          name={`skipped_${stage}`}
          label={t('projects.move.skippedOn', { stage: t(`projects.stage.${stage}`) })}
          initialValue={today}
          rules={[
            { required: true, message: t('projects.move.dateRequired') },
            { ...DATE_RULE, message: t('projects.move.dateInvalid') },
          ]}
        >
          <Input maxLength={10} style={{ width: 200 }} />
        </Form.Item>
      ))}
      {needsReason ? (
        <TextField name="reason" label={t('projects.move.reason')} required={t('projects.move.reasonRequired')} rows={2} maxLength={500} />
      ) : null}
      {registered ? (
        <Form.Item name="enterpriseUscc" label={t('projects.enterprise')} extra={t('projects.move.enterpriseHint')}>
          <Input maxLength={18} style={{ width: 260 }} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

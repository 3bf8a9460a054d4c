import { Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import {
  APPROVAL_STATUSES,
  BLOCKER_KINDS,
  PROJECT_STAGES,
  type AddSigningEventRequest,
  type BlockerItem,
  type ProjectDetail,
  type ProjectStage,
  type ProjectSupportResponse,
} from '../../../../shared/contracts/projects';
import { TextField } from '../../../components/form-fields';
import { FormModal, type FormModalProps } from '../../../components/form-modal';
import { wanToYuan, yuanToWan } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useCreateBlocker } from '../api/create-blocker';
import { useReportInvestment } from '../api/report-investment';
import { useResolveBlocker } from '../api/resolve-blocker';
import { useSetMajorYear } from '../api/set-major-year';
import { useSetAgent } from '../api/set-project-agent';
import { useSetApproval } from '../api/set-project-approval';
import { useUpdateProject } from '../api/update-project';
import { useAddSigningEvent } from '../api/add-signing-event';
import { todayInCity } from './move-stage-modal';

type ApprovalRow = ProjectSupportResponse['approvals'][number];

/** The dialogs of the project page; `null` while none is open. */
export type ProjectDialog =
  | { kind: 'amounts' }
  | { kind: 'agent' }
  | { kind: 'approval'; approval: ApprovalRow }
  | { kind: 'blocker' }
  | { kind: 'event' }
  | { kind: 'resolve'; blocker: BlockerItem }
  | { kind: 'major' }
  | { kind: 'investment' };

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const optionalText = (text: string | undefined): string | null => (text?.trim() ? text.trim() : null);

/** A YYYY-MM-DD field, required unless `optional`. */
function DateField({ name, label, optional }: { name: string; label: string; optional?: boolean }) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        ...(optional ? [] : [{ required: true, message: t('projects.move.dateRequired') }]),
        { pattern: DATE_PATTERN, message: t('projects.move.dateInvalid') },
      ]}
    >
      <Input maxLength={10} placeholder="YYYY-MM-DD" style={{ width: 200 }} />
    </Form.Item>
  );
}

/** An amount in 万元 (required unless `optional`). */
function WanField({ name, label, optional }: { name: string; label: string; optional?: boolean }) {
  const t = useT();
  return (
    <Form.Item name={name} label={label} rules={optional ? [] : [{ required: true, message: t('projects.edit.amountRequired') }]}>
      <InputNumber min={0} max={100_000_000} precision={2} style={{ width: 240 }} addonAfter={t('projects.unitWan')} />
    </Form.Item>
  );
}

/** A project dialog (its own form unless given one): 保存 unless `okText` says otherwise, and 已保存 after a save. */
function EditModal<V extends object>(props: Omit<FormModalProps<V>, 'okText' | 'form'> & { okText?: string; form?: FormInstance<V> }) {
  const t = useT();
  const [own] = Form.useForm<V>();
  return (
    <FormModal<V>
      {...props}
      form={props.form ?? own}
      okText={props.okText ?? t('projects.edit.save')}
      savedMessage={t('projects.edit.saved')}
    />
  );
}

type DialogProps = { project: ProjectDetail; onClose: () => void };
type AmountValues = { signedWan?: number | null; plannedWan?: number | null } & Partial<Record<`planned_${ProjectStage}`, string>>;

/** 签约额 and 计划总投资 (万元) and the planned date of each stage; every amount change is kept by the server. */
function AmountsModal({ project, onClose }: DialogProps) {
  const t = useT();
  const update = useUpdateProject();
  const initial: AmountValues = { signedWan: yuanToWan(project.signedAmount), plannedWan: yuanToWan(project.plannedInvestment) };
  for (const stage of PROJECT_STAGES) initial[`planned_${stage}`] = project.plannedDates[stage] ?? '';
  const onSubmit = async (v: AmountValues) => {
    const plannedDates: Partial<Record<ProjectStage, string>> = {};
    for (const stage of PROJECT_STAGES) {
      const date = v[`planned_${stage}`]?.trim();
      if (date) plannedDates[stage] = date;
    }
    const amount = (wan: number | null | undefined) => (wan === null || wan === undefined ? null : wanToYuan(wan));
    await update.mutateAsync({
      id: project.id,
      body: { signedAmount: amount(v.signedWan), plannedInvestment: amount(v.plannedWan), plannedDates, version: project.version },
    });
  };
  return (
    <EditModal<AmountValues>
      title={t('projects.edit.amountsTitle', { name: project.name })}
      initialValues={initial}
      onSubmit={onSubmit}
      onClose={onClose}
      serverFields={['signedAmount', 'plannedInvestment', 'plannedDates']}
      fieldAliases={{ signedAmount: 'signedWan', plannedInvestment: 'plannedWan' }}
      testId="project-amounts-form"
    >
      <WanField name="signedWan" label={t('projects.signedAmountWan')} optional />
      <WanField name="plannedWan" label={t('projects.plannedInvestmentWan')} optional />
      {PROJECT_STAGES.map((stage) => (
        <DateField
          key={stage}
          name={`planned_${stage}`}
          label={t('projects.edit.plannedOn', { stage: t(`projects.stage.${stage}`) })}
          optional
        />
      ))}
    </EditModal>
  );
}

function AgentModal({ project, agent, onClose }: DialogProps & { agent: { name: string | null; phone: string | null } }) {
  const t = useT();
  const setAgent = useSetAgent();
  return (
    <EditModal<{ agentName: string; agentPhone?: string }>
      title={t('projects.edit.agentTitle')}
      initialValues={{ agentName: agent.name ?? '', agentPhone: agent.phone ?? '' }}
      onSubmit={(v) => setAgent.mutateAsync({ id: project.id, body: { agentName: v.agentName, agentPhone: optionalText(v.agentPhone) } })}
      onClose={onClose}
      serverFields={['agentName', 'agentPhone']}
      testId="project-agent-form"
    >
      <TextField name="agentName" label={t('projects.edit.agentName')} required maxLength={50} />
      <TextField name="agentPhone" label={t('projects.edit.agentPhone')} maxLength={30} />
    </EditModal>
  );
}

type ApprovalValues = { status: ApprovalRow['status']; dueOn?: string; doneOn?: string };

/** An approval's status and dates: 已办结 needs the day it was done. */
function ApprovalModal({ project, approval, onClose }: DialogProps & { approval: ApprovalRow }) {
  const t = useT();
  const [form] = Form.useForm<ApprovalValues>();
  const setApproval = useSetApproval();
  const done = Form.useWatch('status', form) === 'done';
  return (
    <EditModal<ApprovalValues>
      form={form}
      title={t('projects.edit.approvalTitle', { item: t(`projects.approval.${approval.item}`) })}
      initialValues={{ status: approval.status, dueOn: approval.dueOn ?? '', doneOn: approval.doneOn ?? '' }}
      onSubmit={(v) =>
        setApproval.mutateAsync({
          id: project.id,
          key: approval.item,
          body: { status: v.status, dueOn: optionalText(v.dueOn), doneOn: optionalText(v.doneOn) },
        })
      }
      onClose={onClose}
      serverFields={['status', 'dueOn', 'doneOn']}
      testId="project-approval-form"
    >
      <Form.Item name="status" label={t('projects.approval.status')} rules={[{ required: true }]}>
        <Select options={APPROVAL_STATUSES.map((s) => ({ value: s, label: t(`projects.approvalStatus.${s}`) }))} />
      </Form.Item>
      <DateField name="dueOn" label={t('projects.dueOn')} optional />
      <DateField name="doneOn" label={t('projects.doneOn')} optional={!done} />
    </EditModal>
  );
}

type BlockerValues = { kind: BlockerItem['kind']; description: string; ownerDepartment: string; dueOn: string };

/** A new 要素保障 blocker: kind, what is wrong, the owning department and the day it is due. */
function BlockerModal({ project, onClose }: DialogProps) {
  const t = useT();
  const create = useCreateBlocker();
  return (
    <EditModal<BlockerValues>
      title={t('projects.edit.blockerTitle')}
      okText={t('projects.edit.add')}
      onSubmit={(body) => create.mutateAsync({ id: project.id, body })}
      onClose={onClose}
      serverFields={['kind', 'description', 'ownerDepartment', 'dueOn']}
      testId="project-blocker-form"
    >
      <Form.Item name="kind" label={t('projects.blocker.kind')} rules={[{ required: true }]}>
        <Select options={BLOCKER_KINDS.map((k) => ({ value: k, label: t(`projects.blockerKind.${k}`) }))} />
      </Form.Item>
      <TextField name="description" label={t('projects.blocker.description')} required rows={2} maxLength={500} />
      <TextField name="ownerDepartment" label={t('projects.blocker.owner')} required maxLength={50} />
      <DateField name="dueOn" label={t('projects.dueOn')} />
    </EditModal>
  );
}

/** A signing event the project was signed or presented at (its name and day; not later than today). */
function EventModal({ project, onClose }: DialogProps) {
  const t = useT();
  const add = useAddSigningEvent();
  return (
    <EditModal<AddSigningEventRequest>
      title={t('projects.edit.addEvent')}
      okText={t('projects.edit.add')}
      initialValues={{ heldOn: project.signedOn ?? todayInCity() }}
      onSubmit={(body) => add.mutateAsync({ id: project.id, body })}
      onClose={onClose}
      serverFields={['eventName', 'heldOn']}
      testId="project-event-form"
    >
      <TextField name="eventName" label={t('projects.event.name')} required maxLength={80} />
      <DateField name="heldOn" label={t('projects.event.heldOn')} />
    </EditModal>
  );
}

/** Resolving closes the blocker for good: the dialog says so and asks the day and a note. */
function ResolveModal({ blocker, onClose }: { blocker: BlockerItem; onClose: () => void }) {
  const t = useT();
  const resolve = useResolveBlocker();
  return (
    <EditModal<{ resolvedOn: string; note?: string }>
      title={t('projects.edit.resolveTitle', { description: blocker.description })}
      okText={t('projects.edit.resolve')}
      initialValues={{ resolvedOn: todayInCity() }}
      onSubmit={(v) => resolve.mutateAsync({ id: blocker.id, body: { resolvedOn: v.resolvedOn, note: optionalText(v.note) } })}
      onClose={onClose}
      serverFields={['resolvedOn', 'note']}
      testId="project-resolve-form"
    >
      <p>{t('projects.edit.resolveConfirm')}</p>
      <DateField name="resolvedOn" label={t('projects.blocker.resolvedOn')} />
      <Form.Item name="note" label={t('projects.edit.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </EditModal>
  );
}

/** Puts the project on a year's major list with its annual plan (万元); the server refuses one below the threshold. */
function MajorModal({ project, onClose }: DialogProps) {
  const t = useT();
  const setMajor = useSetMajorYear();
  return (
    <EditModal<{ year: number; planWan: number }>
      title={t('projects.edit.majorTitle')}
      initialValues={{ year: Number(todayInCity().slice(0, 4)) }}
      onSubmit={(v) => setMajor.mutateAsync({ id: project.id, key: v.year, body: { annualPlan: wanToYuan(v.planWan) } })}
      onClose={onClose}
      serverFields={['annualPlan']}
      fieldAliases={{ annualPlan: 'planWan' }}
      testId="project-major-form"
    >
      <Form.Item name="year" label={t('projects.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} precision={0} />
      </Form.Item>
      <WanField name="planWan" label={t('projects.edit.annualPlanWan')} />
    </EditModal>
  );
}

type InvestmentValues = { period: string; completedWan: number; fundsWan: number };

/** A month's completed investment and 到位资金 (万元); a second report of the month replaces the first. */
function InvestmentModal({ project, onClose }: DialogProps) {
  const t = useT();
  const report = useReportInvestment();
  return (
    <EditModal<InvestmentValues>
      title={t('projects.edit.investmentTitle')}
      initialValues={{ period: todayInCity().slice(0, 7) }}
      onSubmit={(v) =>
        report.mutateAsync({
          id: project.id,
          key: v.period,
          body: { completed: wanToYuan(v.completedWan), fundsArrived: wanToYuan(v.fundsWan) },
        })
      }
      onClose={onClose}
      serverFields={['completed', 'fundsArrived']}
      fieldAliases={{ completed: 'completedWan', fundsArrived: 'fundsWan' }}
      testId="project-investment-form"
    >
      <Form.Item
        name="period"
        label={t('projects.edit.period')}
        rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('projects.edit.periodInvalid') }]}
      >
        <Input maxLength={7} placeholder="YYYY-MM" style={{ width: 200 }} />
      </Form.Item>
      <WanField name="completedWan" label={t('projects.edit.completedWan')} />
      <WanField name="fundsWan" label={t('projects.edit.fundsWan')} />
    </EditModal>
  );
}

/** The open dialog of the project page. */
export function ProjectDialogs({
  dialog,
  project,
  support,
  onClose,
}: {
  dialog: ProjectDialog | null;
  project: ProjectDetail;
  support: ProjectSupportResponse | undefined;
  onClose: () => void;
}) {
  if (!dialog) return null;
  const props = { project, onClose };
  switch (dialog.kind) {
    case 'amounts':
      return <AmountsModal {...props} />;
    case 'agent':
      return <AgentModal {...props} agent={{ name: support?.agentName ?? null, phone: support?.agentPhone ?? null }} />;
    case 'approval':
      return <ApprovalModal {...props} approval={dialog.approval} />;
    case 'blocker':
      return <BlockerModal {...props} />;
    case 'event':
      return <EventModal {...props} />;
    case 'resolve':
      return <ResolveModal blocker={dialog.blocker} onClose={onClose} />;
    case 'major':
      return <MajorModal {...props} />;
    case 'investment':
      return <InvestmentModal {...props} />;
  }
}

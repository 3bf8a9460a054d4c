import type { ReactNode } from 'react';
import { Form, Input, Rate, Select } from 'antd';
import type { MessageKey } from '../../../../shared/i18n/index';
import type { TicketAction, TicketDetail } from '../../../../shared/contracts/tickets';
import { TICKET_TRANSITIONS, type TicketActionField } from '../../../../shared/tickets/workflow';
import { filledFields, FormModal } from '../../../components/form-modal';
import { useT } from '../../../lib/i18n';
import { useActOnTicket } from '../api/act-on-ticket';

type FormValues = {
  reason?: string;
  leadUnit?: string;
  coUnits?: string[];
  dueDate?: string;
  answer?: string;
  rating?: number;
  comment?: string;
  reviewOn?: string;
  requestedDue?: string;
  note?: string;
};
const SERVER_FIELDS = [
  'reason',
  'leadUnit',
  'coUnits',
  'dueDate',
  'answer',
  'rating',
  'comment',
  'reviewOn',
  'requestedDue',
  'note',
] as const;

type AskedField = TicketActionField | 'coUnits' | 'dueDate' | 'comment' | 'optionalReason';

const DATE = { placeholder: 'YYYY-MM-DD', maxLength: 10 };

/** The single fields an action may ask for, in the dialog's order: label, the message said when it is left empty, input. */
const PLAIN_FIELDS: { name: AskedField & keyof FormValues; label: MessageKey; required?: MessageKey; input: ReactNode }[] = [
  { name: 'answer', label: 'tickets.answer', required: 'tickets.answerRequired', input: <Input.TextArea rows={4} maxLength={4000} /> },
  { name: 'rating', label: 'tickets.rating', required: 'tickets.ratingRequired', input: <Rate data-testid="ticket-rating" /> },
  { name: 'comment', label: 'tickets.ratingComment', input: <Input.TextArea rows={2} maxLength={1000} /> },
  { name: 'reviewOn', label: 'tickets.reviewOn', required: 'tickets.dateRequired', input: <Input {...DATE} /> },
  { name: 'requestedDue', label: 'tickets.requestedDue', required: 'tickets.dateRequired', input: <Input {...DATE} /> },
  { name: 'note', label: 'tickets.note', required: 'tickets.noteRequired', input: <Input.TextArea rows={3} maxLength={2000} /> },
];

/** The fields an action asks for (the workflow table's `requires`), and the optional ones that go with it. */
function fieldsOf(action: TicketAction): Set<AskedField> {
  const move = TICKET_TRANSITIONS.find((m) => m.action === action);
  const fields = new Set<AskedField>(move?.requires ?? []);
  if (fields.has('units')) (['coUnits', 'dueDate'] as const).forEach((f) => fields.add(f));
  if (fields.has('rating')) fields.add('comment');
  if (!fields.has('reason') && ['accept', 'start', 'unpark', 'approve_extension', 'close'].includes(action)) fields.add('optionalReason');
  return fields;
}

/** One workflow action with the fields it needs; the ticket's version guards against a stale page. */
export function TicketActionModal({ ticket, action, onClose }: { ticket: TicketDetail; action: TicketAction; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const act = useActOnTicket();
  const fields = fieldsOf(action);
  const required = (message: string) => [{ required: true, message }];

  const onSubmit = async (values: FormValues) => {
    await act.mutateAsync({ id: ticket.id, body: { ...filledFields(values), action, version: ticket.version } });
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={t(`tickets.action.${action}`)}
      okText={t(`tickets.action.${action}`)}
      initialValues={{ coUnits: [] }}
      onSubmit={onSubmit}
      savedMessage={t('tickets.actionDone')}
      onClose={onClose}
      serverFields={SERVER_FIELDS}
      testId="ticket-action-form"
    >
      {fields.has('units') ? (
        <>
          <Form.Item name="leadUnit" label={t('tickets.leadUnit')} rules={required(t('tickets.leadUnitRequired'))}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="coUnits" label={t('tickets.coUnits')}>
            <Select mode="tags" tokenSeparators={[',', '，']} open={false} />
          </Form.Item>
          <Form.Item name="dueDate" label={t('tickets.dueDate')} extra={t('tickets.dueDateHint')}>
            <Input {...DATE} />
          </Form.Item>
        </>
      ) : null}
      {PLAIN_FIELDS.filter((f) => fields.has(f.name)).map((f) => (
        <Form.Item key={f.name} name={f.name} label={t(f.label)} rules={f.required ? required(t(f.required)) : undefined}>
          {f.input}
        </Form.Item>
      ))}
      {fields.has('reason') || fields.has('optionalReason') ? (
        <Form.Item name="reason" label={t('tickets.reason')} rules={fields.has('reason') ? required(t('tickets.reasonRequired')) : []}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

import { Form, Input, Rate, Select } from 'antd';
import type { TicketAction, TicketDetail } from '../../../../shared/contracts/tickets';
import { TICKET_TRANSITIONS, type TicketActionField } from '../../../../shared/tickets/workflow';
import { FormModal } from '../../../components/form-modal';
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

/** The fields an action asks for (the workflow table's `requires`), and the optional ones that go with it. */
function fieldsOf(action: TicketAction): Set<TicketActionField | 'coUnits' | 'dueDate' | 'comment' | 'optionalReason'> {
  const move = TICKET_TRANSITIONS.find((m) => m.action === action);
  const fields = new Set<TicketActionField | 'coUnits' | 'dueDate' | 'comment' | 'optionalReason'>(move?.requires ?? []);
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
  const date = { placeholder: 'YYYY-MM-DD', maxLength: 10 };

  const onSubmit = async (values: FormValues) => {
    const body = Object.fromEntries(
      Object.entries(values).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
    );
    await act.mutateAsync({ id: ticket.id, body: { ...body, action, version: ticket.version } });
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
            <Input {...date} />
          </Form.Item>
        </>
      ) : null}
      {fields.has('answer') ? (
        <Form.Item name="answer" label={t('tickets.answer')} rules={required(t('tickets.answerRequired'))}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      ) : null}
      {fields.has('rating') ? (
        <Form.Item name="rating" label={t('tickets.rating')} rules={required(t('tickets.ratingRequired'))}>
          <Rate data-testid="ticket-rating" />
        </Form.Item>
      ) : null}
      {fields.has('comment') ? (
        <Form.Item name="comment" label={t('tickets.ratingComment')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      ) : null}
      {fields.has('reviewOn') ? (
        <Form.Item name="reviewOn" label={t('tickets.reviewOn')} rules={required(t('tickets.dateRequired'))}>
          <Input {...date} />
        </Form.Item>
      ) : null}
      {fields.has('requestedDue') ? (
        <Form.Item name="requestedDue" label={t('tickets.requestedDue')} rules={required(t('tickets.dateRequired'))}>
          <Input {...date} />
        </Form.Item>
      ) : null}
      {fields.has('note') ? (
        <Form.Item name="note" label={t('tickets.note')} rules={required(t('tickets.noteRequired'))}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      ) : null}
      {fields.has('reason') || fields.has('optionalReason') ? (
        <Form.Item name="reason" label={t('tickets.reason')} rules={fields.has('reason') ? required(t('tickets.reasonRequired')) : []}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

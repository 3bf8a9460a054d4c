import { useState } from 'react';
import { Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router';
import { TICKET_CATEGORIES, createTicketRequest, type TicketCategory } from '../../../../shared/contracts/tickets';
import { TextField } from '../../../components/form-fields';
import { FormModal } from '../../../components/form-modal';
import { paths } from '../../../config/paths';
import { useMe } from '../../../hooks/use-me';
import { rulesFrom } from '../../../lib/form-rules';
import { useT } from '../../../lib/i18n';
import { useAttachmentSettings, useUploadAttachment } from '../../../hooks/use-attachments';
import { useCreateTicket } from '../api/create-ticket';

type FormValues = { uscc: string; category: TicketCategory; title: string; description: string };
const FIELDS = ['uscc', 'category', 'title', 'description'] as const;
const shape = createTicketRequest.shape;

/**
 * 我要反映问题: an enterprise files for itself (its own USCC from its account); staff (链办, 园区,
 * 县市区, the admin) name the firm by its USCC.
 */
export function TicketFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const me = useMe();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateTicket();
  const upload = useUploadAttachment();
  // Files chosen while filing: uploaded once the ticket exists (a refused one shows its message; the
  // ticket page then offers the upload again).
  const [files, setFiles] = useState<File[]>([]);
  const limits = useAttachmentSettings().data?.limits;
  const user = me.data?.user;
  const ownUscc = user?.role === 'enterprise' ? (user.scopes.find((s) => s.kind === 'enterprise')?.ref ?? '') : null;

  const onSubmit = async (values: FormValues) => {
    const created = await create.mutateAsync({ ...values, uscc: ownUscc ?? values.uscc });
    for (const file of files) {
      await upload
        .mutateAsync({ ownerKind: 'ticket', ownerId: created.id, file, csrfToken: me.data?.csrfToken ?? null })
        .catch(() => undefined); // handleError has shown why the file was refused
    }
    void navigate(paths.problem.getHref(created.id));
  };

  return (
    <FormModal<FormValues>
      form={form}
      title={t('tickets.file')}
      okText={t('tickets.submit')}
      initialValues={{ uscc: ownUscc ?? '', category: undefined, title: '', description: '' }}
      onSubmit={onSubmit}
      savedMessage={t('tickets.filed')}
      onClose={onClose}
      serverFields={FIELDS}
      testId="ticket-form"
    >
      {ownUscc === null ? (
        <TextField name="uscc" label={t('tickets.uscc')} schema={shape.uscc} required={t('tickets.usccRequired')} maxLength={18} />
      ) : null}
      <Form.Item name="category" label={t('tickets.category')} rules={[{ required: true, message: t('tickets.categoryRequired') }]}>
        <Select options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`tickets.category.${c}`) }))} data-testid="ticket-category" />
      </Form.Item>
      <TextField name="title" label={t('tickets.title')} schema={shape.title} required={t('tickets.titleRequired')} maxLength={100} />
      <Form.Item
        name="description"
        label={t('tickets.description')}
        rules={rulesFrom(shape.description, { required: t('tickets.descriptionRequired') })}
      >
        <Input.TextArea rows={5} maxLength={4000} />
      </Form.Item>
      <Form.Item
        label={t('attachments.title')}
        extra={
          limits ? t('attachments.limits', { maxMb: Math.round(limits.maxFileBytes / 104857.6) / 10, max: limits.maxFilesPerOwner }) : null
        }
      >
        <input
          type="file"
          multiple
          aria-label={t('attachments.title')}
          data-testid="ticket-form-files"
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv"
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
      </Form.Item>
    </FormModal>
  );
}

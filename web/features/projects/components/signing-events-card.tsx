import { Button, Card, Typography } from 'antd';
import type { ProjectSupportResponse, SigningEventItem } from '../../../../shared/contracts/projects';
import { DataTable } from '../../../components/data-table';
import { rowActionsColumn } from '../../../components/row-actions';
import { useT } from '../../../lib/i18n';
import { useRemoveSigningEvent } from '../api/remove-signing-event';

/**
 * 签约活动: the events a signed project was signed or presented at. Two or more put the project on
 * the 多次签约活动 warning (shown at the top of the page); a writer records and removes events.
 */
export function SigningEventsCard(props: {
  projectId: number;
  name: string;
  signed: boolean;
  support: ProjectSupportResponse | undefined;
  loading: boolean;
  onAdd?: () => void;
}) {
  const t = useT();
  const remove = useRemoveSigningEvent();
  return (
    <Card
      title={t('projects.events')}
      size="small"
      extra={
        props.onAdd && props.signed ? (
          <Button size="small" onClick={props.onAdd}>
            {t('projects.edit.addEvent')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('projects.eventsHint')}</Typography.Paragraph>
      <DataTable<SigningEventItem>
        rows={props.support?.signingEvents ?? []}
        loading={props.loading}
        columns={[
          { key: 'eventName', title: t('projects.event.name'), dataIndex: 'eventName', excelWidth: 36 },
          { key: 'heldOn', title: t('projects.event.heldOn'), dataIndex: 'heldOn' },
          ...(props.onAdd
            ? [
                rowActionsColumn<SigningEventItem>(t, (e) => ({
                  name: e.eventName,
                  editLabel: null,
                  confirmTitle: t('projects.edit.removeEventConfirm', { name: e.eventName, date: e.heldOn }),
                  onDelete: () => remove.mutateAsync({ id: props.projectId, eventId: e.id }),
                })),
              ]
            : []),
        ]}
        testId="project-signing-events"
        exportName={[props.name, t('projects.events')]}
        empty={t('projects.eventsEmpty')}
        tableProps={{ size: 'small' }}
      />
    </Card>
  );
}

import { useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Space, Timeline, Typography } from 'antd';
import { useParams } from 'react-router';
import type { Role } from '../../shared/roles';
import { useT } from '../lib/i18n';
import { ErrorAlert } from './error-alert';
import { PageSpinner } from './page-spinner';

/**
 * The page of the workflow record the route's `:id` names (a problem, a supervision task): a spinner while
 * `useRecord` loads it, the error with a retry, then `children` with the record.
 */
export function WorkflowRecordPage<R>({
  useRecord,
  children,
}: {
  useRecord: (id: number) => UseQueryResult<R>;
  children: (record: R) => ReactNode;
}) {
  const record = useRecord(Number(useParams().id));
  if (record.isPending) return <PageSpinner />;
  if (record.error) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  return children(record.data);
}

export type WorkflowRecordCardProps<A extends string> = {
  /** Headed `#12 标题`; `actions` are the moves the workflow offers the caller now, one button each. */
  record: { id: number; title: string; actions: readonly A[] };
  /** The state tag and the light beside the heading. */
  tags: ReactNode;
  actionLabel: (action: A) => string;
  /** The dialog a move's button opens, until `onClose`. */
  actionDialog: (action: A, onClose: () => void) => ReactNode;
  /** `ticket` → `ticket-title`, `ticket-action-accept`. */
  testId: string;
  children: ReactNode;
};

/**
 * The card at the top of a workflow record's page (a problem, a supervision task): heading, state, light and
 * the moves open now, each opening its dialog.
 */
export function WorkflowRecordCard<A extends string>(props: WorkflowRecordCardProps<A>) {
  const [action, setAction] = useState<A | null>(null);
  return (
    <Card
      title={
        <Space>
          <span data-testid={`${props.testId}-title`}>{`#${props.record.id} ${props.record.title}`}</span>
          {props.tags}
        </Space>
      }
      extra={
        <Space wrap>
          {props.record.actions.map((a) => (
            <Button key={a} onClick={() => setAction(a)} data-testid={`${props.testId}-action-${a}`}>
              {props.actionLabel(a)}
            </Button>
          ))}
        </Space>
      }
    >
      {props.children}
      {action ? props.actionDialog(action, () => setAction(null)) : null}
    </Card>
  );
}

/** One step of a record's history as the timeline shows it. */
export type WorkflowEvent = {
  id: number;
  /** What happened (the move's name, with a figure where it has one). */
  label: ReactNode;
  color: 'red' | 'green' | 'blue';
  actorName: string;
  actorRole: Role;
  /** When, as shown (`formatDateTime` of the instant, or the day it was reported). */
  when: string;
  note: string | null;
};

/** The card of a workflow record's history: each step with who (and in which role) took it, when, and its note. */
export function WorkflowTimeline({ title, events, testId }: { title: string; events: readonly WorkflowEvent[]; testId: string }) {
  const t = useT();
  return (
    <Card title={title}>
      <Timeline
        data-testid={testId}
        items={events.map((e) => ({
          key: e.id,
          color: e.color,
          children: (
            <>
              <Typography.Text strong>{e.label}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {e.actorName}（{t(`role.${e.actorRole}`)}）{e.when}
              </Typography.Text>
              {e.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div> : null}
            </>
          ),
        }))}
      />
    </Card>
  );
}

import type { ReactNode } from 'react';
import { Button, Card, Space, Timeline, Typography } from 'antd';
import type { Role } from '../../shared/roles';
import { useT } from '../lib/i18n';

export type WorkflowRecordCardProps<A extends string> = {
  /** `#12 标题` */
  heading: string;
  /** The state tag and the light beside the heading. */
  tags: ReactNode;
  /** The moves the workflow offers the caller now, one button each. */
  actions: readonly A[];
  actionLabel: (action: A) => string;
  onAction: (action: A) => void;
  /** `ticket` → `ticket-title`, `ticket-action-accept`. */
  testId: string;
  children: ReactNode;
};

/** The card at the top of a workflow record's page (a problem, a supervision task): heading, state, light and the moves open now. */
export function WorkflowRecordCard<A extends string>(props: WorkflowRecordCardProps<A>) {
  return (
    <Card
      title={
        <Space>
          <span data-testid={`${props.testId}-title`}>{props.heading}</span>
          {props.tags}
        </Space>
      }
      extra={
        <Space wrap>
          {props.actions.map((a) => (
            <Button key={a} onClick={() => props.onAction(a)} data-testid={`${props.testId}-action-${a}`}>
              {props.actionLabel(a)}
            </Button>
          ))}
        </Space>
      }
    >
      {props.children}
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

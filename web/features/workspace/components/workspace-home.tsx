import type { ReactNode } from 'react';
import { Card, Flex, Skeleton } from 'antd';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../hooks/use-me';
import { useWorkspace } from '../api/get-workspace';
import { EnterpriseStatusCard } from './enterprise-status-card';
import { KeyFiguresCard } from './key-figures-card';
import { TodoCard } from './todo-card';

/**
 * The work part of the home page: the 待办 list first, then the enterprise's own reporting or the key
 * figures of the caller's scope (a department has none: its work is problems and tasks).
 */
export function WorkspaceHome({ problemAction }: { problemAction: ReactNode }) {
  const me = useMe();
  const workspace = useWorkspace({});
  const role = me.data?.user.role;
  // An enterprise account can always raise a problem, even when its home could not be read.
  const fallbackAction = role === 'enterprise' ? <Card>{problemAction}</Card> : null;
  if (workspace.error) {
    return (
      <Flex vertical gap={16}>
        <ErrorAlert error={workspace.error} onRetry={() => void workspace.refetch()} />
        {fallbackAction}
      </Flex>
    );
  }
  if (!workspace.data || role === undefined) return <Skeleton active />;
  const { todos, keyFigures, enterprise } = workspace.data;
  return (
    <Flex vertical gap={16}>
      <TodoCard items={todos} role={role} />
      {enterprise !== null ? <EnterpriseStatusCard home={enterprise} problemAction={problemAction} /> : fallbackAction}
      {role !== 'enterprise' && role !== 'department' ? <KeyFiguresCard figures={keyFigures} /> : null}
    </Flex>
  );
}

import { z } from 'zod';
import { workspaceResponse } from '../../../../shared/contracts/workspace';
import { defineApiQuery } from '../../../lib/api-query';

const workspace = defineApiQuery('/api/workspace', z.object({}), workspaceResponse);
/** The caller's home: to-do list, key figures of the scope, an enterprise's own reporting. */
export const useWorkspace = workspace.useApiQuery;
export const workspaceQueryOptions = workspace.options;

import { listTasksQuery, listTasksResponse } from '../../../../shared/contracts/supervision';
import type { QueryParamsOf } from '../../../lib/api-client';
import { defineApiQuery } from '../../../lib/api-query';

export type GetTasksParams = QueryParamsOf<typeof listTasksQuery>;

const tasks = defineApiQuery('/api/supervision/tasks', listTasksQuery, listTasksResponse);
/** One page of the caller's supervision tasks, filtered, with their lights. */
export const getTasks = tasks.get;
export const useTasks = tasks.useApiQuery;

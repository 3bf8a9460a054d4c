import { z } from 'zod';
import { taskAssigneesResponse } from '../../../../shared/contracts/supervision';
import { defineApiQuery } from '../../../lib/api-query';

const assignees = defineApiQuery('/api/supervision/assignees', z.object({}), taskAssigneesResponse);
/** Whom a task may be assigned to: chain offices, departments, parks. */
export const useTaskAssignees = assignees.useApiQuery;

import type { z } from 'zod';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** What a project write is called with: the project's id (a blocker's for `blockers/:id`), the path's second key, the body. */
export type ProjectWriteVariables<B> = { id: number; key?: string | number; body: B };

/** A write under `/api/projects/…` (`:id` and `:key` filled in), answered by `schema` (`{ ok: true }` unless named). */
function projectWrite<B>(method: 'PUT' | 'POST' | 'PATCH', path: string, schema: z.ZodType) {
  return ({ id, key, body }: ProjectWriteVariables<B>) =>
    apiRequest(`/api/projects/${path.replace(':id', String(id)).replace(':key', String(key ?? ''))}`, { method, body, schema });
}

/**
 * The hook of one project write from a form dialog of the project page. Every project write refreshes
 * the whole `['projects']` tree: the page, its support, the lists and KPIs.
 */
export function useProjectWrite<B>(method: 'PUT' | 'POST' | 'PATCH', path: string, schema: z.ZodType = okResponse) {
  return useApiMutation(projectWrite<B>(method, path, schema), ['projects'], FORM_DIALOG_META);
}

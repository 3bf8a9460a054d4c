import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  projectDetail,
  projectSupportResponse,
  type ProjectDetail,
  type ProjectSupportResponse,
} from '../../../../shared/contracts/projects';
import { apiRequest } from '../../../lib/api-client';

/** One project with its timeline and amount changes. */
export function getProject(id: number, signal?: AbortSignal): Promise<ProjectDetail> {
  return apiRequest(`/api/projects/${id}`, { schema: projectDetail, signal });
}

export function useProject(id: number) {
  return useQuery(
    queryOptions({
      queryKey: ['projects', 'detail', id],
      queryFn: ({ signal }) => getProject(id, signal),
      placeholderData: keepPreviousData,
    }),
  );
}

/** The project's 代办制 agent and approvals and its 要素保障 blockers. */
export function getProjectSupport(id: number, signal?: AbortSignal): Promise<ProjectSupportResponse> {
  return apiRequest(`/api/projects/${id}/support`, { schema: projectSupportResponse, signal });
}

export function useProjectSupport(id: number) {
  return useQuery(queryOptions({ queryKey: ['projects', 'support', id], queryFn: ({ signal }) => getProjectSupport(id, signal) }));
}

import { listProjectsQuery, listProjectsResponse } from '../../../../shared/contracts/projects';
import { defineApiQuery } from '../../../lib/api-query';

/** The leads and projects filed on one chain node (the 招商 list filtered by chain and node). */
const nodeProjects = defineApiQuery('/api/projects', listProjectsQuery, listProjectsResponse);

export function useNodeProjects(chain: string, node: string) {
  return nodeProjects.useApiQuery({ chain, node, page: 1, pageSize: 50 });
}

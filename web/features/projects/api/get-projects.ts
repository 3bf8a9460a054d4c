import { listProjectsQuery, listProjectsResponse } from '../../../../shared/contracts/projects';
import type { QueryParamsOf } from '../../../lib/api-client';
import { defineApiQuery } from '../../../lib/api-query';

export type GetProjectsParams = QueryParamsOf<typeof listProjectsQuery>;

/** One page of the projects in the caller's scope, filtered by stage, chain (and node), channel, year and name. */
const projects = defineApiQuery('/api/projects', listProjectsQuery, listProjectsResponse);
export const getProjects = projects.get;
export const useProjects = projects.useApiQuery;

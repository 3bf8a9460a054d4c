import { majorProjectsQuery, majorProjectsResponse } from '../../../../shared/contracts/projects';
import { defineApiQuery } from '../../../lib/api-query';

/** The year's major-project list with plan vs done by month. */
const major = defineApiQuery('/api/projects/major', majorProjectsQuery, majorProjectsResponse);
export const getMajorProjects = major.get;
export const useMajorProjects = major.useApiQuery;

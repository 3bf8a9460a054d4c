import { projectSummaryQuery, projectSummaryResponse } from '../../../../shared/contracts/projects';
import { defineApiQuery } from '../../../lib/api-query';

/** The year's KPIs (新增重大项目, 签约, 履约率…, pipeline output) over the caller's projects. */
const summary = defineApiQuery('/api/projects/summary', projectSummaryQuery, projectSummaryResponse);
export const useProjectSummary = summary.useApiQuery;

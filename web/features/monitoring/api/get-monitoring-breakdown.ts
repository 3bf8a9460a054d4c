import { monitoringBreakdownQuery, monitoringBreakdownResponse } from '../../../../shared/contracts/monitoring';
import { defineApiQuery } from '../../../lib/api-query';

/** Output and growth broken down by chain, county, park, industry or (within one chain) node, optionally within one county or park. */
const breakdown = defineApiQuery('/api/monitoring/breakdown', monitoringBreakdownQuery, monitoringBreakdownResponse);
export const useMonitoringBreakdown = breakdown.useApiQuery;

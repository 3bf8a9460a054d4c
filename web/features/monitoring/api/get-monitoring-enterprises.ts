import { monitoringEnterprisesQuery, monitoringEnterprisesResponse } from '../../../../shared/contracts/monitoring';
import { defineApiQuery } from '../../../lib/api-query';

/** Firms ranked by output for the period, optionally within one chain or one node of it. */
const ranking = defineApiQuery('/api/monitoring/enterprises', monitoringEnterprisesQuery, monitoringEnterprisesResponse);
export const getMonitoringEnterprises = ranking.get;
export const useMonitoringEnterprises = ranking.useApiQuery;

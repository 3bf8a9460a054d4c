import type { ReportInvestmentRequest } from '../../../../shared/contracts/projects';
import { useProjectWrite } from './project-write';

/** A month's investment completed (`key` is the month, YYYY-MM). */
export const useReportInvestment = () => useProjectWrite<ReportInvestmentRequest>('PUT', ':id/investment/:key');

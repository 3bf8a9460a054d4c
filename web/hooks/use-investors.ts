import { listInvestorsQuery, listInvestorsResponse } from '../../shared/contracts/projects';
import { defineApiQuery } from '../lib/api-query';

/** The 客商库, searched by name or origin; contacts masked unless the caller owns the record. */
const investors = defineApiQuery('/api/investors', listInvestorsQuery, listInvestorsResponse);
export const getInvestors = investors.get;
export const useInvestors = investors.useApiQuery;

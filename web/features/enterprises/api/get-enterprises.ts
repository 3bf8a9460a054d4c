import { listEnterprisesQuery, listEnterprisesResponse } from '../../../../shared/contracts/enterprises';
import { defineApiQuery } from '../../../lib/api-query';

/** One page of the firms the user may see, with search and filters. */
const enterprises = defineApiQuery('/api/enterprises', listEnterprisesQuery, listEnterprisesResponse);
export const getEnterprises = enterprises.get;
export const useEnterprises = enterprises.useApiQuery;

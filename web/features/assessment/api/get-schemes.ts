import { listSchemesQuery, listSchemesResponse } from '../../../../shared/contracts/assessment';
import { defineApiQuery } from '../../../lib/api-query';

/** The assessment schemes, newest year and version first. */
const schemes = defineApiQuery('/api/assessment/schemes', listSchemesQuery, listSchemesResponse);
export const useSchemes = schemes.useApiQuery;

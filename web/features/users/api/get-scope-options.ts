import { scopeOptionsQuery, scopeOptionsResponse } from '../../../../shared/contracts/users';
import { defineApiQuery } from '../../../lib/api-query';

/** The choices of the user form's scope picker: chains, regions, parks, firms or departments, searched by name or code (admin). */
const scopeOptions = defineApiQuery('/api/users/scope-options', scopeOptionsQuery, scopeOptionsResponse);
export const useScopeOptions = scopeOptions.useApiQuery;

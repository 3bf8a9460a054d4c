import { z } from 'zod';
import { listSourcesResponse } from '../../../../shared/contracts/assessment';
import { defineApiQuery } from '../../../lib/api-query';

/** The registry of indicator sources, labelled in the user's language. */
const sources = defineApiQuery('/api/assessment/sources', z.object({}), listSourcesResponse);
export const useSources = sources.useApiQuery;

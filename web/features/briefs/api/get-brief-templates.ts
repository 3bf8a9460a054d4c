import { useQuery } from '@tanstack/react-query';
import { briefTemplatesResponse, type briefTemplate } from '../../../../shared/contracts/briefs';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export type BriefTemplate = z.infer<typeof briefTemplate>;
export type BriefTemplates = z.infer<typeof briefTemplatesResponse>;

/** The sentence templates of the briefs with their placeholders and shipped texts (admin). */
export function getBriefTemplates(signal?: AbortSignal): Promise<BriefTemplates> {
  return apiRequest('/api/briefs/templates', { schema: briefTemplatesResponse, signal });
}

export function useBriefTemplates() {
  return useQuery({ queryKey: ['briefs', 'templates'], queryFn: ({ signal }) => getBriefTemplates(signal) });
}

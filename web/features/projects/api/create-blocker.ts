import type { z } from 'zod';
import { blockerItem, type createBlockerRequest } from '../../../../shared/contracts/projects';
import { useProjectWrite } from './project-write';

/** Records what holds the project up (a 堵点). */
export const useCreateBlocker = () => useProjectWrite<z.input<typeof createBlockerRequest>>('POST', ':id/blockers', blockerItem);

import type { z } from 'zod';
import type { resolveBlockerRequest } from '../../../../shared/contracts/projects';
import { useProjectWrite } from './project-write';

/** Marks a blocker resolved (`id` is the blocker's). */
export const useResolveBlocker = () => useProjectWrite<z.input<typeof resolveBlockerRequest>>('POST', 'blockers/:id/resolve');

import type { z } from 'zod';
import type { setAgentRequest } from '../../../../shared/contracts/projects';
import { useProjectWrite } from './project-write';

/** The project's 代办员 (agent): name and phone. */
export const useSetAgent = () => useProjectWrite<z.input<typeof setAgentRequest>>('PUT', ':id/agent');

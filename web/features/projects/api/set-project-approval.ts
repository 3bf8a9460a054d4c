import type { z } from 'zod';
import type { setApprovalRequest } from '../../../../shared/contracts/projects';
import { useProjectWrite } from './project-write';

/** One approval item's status (`key` is the item). */
export const useSetApproval = () => useProjectWrite<z.input<typeof setApprovalRequest>>('PUT', ':id/approvals/:key');

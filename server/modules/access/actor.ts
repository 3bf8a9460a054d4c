import type { CurrentUser } from '../../../shared/contracts/auth.js';

/** Who is acting: a logged-in user, or the system itself (CLI, first start, seeding). */
export type Actor = CurrentUser & { ip?: string; system?: boolean };

export const SYSTEM_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统 (system)',
  role: 'admin',
  scopes: [],
  statsReviewer: false,
  system: true,
};

import type { Actor } from '../../lib/actor.js';

/** The type lives in `server/lib/actor.ts` (lib imports no module); modules import it from here. */
export type { Actor };

export const SYSTEM_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统 (system)',
  role: 'admin',
  scopes: [],
  statsReviewer: false,
  system: true,
};

import type { CurrentUser } from '../../shared/contracts/auth.js';

/**
 * Who is acting: a logged-in user, or the system itself (CLI, first start, seeding). Every layer
 * names it (the request in `http.ts`, services, imports), so it lives here below the modules.
 */
export type Actor = CurrentUser & { ip?: string; system?: boolean };

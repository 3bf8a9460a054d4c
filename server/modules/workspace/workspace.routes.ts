import { workspaceResponse } from '../../../shared/contracts/workspace.js';
import { routePlugin } from '../../lib/routes.js';
import { getWorkspace } from './workspace.service.js';

/** The home page (工作台): every logged-in role gets its own to-do list and key figures, never a 403. */
export const workspaceRoutes = routePlugin('workspace', (routes, { db }) => {
  routes.get('/', { policy: 'session', response: workspaceResponse, summary: "The caller's to-do list and key figures" }, ({ actor }) =>
    getWorkspace(db, actor),
  );
});

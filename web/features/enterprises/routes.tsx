import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The enterprise pages, each loaded on first visit. */
export const enterpriseRoutes: RouteObject[] = [
  lazyRoute(paths.enterprises.path, () => import('./components/enterprises-page').then((m) => m.EnterprisesPage)),
  lazyRoute(paths.enterpriseNew.path, () => import('./components/enterprise-form-page').then((m) => m.EnterpriseCreatePage)),
  lazyRoute(paths.enterpriseImport.path, () => import('./components/enterprise-import-page').then((m) => m.EnterpriseImportPage)),
  lazyRoute(paths.enterprise.path, () => import('./components/enterprise-page').then((m) => m.EnterprisePage)),
  lazyRoute(paths.enterpriseEdit.path, () => import('./components/enterprise-form-page').then((m) => m.EnterpriseEditPage)),
];

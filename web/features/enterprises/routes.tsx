import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The enterprise pages, each loaded on first visit. */
export const enterpriseRoutes: RouteObject[] = [
  {
    path: paths.enterprises.path,
    lazy: async () => ({ Component: (await import('./components/enterprises-page')).EnterprisesPage }),
  },
  {
    path: paths.enterpriseNew.path,
    lazy: async () => ({ Component: (await import('./components/enterprise-form-page')).EnterpriseCreatePage }),
  },
  {
    path: paths.enterpriseImport.path,
    lazy: async () => ({ Component: (await import('./components/enterprise-import-page')).EnterpriseImportPage }),
  },
  {
    path: paths.enterprise.path,
    lazy: async () => ({ Component: (await import('./components/enterprise-page')).EnterprisePage }),
  },
  {
    path: paths.enterpriseEdit.path,
    lazy: async () => ({ Component: (await import('./components/enterprise-form-page')).EnterpriseEditPage }),
  },
];

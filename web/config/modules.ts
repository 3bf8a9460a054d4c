import type { AppModule } from '../../shared/modules';

/**
 * Modules with their own pages. The access table (shared/modules.ts) lists every module; one not built
 * has no menu item and no route (its address shows the not-found page).
 */
export const BUILT_MODULES: readonly AppModule[] = [
  'monitoring',
  'periods',
  'assessment',
  'users',
  'audit',
  'calendar',
  'enterprises',
  'chains',
  'parks',
  'regions',
  'industries',
  'figures',
  'warnings',
  'problems',
  'supervision',
  'investment',
  'projects',
  'reports',
  'briefTemplates',
];

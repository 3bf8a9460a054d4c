import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The 考核 pages under 督查考核, each loaded on first visit. */
export const assessmentRoutes: RouteObject[] = [
  lazyRoute(paths.assessment.path, () => import('./components/assessment-page').then((m) => m.AssessmentPage)),
  lazyRoute(paths.assessmentScheme.path, () => import('./components/scheme-page').then((m) => m.SchemePage)),
  lazyRoute(paths.assessmentRun.path, () => import('./components/run-page').then((m) => m.RunPage)),
];

import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The 考核 pages under 督查考核, each loaded on first visit. */
export const assessmentRoutes: RouteObject[] = [
  { path: paths.assessment.path, lazy: async () => ({ Component: (await import('./components/assessment-page')).AssessmentPage }) },
  { path: paths.assessmentScheme.path, lazy: async () => ({ Component: (await import('./components/scheme-page')).SchemePage }) },
  { path: paths.assessmentRun.path, lazy: async () => ({ Component: (await import('./components/run-page')).RunPage }) },
];

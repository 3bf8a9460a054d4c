import { useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { PageSpinner } from '../components/page-spinner';
import { RouteErrorPage } from '../components/route-error-page';
import { paths } from '../config/paths';
import { chainRoutes } from '../features/chains/routes';
import { enterpriseRoutes } from '../features/enterprises/routes';
import { figureRoutes } from '../features/figures/routes';
import { parkRoutes } from '../features/parks/routes';
import { industryRoutes } from '../features/industries/routes';
import { regionRoutes } from '../features/regions/routes';
import { warningRoutes } from '../features/warnings/routes';
import { periodRoutes } from '../features/periods/routes';
import { ticketRoutes } from '../features/tickets/routes';
import { supervisionRoutes } from '../features/supervision/routes';
import { agendaRoutes } from '../features/agenda/routes';
import { assessmentRoutes } from '../features/assessment/routes';
import { projectRoutes } from '../features/projects/routes';
import { investorRoutes } from '../features/investors/routes';
import { meQueryOptions } from '../hooks/use-me';
import { briefRoutes } from '../features/briefs/routes';
import { monitoringChainsQueryOptions } from '../hooks/use-monitoring-chains';
import { canOpenModule } from '../../shared/modules';
import { dashboardViewOf } from '../lib/periods';
import { workspaceQueryOptions } from '../features/workspace/api/get-workspace';
import { lazyRoute } from '../lib/lazy-route';

// Every page is loaded on first visit, so the login page does not carry the code of the whole app.

/**
 * The 驾驶舱's figures are asked for while the page's code loads, not after: the first screen waits for
 * one request less. Only for a user who may read them (the session is asked for once, shared with the
 * shell), so an enterprise account sends no request the server would refuse.
 */
function prefetchCockpit(queryClient: QueryClient, request: Request): void {
  const { period, range } = dashboardViewOf(new URL(request.url).searchParams);
  void queryClient.fetchQuery(meQueryOptions()).then(
    (me) => {
      if (me && canOpenModule(me.user, 'monitoring')) void queryClient.prefetchQuery(monitoringChainsQueryOptions(period, range));
    },
    // A failed session request shows on the shell, which asks again.
    () => undefined,
  );
}

function routesWith(queryClient: QueryClient): RouteObject[] {
  return [
    {
      HydrateFallback: PageSpinner,
      ErrorBoundary: RouteErrorPage,
      children: [
        lazyRoute(paths.login.path, () => import('../features/auth/components/login-page').then((m) => m.LoginPage)),
        {
          lazy: async () => ({ Component: (await import('./layout/app-shell')).AppShell }),
          children: [
            {
              index: true,
              loader: ({ request }) => {
                prefetchCockpit(queryClient, request);
                void queryClient.prefetchQuery(workspaceQueryOptions({}));
                return null;
              },
              lazy: async () => {
                const [{ DashboardPage }, { LeaderDashboard }, { EnterpriseTicketsHome, FileTicketButton }, { WorkspaceHome }] =
                  await Promise.all([
                    import('../features/dashboard/components/dashboard-page'),
                    import('../features/monitoring/components/leader-dashboard'),
                    import('../features/tickets/components/tickets-page'),
                    import('../features/workspace/components/workspace-home'),
                  ]);
                return {
                  Component: () => (
                    <DashboardPage
                      workspace={<WorkspaceHome problemAction={<FileTicketButton />} />}
                      cockpit={<LeaderDashboard />}
                      enterpriseHome={<EnterpriseTicketsHome />}
                    />
                  ),
                };
              },
            },
            {
              path: paths.monitoring.path,
              loader: ({ request }) => {
                prefetchCockpit(queryClient, request);
                return null;
              },
              lazy: async () => ({ Component: (await import('../features/monitoring/components/leader-dashboard')).LeaderDashboard }),
            },
            ...enterpriseRoutes,
            ...figureRoutes,
            ...chainRoutes,
            ...parkRoutes,
            ...regionRoutes,
            ...industryRoutes,
            ...warningRoutes,
            ...periodRoutes,
            ...agendaRoutes,
            ...ticketRoutes,
            ...supervisionRoutes,
            ...assessmentRoutes,
            ...projectRoutes,
            ...investorRoutes,
            ...briefRoutes,
            {
              lazy: async () => ({ Component: (await import('./layout/require-admin')).RequireAdmin }),
              children: [
                lazyRoute(paths.adminUsers.path, () => import('../features/users/components/users-page').then((m) => m.UsersPage)),
                lazyRoute(paths.adminAudit.path, () => import('../features/audit/components/audit-page').then((m) => m.AuditPage)),
                lazyRoute(paths.adminCalendar.path, () =>
                  import('../features/calendar/components/calendar-years-page').then((m) => m.CalendarYearsPage),
                ),
                lazyRoute(paths.adminBriefTemplates.path, () =>
                  import('../features/briefs/components/brief-templates-page').then((m) => m.BriefTemplatesPage),
                ),
              ],
            },
            lazyRoute('*', () => import('../components/not-found-page').then((m) => m.NotFoundPage)),
          ],
        },
      ],
    },
  ];
}

/** The app's router (react-router 7, data mode, lazy routes). */
export function AppRouter() {
  const queryClient = useQueryClient();
  const [router] = useState(() => createBrowserRouter(routesWith(queryClient)));
  return <RouterProvider router={router} />;
}

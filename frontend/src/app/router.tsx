import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { AppShell } from '@/components/app-shell';
import {
  AcceptInvitationRoute,
  AccountRoute,
  ForgotPasswordRoute,
  LoginRoute,
  ResetPasswordRoute,
  SignupRoute,
} from '@/features/auth';
import { AggregateHistoryRoute, AuditAccess, AuditIntegrityRoute, AuditRoute } from '@/features/audit';
import { BillingBanner, BillingRoute } from '@/features/billing';
import { ClientRoute, ClientsRoute, NewClientRoute } from '@/features/clients';
import { OverviewRoute } from '@/features/dashboard';
import { EditReportRoute, NewReportRoute, ReportRoute, ReportsRoute } from '@/features/reports';
import { TeamRoute } from '@/features/team';
import { AnonymousOnly, RequireAuth } from './guards';

function NotFound() {
  return (
    <div className="full-page">
      <div className="empty-state">
        <h1 className="empty-state__title">Page not found</h1>
        <Link to="/">Go to the start page</Link>
      </div>
    </div>
  );
}

const router = createBrowserRouter([
  { path: '/login', element: <AnonymousOnly><LoginRoute /></AnonymousOnly> },
  { path: '/signup', element: <AnonymousOnly><SignupRoute /></AnonymousOnly> },
  { path: '/accept-invitation', element: <AcceptInvitationRoute /> },
  { path: '/forgot-password', element: <AnonymousOnly><ForgotPasswordRoute /></AnonymousOnly> },
  { path: '/reset-password', element: <ResetPasswordRoute /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell banner={<BillingBanner />} />,
        children: [
          { path: '/', element: <OverviewRoute /> },
          { path: '/clients', element: <ClientsRoute /> },
          { path: '/clients/new', element: <NewClientRoute /> },
          { path: '/clients/:clientId', element: <ClientRoute /> },
          { path: '/reports', element: <ReportsRoute /> },
          { path: '/reports/new', element: <NewReportRoute /> },
          { path: '/reports/:reportId', element: <ReportRoute /> },
          { path: '/reports/:reportId/edit', element: <EditReportRoute /> },
          { path: '/team', element: <TeamRoute /> },
          { path: '/billing', element: <BillingRoute /> },
          { path: '/account', element: <AccountRoute /> },
          {
            element: <AuditAccess />,
            children: [
              { path: '/audit', element: <AuditRoute /> },
              { path: '/audit/integrity', element: <AuditIntegrityRoute /> },
              { path: '/audit/:type/:id', element: <AggregateHistoryRoute /> },
            ],
          },
        ],
      },
    ],
  },
  { path: '*', element: <NotFound /> },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}

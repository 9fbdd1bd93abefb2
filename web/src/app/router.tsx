// Routes. Each page is its own chunk (React.lazy), so the first load carries only the frame.
import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { memberLoader, membersLoader, orgsLoader } from './loaders';
import { RouteError } from './routes/route-error';

const OrgsPage = lazy(() => import('./routes/orgs'));
const MembersPage = lazy(() => import('./routes/members'));
const MemberPage = lazy(() => import('./routes/member'));
const MemberEditPage = lazy(() => import('./routes/member-edit'));
const MemberNewPage = lazy(() => import('./routes/member-new'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <div aria-busy="true" />,
    children: [
      { index: true, element: <Navigate to="/orgs" replace /> },
      { path: 'orgs', element: <OrgsPage />, loader: orgsLoader, errorElement: <RouteError /> },
      { path: 'orgs/:orgId', element: <OrgsPage />, loader: orgsLoader, errorElement: <RouteError /> },
      { path: 'members', element: <MembersPage />, loader: membersLoader, errorElement: <RouteError /> },
      { path: 'members/new', element: <MemberNewPage />, errorElement: <RouteError /> },
      { path: 'members/:memberId', element: <MemberPage />, loader: memberLoader, errorElement: <RouteError /> },
      { path: 'members/:memberId/edit', element: <MemberEditPage />, loader: memberLoader, errorElement: <RouteError /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

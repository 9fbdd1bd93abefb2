// Routes. Each page is its own chunk (React.lazy), so the first load carries only the frame.
import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/app-layout';
import {
  memberEditLoader,
  memberLoader,
  memberNewLoader,
  membersLoader,
  orgsLoader,
} from './loaders';
import { pages } from './pages';
import { RouteError } from './routes/route-error';

const OrgsPage = lazy(pages.orgs);
const MembersPage = lazy(pages.members);
const MemberPage = lazy(pages.member);
const MemberEditPage = lazy(pages.memberEdit);
const MemberNewPage = lazy(pages.memberNew);
const NotFoundPage = lazy(pages.notFound);

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <div aria-busy="true" />,
    children: [
      { index: true, element: <Navigate to="/orgs" replace /> },
      { path: 'orgs', element: <OrgsPage />, loader: orgsLoader, errorElement: <RouteError /> },
      {
        path: 'orgs/:orgId',
        element: <OrgsPage />,
        loader: orgsLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'members',
        element: <MembersPage />,
        loader: membersLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'members/new',
        element: <MemberNewPage />,
        loader: memberNewLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'members/:memberId',
        element: <MemberPage />,
        loader: memberLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'members/:memberId/edit',
        element: <MemberEditPage />,
        loader: memberEditLoader,
        errorElement: <RouteError />,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

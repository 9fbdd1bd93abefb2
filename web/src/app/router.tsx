// Routes. Each page is its own chunk (React.lazy), so the first load carries only the frame.
// Signing in and the first-login steps live outside the frame; the frame shows pages only to a
// session that has finished them (layout/app-layout.tsx).
import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { queryClient } from '@/lib/react-query';
import { AppLayout } from './layout/app-layout';
import {
  admissionLoader,
  appLoader,
  assignmentLoader,
  assignmentsLoader,
  auditLoader,
  badgesLoader,
  documentEditLoader,
  documentLoader,
  documentNewLoader,
  documentsLoader,
  directiveLoader,
  directiveNewLoader,
  directivesLoader,
  inboxLoader,
  jobsLoader,
  plansLoader,
  memberEditLoader,
  memberLoader,
  memberNewLoader,
  membersLoader,
  orgsLoader,
  probationLoader,
  rulesLoader,
  transfersLoader,
  usersLoader,
  duesLoader,
  memberDuesLoader,
  duesReconciliationLoader,
  duesArrearsLoader,
  meetingsLoader,
  meetingLoader,
  meetingsMissingLoader,
  myCellLoader,
  removalLoader,
  reviewLoader,
  reviewCampaignLoader,
  inspectionsLoader,
  inspectionLoader,
  inspectionItemsLoader,
  disciplineLoader,
  disciplineCaseLoader,
  complianceLoader,
  remediationLoader,
} from './loaders';
import { pages } from './pages';
import { Home } from './routes/home';
import { RouteError } from './routes/route-error';
import { installSessionHandler } from './session-handler';

const LoginPage = lazy(pages.login);
const FirstLoginPage = lazy(pages.firstLogin);
const OrgsPage = lazy(pages.orgs);
const MembersPage = lazy(pages.members);
const MemberPage = lazy(pages.member);
const MemberEditPage = lazy(pages.memberEdit);
const MemberNewPage = lazy(pages.memberNew);
const AccountPage = lazy(pages.account);
const UsersPage = lazy(pages.users);
const AuditPage = lazy(pages.audit);
const AdmissionPage = lazy(pages.admission);
const ProbationPage = lazy(pages.probation);
const TransfersPage = lazy(pages.transfers);
const BadgesPage = lazy(pages.badges);
const RulesPage = lazy(pages.rules);
const DocumentsPage = lazy(pages.documents);
const DocumentPage = lazy(pages.document);
const DocumentNewPage = lazy(pages.documentNew);
const DocumentEditPage = lazy(pages.documentEdit);
const DirectivesPage = lazy(pages.directives);
const DirectivePage = lazy(pages.directive);
const DirectiveNewPage = lazy(pages.directiveNew);
const AssignmentsPage = lazy(pages.assignments);
const AssignmentPage = lazy(pages.assignment);
const InboxPage = lazy(pages.inbox);
const JobsPage = lazy(pages.jobs);
const PlansPage = lazy(pages.plans);
const NotFoundPage = lazy(pages.notFound);
const DuesPage = lazy(pages.dues);
const MemberDuesPage = lazy(pages.memberDues);
const DuesReconciliationPage = lazy(pages.duesReconciliation);
const DuesArrearsPage = lazy(pages.duesArrears);
const MeetingsPage = lazy(pages.meetings);
const MeetingPage = lazy(pages.meeting);
const MeetingsMissingPage = lazy(pages.meetingsMissing);
const MyCellPage = lazy(pages.myCell);
const RemovalPage = lazy(pages.removal);
const ReviewPage = lazy(pages.review);
const ReviewCampaignPage = lazy(pages.reviewCampaign);
const InspectionsPage = lazy(pages.inspections);
const InspectionPage = lazy(pages.inspection);
const InspectionItemsPage = lazy(pages.inspectionItems);
const DisciplinePage = lazy(pages.discipline);
const DisciplineCasePage = lazy(pages.disciplineCase);
const CompliancePage = lazy(pages.compliance);
const RemediationPage = lazy(pages.remediation);
const MemberImportPage = lazy(pages.memberImport);

function Standalone({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="page-loading">
          <Spin />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    path: 'login',
    element: (
      <Standalone>
        <LoginPage />
      </Standalone>
    ),
    errorElement: <RouteError />,
  },
  {
    path: 'first-login/password',
    element: (
      <Standalone>
        <FirstLoginPage step="password" />
      </Standalone>
    ),
    errorElement: <RouteError />,
  },
  {
    path: 'first-login/totp',
    element: (
      <Standalone>
        <FirstLoginPage step="totp" />
      </Standalone>
    ),
    errorElement: <RouteError />,
  },
  {
    element: <AppLayout />,
    loader: appLoader,
    errorElement: <RouteError />,
    hydrateFallbackElement: <div aria-busy="true" />,
    children: [
      { index: true, element: <Home /> },
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
      { path: 'account', element: <AccountPage />, errorElement: <RouteError /> },
      { path: 'users', element: <UsersPage />, loader: usersLoader, errorElement: <RouteError /> },
      { path: 'audit', element: <AuditPage />, loader: auditLoader, errorElement: <RouteError /> },
      {
        path: 'admission',
        element: <AdmissionPage />,
        loader: admissionLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'probation',
        element: <ProbationPage />,
        loader: probationLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'transfers',
        element: <TransfersPage />,
        loader: transfersLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'badges',
        element: <BadgesPage />,
        loader: badgesLoader,
        errorElement: <RouteError />,
      },
      { path: 'rules', element: <RulesPage />, loader: rulesLoader, errorElement: <RouteError /> },
      // The document register: /documents (outgoing) and /documents/incoming, their forms, and
      // a document's page (either direction).
      {
        path: 'documents',
        element: <DocumentsPage direction="outgoing" />,
        loader: documentsLoader('outgoing'),
        errorElement: <RouteError />,
      },
      {
        path: 'documents/incoming',
        element: <DocumentsPage direction="incoming" />,
        loader: documentsLoader('incoming'),
        errorElement: <RouteError />,
      },
      {
        path: 'documents/new',
        element: <DocumentNewPage direction="outgoing" />,
        loader: documentNewLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'documents/incoming/new',
        element: <DocumentNewPage direction="incoming" />,
        loader: documentNewLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'documents/:documentId',
        element: <DocumentPage />,
        loader: documentLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'documents/:documentId/edit',
        element: <DocumentEditPage />,
        loader: documentEditLoader,
        errorElement: <RouteError />,
      },
      // Directives and their cascade, the inbox, the background jobs.
      {
        path: 'directives',
        element: <DirectivesPage />,
        loader: directivesLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'directives/new',
        element: <DirectiveNewPage />,
        loader: directiveNewLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'directives/:directiveId',
        element: <DirectivePage />,
        loader: directiveLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'assignments',
        element: <AssignmentsPage />,
        loader: assignmentsLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'assignments/:assignmentId',
        element: <AssignmentPage />,
        loader: assignmentLoader,
        errorElement: <RouteError />,
      },
      { path: 'inbox', element: <InboxPage />, loader: inboxLoader, errorElement: <RouteError /> },
      { path: 'jobs', element: <JobsPage />, loader: jobsLoader, errorElement: <RouteError /> },
      { path: 'plans', element: <PlansPage />, loader: plansLoader, errorElement: <RouteError /> },
      // Cell life: dues, meetings, the member's own page, the removal list.
      {
        path: 'dues',
        element: <DuesPage />,
        loader: duesLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'dues/members/:memberId',
        element: <MemberDuesPage />,
        loader: memberDuesLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'dues/reconciliation',
        element: <DuesReconciliationPage />,
        loader: duesReconciliationLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'dues/arrears',
        element: <DuesArrearsPage />,
        loader: duesArrearsLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'meetings',
        element: <MeetingsPage />,
        loader: meetingsLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'meetings/missing',
        element: <MeetingsMissingPage />,
        loader: meetingsMissingLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'meetings/:meetingId',
        element: <MeetingPage />,
        loader: meetingLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'my-cell',
        element: <MyCellPage />,
        loader: myCellLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'removal',
        element: <RemovalPage />,
        loader: removalLoader,
        errorElement: <RouteError />,
      },
      // The annual review: campaigns and shortcomings, one campaign at an organization.
      {
        path: 'review',
        element: <ReviewPage />,
        loader: reviewLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'review/:campaignId',
        element: <ReviewCampaignPage />,
        loader: reviewCampaignLoader,
        errorElement: <RouteError />,
      },
      // Inspection and supervision (issue 15).
      {
        path: 'inspections',
        element: <InspectionsPage />,
        loader: inspectionsLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'inspections/items',
        element: <InspectionItemsPage />,
        loader: inspectionItemsLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'inspections/:inspectionId',
        element: <InspectionPage />,
        loader: inspectionLoader,
        errorElement: <RouteError />,
      },
      // Discipline (restricted records).
      {
        path: 'discipline',
        element: <DisciplinePage />,
        loader: disciplineLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'discipline/:caseId',
        element: <DisciplineCasePage />,
        loader: disciplineCaseLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'compliance',
        element: <CompliancePage />,
        loader: complianceLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'remediation',
        element: <RemediationPage />,
        loader: remediationLoader,
        errorElement: <RouteError />,
      },
      {
        path: 'members/import',
        element: <MemberImportPage />,
        errorElement: <RouteError />,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

installSessionHandler(router, queryClient);

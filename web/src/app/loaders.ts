// Route loaders that only start fetches (they never wait), so the data for the first screen
// loads in parallel with the page's code chunk instead of after it.
import type { LoaderFunctionArgs } from 'react-router';
import { orgStatsQuery } from '@/features/orgs/api/get-org-stats';
import { badgesQuery } from '@/features/badges/api/badges';
import {
  documentCatalogQuery,
  documentQuery,
  documentsQuery,
} from '@/features/documents/api/documents';
import {
  readDocumentParams,
  type RegisterDirection,
} from '@/features/documents/lib/document-params';
import {
  assignmentQuery,
  directiveQuery,
  directivesQuery,
  orgAssignmentsQuery,
  rollupQuery,
} from '@/features/directives/api/directives';
import {
  readAssignmentParams,
  readDirectiveParams,
} from '@/features/directives/lib/directive-params';
import { readBadgeParams } from '@/features/badges/lib/badges';
import { memberQuery } from '@/features/members/api/get-member';
import { probationQuery } from '@/features/probation/api/probation';
import { readProbationParams } from '@/features/probation/lib/probation';
import { calendarQuery } from '@/features/rules/api/calendar';
import { transfersQuery } from '@/features/transfers/api/transfers';
import { readTransferFilters } from '@/features/transfers/lib/transfers';
import { membersQuery } from '@/features/members/api/list-members';
import { readListParams } from '@/features/members/lib/list-params';
import { queryClient } from '@/lib/react-query';
import { orgQuery, rootsQuery } from '@/lib/org-queries';
import { api } from '@/lib/api-client';
import { meQuery } from '@/lib/session';
import type { Catalogs } from '@/types';
import { pages } from './pages';

function prefetchCatalogs() {
  void queryClient.prefetchQuery({
    queryKey: ['catalogs'],
    queryFn: ({ signal }) => api<Catalogs>('/catalogs', { signal }),
    staleTime: Infinity,
  });
}

/** The frame's: who is signed in (a 401 here sends the browser to the sign-in page). */
export function appLoader() {
  void queryClient.prefetchQuery(meQuery());
  return null;
}

function positive(text: string | undefined): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function orgsLoader({ params }: LoaderFunctionArgs) {
  void pages.orgs();
  prefetchCatalogs();
  void queryClient.prefetchQuery(rootsQuery());
  const id = positive(params.orgId);
  if (id) {
    void queryClient.prefetchQuery(orgQuery(id));
    void queryClient.prefetchQuery(orgStatsQuery(id));
  }
  return null;
}

export function membersLoader({ request }: LoaderFunctionArgs) {
  void pages.members();
  prefetchCatalogs();
  const list = readListParams(new URL(request.url).searchParams);
  void queryClient.prefetchQuery(membersQuery(list));
  if (list.org) void queryClient.prefetchQuery(orgQuery(list.org));
  return null;
}

function prefetchMember(id: string | undefined) {
  prefetchCatalogs();
  const member = positive(id);
  if (member) void queryClient.prefetchQuery(memberQuery(member));
}

export function memberLoader({ params }: LoaderFunctionArgs) {
  void pages.member();
  prefetchMember(params.memberId);
  return null;
}

export function memberEditLoader({ params }: LoaderFunctionArgs) {
  void pages.memberEdit();
  prefetchMember(params.memberId);
  return null;
}

export function memberNewLoader() {
  void pages.memberNew();
  prefetchCatalogs();
  return null;
}

export function usersLoader() {
  void pages.users();
  prefetchCatalogs();
  return null;
}

export function auditLoader() {
  void pages.audit();
  return null;
}

export function admissionLoader() {
  void pages.admission();
  prefetchCatalogs();
  return null;
}

export function probationLoader({ request }: LoaderFunctionArgs) {
  void pages.probation();
  const params = readProbationParams(new URL(request.url).searchParams);
  if (params.org) {
    void queryClient.prefetchQuery(orgQuery(params.org));
    void queryClient.prefetchQuery(probationQuery(params.org, params.within));
  }
  return null;
}

export function transfersLoader({ request }: LoaderFunctionArgs) {
  void pages.transfers();
  const filters = readTransferFilters(new URL(request.url).searchParams);
  if (filters.org) {
    void queryClient.prefetchQuery(orgQuery(filters.org));
    void queryClient.prefetchQuery(transfersQuery(filters));
  }
  return null;
}

export function badgesLoader({ request }: LoaderFunctionArgs) {
  void pages.badges();
  const params = readBadgeParams(new URL(request.url).searchParams);
  if (params.org) {
    void queryClient.prefetchQuery(orgQuery(params.org));
    void queryClient.prefetchQuery(badgesQuery(params));
  }
  return null;
}

/** The register of one direction: its page of documents and the catalog of types. */
export function documentsLoader(direction: RegisterDirection) {
  return ({ request }: LoaderFunctionArgs) => {
    void pages.documents();
    void queryClient.prefetchQuery(documentCatalogQuery());
    const params = readDocumentParams(new URL(request.url).searchParams);
    if (params.org) {
      void queryClient.prefetchQuery(orgQuery(params.org));
      void queryClient.prefetchQuery(documentsQuery(direction, params));
    }
    return null;
  };
}

export function documentLoader({ params }: LoaderFunctionArgs) {
  void pages.document();
  void queryClient.prefetchQuery(documentCatalogQuery());
  const id = positive(params.documentId);
  if (id) void queryClient.prefetchQuery(documentQuery(id));
  return null;
}

export function documentEditLoader({ params }: LoaderFunctionArgs) {
  void pages.documentEdit();
  void queryClient.prefetchQuery(documentCatalogQuery());
  const id = positive(params.documentId);
  if (id) void queryClient.prefetchQuery(documentQuery(id));
  return null;
}

export function documentNewLoader() {
  void pages.documentNew();
  void queryClient.prefetchQuery(documentCatalogQuery());
  return null;
}

export function rulesLoader() {
  void pages.rules();
  void queryClient.prefetchQuery(calendarQuery());
  return null;
}

export function directivesLoader({ request }: LoaderFunctionArgs) {
  void pages.directives();
  const params = readDirectiveParams(new URL(request.url).searchParams);
  if (params.org) {
    void queryClient.prefetchQuery(orgQuery(params.org));
    void queryClient.prefetchQuery(directivesQuery(params));
  }
  return null;
}

/** A directive and its roll-up at ?org= (the top of the user's reach without it). */
export function directiveLoader({ params, request }: LoaderFunctionArgs) {
  void pages.directive();
  const id = positive(params.directiveId);
  if (id) {
    const org = positive(new URL(request.url).searchParams.get('org') ?? undefined);
    void queryClient.prefetchQuery(directiveQuery(id));
    void queryClient.prefetchQuery(rollupQuery(id, org));
  }
  return null;
}

export function directiveNewLoader() {
  void pages.directiveNew();
  return null;
}

export function assignmentsLoader({ request }: LoaderFunctionArgs) {
  void pages.assignments();
  const params = readAssignmentParams(new URL(request.url).searchParams);
  if (params.org) {
    void queryClient.prefetchQuery(orgQuery(params.org));
    void queryClient.prefetchQuery(orgAssignmentsQuery(params));
  }
  return null;
}

export function assignmentLoader({ params }: LoaderFunctionArgs) {
  void pages.assignment();
  const id = positive(params.assignmentId);
  if (id) void queryClient.prefetchQuery(assignmentQuery(id));
  return null;
}

export function inboxLoader() {
  void pages.inbox();
  return null;
}

export function jobsLoader() {
  void pages.jobs();
  return null;
}

export function plansLoader() {
  void pages.plans();
  return null;
}

// Cell life (issue 14): the pages' chunks start loading at navigation; their data needs the
// server's today (the default month and year), known once the frame has rendered.
export function duesLoader() {
  void pages.dues();
  return null;
}

export function memberDuesLoader() {
  void pages.memberDues();
  return null;
}

export function duesReconciliationLoader() {
  void pages.duesReconciliation();
  return null;
}

export function duesArrearsLoader() {
  void pages.duesArrears();
  return null;
}

export function meetingsLoader() {
  void pages.meetings();
  return null;
}

export function meetingLoader() {
  void pages.meeting();
  return null;
}

export function meetingsMissingLoader() {
  void pages.meetingsMissing();
  return null;
}

export function myCellLoader() {
  void pages.myCell();
  return null;
}

export function removalLoader() {
  void pages.removal();
  return null;
}

// The annual review (issue 15): the campaigns and shortcomings, one campaign.
export function reviewLoader() {
  void pages.review();
  return null;
}

export function reviewCampaignLoader() {
  void pages.reviewCampaign();
  return null;
}

export function inspectionsLoader() {
  void pages.inspections();
  return null;
}

export function inspectionLoader() {
  void pages.inspection();
  return null;
}

export function inspectionItemsLoader() {
  void pages.inspectionItems();
  return null;
}

export function disciplineLoader() {
  void pages.discipline();
  return null;
}

export function disciplineCaseLoader() {
  void pages.disciplineCase();
  return null;
}

export function complianceLoader() {
  void pages.compliance();
  return null;
}

export function remediationLoader() {
  void pages.remediation();
  return null;
}

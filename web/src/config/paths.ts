// Every address the UI links to, in one place. The scope (organization worked in) travels
// as /orgs/:id on the tree and as ?org= on member lists, so any screen can be bookmarked.

function withReturnTo(path: string, returnTo: string | undefined): string {
  return returnTo ? `${path}?return_to=${encodeURIComponent(returnTo)}` : path;
}

function withSearch(path: string, search: URLSearchParams | string | undefined): string {
  const text = search ? search.toString() : '';
  return text ? `${path}?${text}` : path;
}

export const paths = {
  orgs: () => '/orgs',
  org: (id: number) => `/orgs/${id}`,
  members: (search?: URLSearchParams | string) => {
    const text = search ? search.toString() : '';
    return text ? `/members?${text}` : '/members';
  },
  membersOf: (org: number | undefined) => (org ? `/members?org=${org}` : '/members'),
  member: (id: number) => `/members/${id}`,
  memberEdit: (id: number) => `/members/${id}/edit`,
  memberNew: (org?: number) => (org ? `/members/new?org=${org}` : '/members/new'),
  // Signing in; `return_to` is where to go afterwards (only a path of this app: lib/return-to.ts).
  login: (returnTo?: string) => withReturnTo('/login', returnTo),
  changePassword: (returnTo?: string) => withReturnTo('/first-login/password', returnTo),
  enrolTotp: (returnTo?: string) => withReturnTo('/first-login/totp', returnTo),
  account: () => '/account',
  admission: (org?: number, candidate?: number) => {
    const search = new URLSearchParams();
    if (org) search.set('org', String(org));
    if (candidate) search.set('candidate', String(candidate));
    const text = search.toString();
    return text ? `/admission?${text}` : '/admission';
  },
  // The lifecycle lists: the organization (?org=) and each list's filters in the query.
  probation: (search?: URLSearchParams | string) => withSearch('/probation', search),
  probationOf: (org: number | undefined) => (org ? `/probation?org=${org}` : '/probation'),
  transfers: (search?: URLSearchParams | string) => withSearch('/transfers', search),
  transfersOf: (org: number | undefined) => (org ? `/transfers?org=${org}` : '/transfers'),
  badges: (search?: URLSearchParams | string) => withSearch('/badges', search),
  badgesOf: (org: number | undefined) => (org ? `/badges?org=${org}` : '/badges'),
  rules: () => '/rules',
  // The document register: outgoing and incoming lists (filters in the query), forms and pages.
  documents: (search?: URLSearchParams | string) => withSearch('/documents', search),
  documentsOf: (org: number | undefined) => (org ? `/documents?org=${org}` : '/documents'),
  incomingDocuments: (search?: URLSearchParams | string) =>
    withSearch('/documents/incoming', search),
  documentNew: (org?: number) => (org ? `/documents/new?org=${org}` : '/documents/new'),
  incomingDocumentNew: (org?: number) =>
    org ? `/documents/incoming/new?org=${org}` : '/documents/incoming/new',
  document: (id: number) => `/documents/${id}`,
  documentEdit: (id: number) => `/documents/${id}/edit`,
  // Directives and their cascade: the list (filters in the query), issuing one, a directive's
  // page (?org=: the roll-up at that organization), an organization's assignments, one
  // assignment; the inbox and the background jobs.
  directives: (search?: URLSearchParams | string) => withSearch('/directives', search),
  directivesOf: (org: number | undefined) => (org ? `/directives?org=${org}` : '/directives'),
  directiveNew: (org?: number) => (org ? `/directives/new?org=${org}` : '/directives/new'),
  directive: (id: number, org?: number) =>
    org ? `/directives/${id}?org=${org}` : `/directives/${id}`,
  assignments: (search?: URLSearchParams | string) => withSearch('/assignments', search),
  assignmentsOf: (org: number | undefined) => (org ? `/assignments?org=${org}` : '/assignments'),
  assignment: (id: number) => `/assignments/${id}`,
  inbox: (search?: URLSearchParams | string) => withSearch('/inbox', search),
  jobs: () => '/jobs',
  users: (search?: URLSearchParams | string) => {
    const text = search ? search.toString() : '';
    return text ? `/users?${text}` : '/users';
  },
  audit: (search?: URLSearchParams | string) => {
    const text = search ? search.toString() : '';
    return text ? `/audit?${text}` : '/audit';
  },
  // Personal plans: the member's own (?tab=mine) and the cell's (?tab=cell&org=), of ?year=.
  plans: (search?: URLSearchParams | string) => withSearch('/plans', search),
  // Cell life (issue 14): a cell's dues book for a month, a member's dues card, the
  // reconciliation of a subtree, the dues arrears; a cell's meetings (calendar, scheduling, one
  // meeting), the cells missing a month's meeting, the member's own page, the removal list.
  dues: (q: { org?: number; month?: string } = {}) => withSearch('/dues', orgQuery(q)),
  memberDues: (id: number) => `/dues/members/${id}`,
  duesReconciliation: (q: { org?: number; month?: string } = {}) =>
    withSearch('/dues/reconciliation', orgQuery(q)),
  duesArrears: (q: { org?: number; year?: number } = {}) =>
    withSearch('/dues/arrears', orgQuery(q)),
  meetings: (q: { org?: number; year?: number } = {}) => withSearch('/meetings', orgQuery(q)),
  meeting: (id: number) => `/meetings/${id}`,
  meetingsMissing: (q: { org?: number; month?: string; kind?: string } = {}) =>
    withSearch('/meetings/missing', orgQuery(q)),
  myCell: () => '/my-cell',
  removal: (q: { org?: number; year?: number } = {}) => withSearch('/removal', orgQuery(q)),
  // The annual review (issue 15): the campaigns covering an organization (?tab=shortcomings for
  // the subtree's shortcomings), one campaign seen at an organization of its subtree.
  review: (q: { org?: number; tab?: string } = {}) => withSearch('/review', orgQuery(q)),
  reviewCampaign: (id: number, org?: number) => withSearch(`/review/${id}`, orgQuery({ org })),
  // Inspection and supervision (issue 15): a subtree's programmes of a year, one inspection, the
  // open violations and recommendations of a subtree.
  inspections: (q: { org?: number; year?: number } = {}) => withSearch('/inspections', orgQuery(q)),
  inspection: (id: number) => `/inspections/${id}`,
  inspectionItems: (q: { org?: number; filter?: string } = {}) =>
    withSearch('/inspections/items', orgQuery(q)),
  // Discipline (issue 15): an organization's cases, one case.
  discipline: (q: { org?: number } = {}) => withSearch('/discipline', orgQuery(q)),
  disciplineCase: (id: number) => `/discipline/${id}`,
  // The compliance board (issue 16) of an organization, optionally of one area.
  compliance: (q: { org?: number; area?: string } = {}) => withSearch('/compliance', orgQuery(q)),
  // Members imports (issue 16): upload a file, follow import `id`.
  memberImport: (id?: number) => withSearch('/members/import', id ? `id=${id}` : undefined),
  // Remediation (issue 15): the items tracked to closure of a subtree, from every source.
  remediation: (q: { org?: number; state?: string; source?: string } = {}) =>
    withSearch('/remediation', orgQuery(q)),
};

/** ?org=&month=&year=&kind= with the empty ones left out. */
function orgQuery(q: Record<string, string | number | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search;
}

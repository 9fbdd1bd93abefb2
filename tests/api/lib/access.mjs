// Who may call what: the roles and their permissions read from data/catalog/roles.tsv (so that
// the tests, docs/access-matrix.md and the server share one table), and what each API route
// needs (docs/accounts.md, docs/access-matrix.md). authz-matrix.test.mjs derives the expected
// status of every (route, role, object in or out of scope) from these two tables.
import fs from 'node:fs';
import path from 'node:path';
import { SOURCE_ROOT } from './server.mjs';

export const ROLES_TSV = path.join(SOURCE_ROOT, 'data', 'catalog', 'roles.tsv');

/** The closed set of permissions (src/domain/access/permission.h), in the table's order. */
export const PERMISSIONS = [
  'org.read', 'org.write', 'member.read', 'member.write', 'member.decide', 'member.restricted.read',
  'member.restricted.write', 'member.export', 'member.import', 'user.manage', 'audit.read',
  'terms.manage',
  'document.read', 'document.write', 'document.secret.read',
  'directive.read', 'directive.write', 'directive.report',
  'job.manage',
  'dues.read', 'dues.write',
  'plan.review',
  'review.read', 'review.write', 'review.decide',
  'meeting.read', 'meeting.write',
  'inspection.read', 'inspection.write',
  'discipline.read', 'discipline.write',
];

/** roles.tsv → [{code, name_vi, name_en, scope, requires_totp, permissions: Set}] in file order. */
export function loadRoles() {
  const lines = fs.readFileSync(ROLES_TSV, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines.shift().split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    return {
      code: row.code,
      name_vi: row.name_vi,
      name_en: row.name_en,
      scope: row.scope,
      requires_totp: row.requires_totp === '1',
      permissions: new Set(row.permissions.split(',').map((p) => p.trim()).filter(Boolean)),
    };
  });
}

/**
 * What each route needs. `gate`: 'public' (no session), 'any' (any session, whatever its stage),
 * 'full' (a session past the first-login stages). `needs`: the permission, or null. `object`:
 * how the permission is checked:
 *   - 'none': the route has no object; with the permission anywhere it answers 2xx (lists are
 *     filtered to the user's scope), without it 403;
 *   - 'org' / 'member' / 'user': the object in the path must lie in the permission's scope, else
 *     404; a write to an object the user may read but not change is 403;
 *   - 'parent' / 'member-org': a create; the organization named in the body must lie in the
 *     scope of the permission (else 422 on parent_id / org_id); no such permission at all: 403;
 *   - 'member-body': the same for a member named in the body (422 on member_id);
 *   - 'term' / 'seat': like 'org', for a term or a committee seat (they lie in their
 *     organization).
 *   - 'candidate' / 'transfer' / 'document': like 'member', for an admission file, a transfer (a
 *     transfer lies where either of its ends does) or a register document (where its
 *     organization is).
 *   - 'directive' / 'assignment': like 'member', for a directive (where it was issued) or an
 *     assignment of one (where it was received; its assigning organization lies in the same
 *     scope in the matrix).
 *   - 'plan': like 'member', for a personal plan (where its member is).
 * `read`: for object writes, the permission that makes the object visible (403 vs 404).
 * `everywhere`: the permission must reach every organization (an unscoped grant).
 */
export const ROUTE_RULES = {
  'GET /api/v1/health': { gate: 'public', needs: null, object: 'none' },
  'GET /api/v1/openapi.json': { gate: 'public', needs: null, object: 'none' },
  'POST /api/v1/auth/login': { gate: 'public', needs: null, object: 'none' },
  'GET /api/v1/auth/me': { gate: 'any', needs: null, object: 'none' },
  'POST /api/v1/auth/logout': { gate: 'any', needs: null, object: 'none' },
  'POST /api/v1/auth/password': { gate: 'any', needs: null, object: 'none' },
  'POST /api/v1/auth/totp/begin': { gate: 'any', needs: null, object: 'none' },
  'POST /api/v1/auth/totp/confirm': { gate: 'any', needs: null, object: 'none' },
  'GET /api/v1/auth/sessions': { gate: 'any', needs: null, object: 'none' },
  'POST /api/v1/auth/sessions/end': { gate: 'any', needs: null, object: 'none' },
  'GET /api/v1/catalogs': { gate: 'any', needs: null, object: 'none' },
  'GET /api/v1/rules': { gate: 'full', needs: null, object: 'none' },
  'GET /api/v1/orgs': { gate: 'full', needs: 'org.read', object: 'none', filtered: true },
  'POST /api/v1/orgs': { gate: 'full', needs: 'org.write', object: 'parent' },
  'GET /api/v1/orgs/search': { gate: 'full', needs: 'org.read', object: 'none', filtered: true },
  'GET /api/v1/orgs/{id}': { gate: 'full', needs: 'org.read', object: 'org' },
  'PATCH /api/v1/orgs/{id}': { gate: 'full', needs: 'org.write', object: 'org', read: 'org.read' },
  'GET /api/v1/orgs/{id}/children': { gate: 'full', needs: 'org.read', object: 'org' },
  'GET /api/v1/orgs/{id}/stats': { gate: 'full', needs: 'member.read', object: 'org' },
  'POST /api/v1/orgs/{id}/move': { gate: 'full', needs: 'org.write', object: 'org', read: 'org.read' },
  'POST /api/v1/orgs/{id}/dissolve': { gate: 'full', needs: 'org.write', object: 'org', read: 'org.read' },
  'POST /api/v1/orgs/{id}/merge': { gate: 'full', needs: 'org.write', object: 'org', read: 'org.read' },
  'GET /api/v1/members': { gate: 'full', needs: 'member.read', object: 'none', filtered: true },
  'POST /api/v1/members': { gate: 'full', needs: 'member.write', object: 'member-org' },
  'GET /api/v1/members.csv': { gate: 'full', needs: 'member.export', object: 'none', filtered: true },
  'GET /api/v1/members/{id}': { gate: 'full', needs: 'member.read', object: 'member' },
  'PATCH /api/v1/members/{id}': { gate: 'full', needs: 'member.write', object: 'member', read: 'member.read' },
  'GET /api/v1/members/{id}/history': { gate: 'full', needs: 'member.read', object: 'member' },
  'GET /api/v1/users': { gate: 'full', needs: 'user.manage', object: 'none', filtered: true },
  'POST /api/v1/users': { gate: 'full', needs: 'user.manage', object: 'none' },
  'GET /api/v1/users/{id}': { gate: 'full', needs: 'user.manage', object: 'user' },
  'PATCH /api/v1/users/{id}': { gate: 'full', needs: 'user.manage', object: 'user' },
  'POST /api/v1/users/{id}/reset-password': { gate: 'full', needs: 'user.manage', object: 'user' },
  'POST /api/v1/users/{id}/end-sessions': { gate: 'full', needs: 'user.manage', object: 'user' },
  'GET /api/v1/audit': { gate: 'full', needs: 'audit.read', object: 'none', filtered: true },
  'GET /api/v1/audit/verify': { gate: 'full', needs: 'audit.read', object: 'none', everywhere: true },
  'GET /api/v1/candidates': { gate: 'full', needs: 'member.read', object: 'none', filtered: true },
  'POST /api/v1/candidates': { gate: 'full', needs: 'member.write', object: 'member-org' },
  'GET /api/v1/candidates/{id}': { gate: 'full', needs: 'member.read', object: 'candidate' },
  'PATCH /api/v1/candidates/{id}': { gate: 'full', needs: 'member.write', object: 'candidate', read: 'member.read' },
  'POST /api/v1/candidates/{id}/steps': { gate: 'full', needs: 'member.write', object: 'candidate', read: 'member.read' },
  'POST /api/v1/candidates/{id}/undo': { gate: 'full', needs: 'member.write', object: 'candidate', read: 'member.read' },
  'POST /api/v1/candidates/{id}/close': { gate: 'full', needs: 'member.write', object: 'candidate', read: 'member.read' },
  'GET /api/v1/probation': { gate: 'full', needs: 'member.read', object: 'none', filtered: true },
  'POST /api/v1/members/{id}/recognition': { gate: 'full', needs: 'member.write', object: 'member', read: 'member.read' },
  'GET /api/v1/transfers': { gate: 'full', needs: 'member.read', object: 'none', filtered: true },
  'POST /api/v1/transfers': { gate: 'full', needs: 'member.decide', object: 'member-body' },
  'GET /api/v1/transfers/{id}': { gate: 'full', needs: 'member.read', object: 'transfer' },
  'POST /api/v1/transfers/{id}/complete': { gate: 'full', needs: 'member.write', object: 'transfer', read: 'member.read' },
  'POST /api/v1/transfers/{id}/cancel': { gate: 'full', needs: 'member.write', object: 'transfer', read: 'member.read' },
  'POST /api/v1/members/{id}/exit': { gate: 'full', needs: 'member.decide', object: 'member', read: 'member.read' },
  'POST /api/v1/members/{id}/exemption': { gate: 'full', needs: 'member.write', object: 'member', read: 'member.read' },
  'POST /api/v1/members/{id}/gaps': { gate: 'full', needs: 'member.decide', object: 'member', read: 'member.read' },
  'GET /api/v1/members/{id}/lifecycle': { gate: 'full', needs: 'member.read', object: 'member' },
  'GET /api/v1/badges': { gate: 'full', needs: 'member.read', object: 'none', filtered: true },
  'GET /api/v1/badges.csv': { gate: 'full', needs: 'member.export', object: 'none', filtered: true },
  'POST /api/v1/badges/awards': { gate: 'full', needs: 'member.decide', object: 'none' },
  'GET /api/v1/calendar': { gate: 'full', needs: null, object: 'none' },
  'GET /api/v1/orgs/{id}/terms': { gate: 'full', needs: 'org.read', object: 'org' },
  'POST /api/v1/orgs/{id}/terms': { gate: 'full', needs: 'terms.manage', object: 'org', read: 'org.read' },
  'GET /api/v1/orgs/{id}/committee': { gate: 'full', needs: 'org.read', object: 'org' },
  'GET /api/v1/terms/{id}': { gate: 'full', needs: 'org.read', object: 'term' },
  'PATCH /api/v1/terms/{id}': { gate: 'full', needs: 'terms.manage', object: 'term', read: 'org.read' },
  'POST /api/v1/terms/{id}/seats': { gate: 'full', needs: 'terms.manage', object: 'term', read: 'org.read' },
  'POST /api/v1/seats/{id}/end': { gate: 'full', needs: 'terms.manage', object: 'seat', read: 'org.read' },
  'GET /api/v1/documents': { gate: 'full', needs: 'document.read', object: 'none', filtered: true },
  'POST /api/v1/documents': { gate: 'full', needs: 'document.write', object: 'member-org' },
  'POST /api/v1/documents/incoming': { gate: 'full', needs: 'document.write', object: 'member-org' },
  'GET /api/v1/documents/next-number': { gate: 'full', needs: 'document.read', object: 'none' },
  'GET /api/v1/documents/catalog': { gate: 'full', needs: null, object: 'none' },
  'GET /api/v1/documents/{id}': { gate: 'full', needs: 'document.read', object: 'document' },
  'PATCH /api/v1/documents/{id}': { gate: 'full', needs: 'document.write', object: 'document', read: 'document.read' },
  'POST /api/v1/documents/{id}/withdraw': { gate: 'full', needs: 'document.write', object: 'document', read: 'document.read' },
  'POST /api/v1/documents/{id}/forwards': { gate: 'full', needs: 'document.write', object: 'document', read: 'document.read' },
  'POST /api/v1/documents/{id}/attachments': { gate: 'full', needs: 'document.write', object: 'document', read: 'document.read' },
  'GET /api/v1/documents/{id}/attachments/{aid}': { gate: 'full', needs: 'document.read', object: 'document' },
  'POST /api/v1/documents/{id}/attachments/{aid}/remove': { gate: 'full', needs: 'document.write', object: 'document', read: 'document.read' },
  'GET /api/v1/documents/{id}/docx': { gate: 'full', needs: 'document.read', object: 'document' },
  'GET /api/v1/documents/{id}/print': { gate: 'full', needs: 'document.read', object: 'document' },
  'GET /api/v1/orgs/{id}/document-issuers': { gate: 'full', needs: 'document.read', object: 'org' },
  'PUT /api/v1/orgs/{id}/document-issuers': { gate: 'full', needs: 'org.write', object: 'org', read: 'org.read' },
  'GET /api/v1/directives': { gate: 'full', needs: 'directive.read', object: 'none', filtered: true },
  'POST /api/v1/directives': { gate: 'full', needs: 'directive.write', object: 'member-org' },
  'POST /api/v1/directives/mark-overdue': { gate: 'full', needs: 'directive.write', object: 'none' },
  'GET /api/v1/directives/{id}': { gate: 'full', needs: 'directive.read', object: 'directive' },
  'GET /api/v1/directives/{id}/assignments': { gate: 'full', needs: 'directive.read', object: 'directive' },
  'POST /api/v1/directives/{id}/assignments': { gate: 'full', needs: 'directive.write', object: 'directive', read: 'directive.read' },
  'GET /api/v1/directives/{id}/rollup': { gate: 'full', needs: 'directive.read', object: 'directive' },
  'GET /api/v1/directives/{id}/studies': { gate: 'full', needs: 'directive.read', object: 'directive' },
  'POST /api/v1/directives/{id}/studies': { gate: 'full', needs: 'directive.report', object: 'directive', read: 'directive.read' },
  'GET /api/v1/assignments/overdue': { gate: 'full', needs: 'directive.read', object: 'none', filtered: true },
  'GET /api/v1/assignments/{id}': { gate: 'full', needs: 'directive.read', object: 'assignment' },
  'POST /api/v1/assignments/{id}/acknowledge': { gate: 'full', needs: 'directive.report', object: 'assignment', read: 'directive.read' },
  'POST /api/v1/assignments/{id}/start': { gate: 'full', needs: 'directive.report', object: 'assignment', read: 'directive.read' },
  'POST /api/v1/assignments/{id}/assignments': { gate: 'full', needs: 'directive.write', object: 'assignment', read: 'directive.read' },
  'POST /api/v1/assignments/{id}/reports': { gate: 'full', needs: 'directive.report', object: 'assignment', read: 'directive.read' },
  'POST /api/v1/assignments/{id}/accept': { gate: 'full', needs: 'directive.write', object: 'assignment', read: 'directive.read' },
  'POST /api/v1/assignments/{id}/return': { gate: 'full', needs: 'directive.write', object: 'assignment', read: 'directive.read' },
  'GET /api/v1/orgs/{id}/assignments': { gate: 'full', needs: 'directive.read', object: 'org' },
  // The inbox is the user's own (no permission); the jobs are the whole system's.
  'GET /api/v1/inbox': { gate: 'full', needs: null, object: 'none' },
  'GET /api/v1/inbox/unread-count': { gate: 'full', needs: null, object: 'none' },
  'POST /api/v1/inbox/{id}/read': { gate: 'full', needs: null, object: 'none' },
  'POST /api/v1/inbox/read-all': { gate: 'full', needs: null, object: 'none' },
  'GET /api/v1/jobs': { gate: 'full', needs: 'job.manage', object: 'none', everywhere: true },
  'POST /api/v1/jobs/{kind}/run': { gate: 'full', needs: 'job.manage', object: 'none', everywhere: true },
  'GET /api/v1/members/{id}/dues': { gate: 'full', needs: 'dues.read', object: 'member' },
  'POST /api/v1/members/{id}/dues/bases': { gate: 'full', needs: 'dues.write', object: 'member', read: 'dues.read' },
  'POST /api/v1/members/{id}/dues/reliefs': { gate: 'full', needs: 'dues.write', object: 'member', read: 'dues.read' },
  'POST /api/v1/members/{id}/dues/payments': { gate: 'full', needs: 'dues.write', object: 'member', read: 'dues.read' },
  'GET /api/v1/dues/mine': { gate: 'full', needs: null, object: 'none' },
  'GET /api/v1/orgs/{id}/dues/book': { gate: 'full', needs: 'dues.read', object: 'org' },
  'POST /api/v1/orgs/{id}/dues/close': { gate: 'full', needs: 'dues.write', object: 'org', read: 'dues.read' },
  'POST /api/v1/orgs/{id}/dues/adjustments': { gate: 'full', needs: 'dues.write', object: 'org', read: 'dues.read' },
  'GET /api/v1/orgs/{id}/dues/reconciliation': { gate: 'full', needs: 'dues.read', object: 'org' },
  'GET /api/v1/orgs/{id}/dues/arrears': { gate: 'full', needs: 'dues.read', object: 'org' },
  // Personal plans: the signed-in member's own (no permission; plans.test.mjs), a plan lies
  // where its member is; reading follows member.read, reviewing needs plan.review.
  'GET /api/v1/plans/mine': { gate: 'full', needs: null, object: 'none' },
  'POST /api/v1/plans/mine': { gate: 'full', needs: null, object: 'none' },
  'GET /api/v1/plans/{id}': { gate: 'full', needs: 'member.read', object: 'plan' },
  'PUT /api/v1/plans/{id}': { gate: 'full', needs: null, object: 'none' },
  'POST /api/v1/plans/{id}/reviews': { gate: 'full', needs: 'plan.review', object: 'plan', read: 'member.read' },
  'GET /api/v1/members/{id}/plans': { gate: 'full', needs: 'member.read', object: 'member' },
  'GET /api/v1/orgs/{id}/plans': { gate: 'full', needs: 'member.read', object: 'org' },
  'GET /api/v1/orgs/{id}/dues/book.xlsx': { gate: 'full', needs: 'dues.read', object: 'org' },
  'POST /api/v1/orgs/{id}/dues/payments.xlsx': { gate: 'full', needs: 'dues.write', object: 'org', read: 'dues.read' },
  'POST /api/v1/review-campaigns': { gate: 'full', needs: 'review.decide', object: 'org', read: 'review.read' },
  'GET /api/v1/review-campaigns': { gate: 'full', needs: 'review.read', object: 'org' },
  'GET /api/v1/review-campaigns/{id}': { gate: 'full', needs: 'review.read', object: 'org' },
  'POST /api/v1/review-campaigns/{id}/self-assessments': { gate: 'full', needs: 'review.write', object: 'member', read: 'review.read' },
  'POST /api/v1/review-campaigns/{id}/proposals': { gate: 'full', needs: 'review.write', object: 'member', read: 'review.read' },
  'POST /api/v1/review-campaigns/{id}/decisions': { gate: 'full', needs: 'review.decide', object: 'member', read: 'review.read' },
  'POST /api/v1/review-campaigns/{id}/superior-reviews': { gate: 'full', needs: 'review.decide', object: 'member', read: 'review.read' },
  'POST /api/v1/review-campaigns/{id}/org-grades': { gate: 'full', needs: 'review.decide', object: 'org', read: 'review.read' },
  'GET /api/v1/members/{id}/reviews': { gate: 'full', needs: 'review.read', object: 'member' },
  'POST /api/v1/review-shortcomings': { gate: 'full', needs: 'review.write', object: 'member', read: 'review.read' },
  'POST /api/v1/review-shortcomings/{id}/close': { gate: 'full', needs: 'review.write', object: 'shortcoming', read: 'review.read' },
  'GET /api/v1/review-shortcomings': { gate: 'full', needs: 'review.read', object: 'org' },
  // Cell meetings: a meeting lies in its cell ('meeting': like 'org'). The signed-in member's own
  // view and absence notices use the session's member record (meetings.test.mjs covers them).
  'GET /api/v1/meetings/catalog': { gate: 'full', needs: 'meeting.read', object: 'none' },
  'GET /api/v1/meetings/mine': { gate: 'full', needs: null, object: 'none' },
  'GET /api/v1/orgs/{id}/meetings': { gate: 'full', needs: 'meeting.read', object: 'org' },
  'POST /api/v1/orgs/{id}/meetings': { gate: 'full', needs: 'meeting.write', object: 'org', read: 'meeting.read' },
  'GET /api/v1/orgs/{id}/meetings/missing': { gate: 'full', needs: 'meeting.read', object: 'org' },
  'GET /api/v1/orgs/{id}/meetings/quality': { gate: 'full', needs: 'meeting.read', object: 'org' },
  'GET /api/v1/orgs/{id}/removal-candidates': { gate: 'full', needs: 'meeting.read', object: 'org' },
  'GET /api/v1/meetings/{id}': { gate: 'full', needs: 'meeting.read', object: 'meeting' },
  'PATCH /api/v1/meetings/{id}': { gate: 'full', needs: 'meeting.write', object: 'meeting', read: 'meeting.read' },
  'POST /api/v1/meetings/{id}/record': { gate: 'full', needs: 'meeting.write', object: 'meeting', read: 'meeting.read' },
  'POST /api/v1/meetings/{id}/approve': { gate: 'full', needs: 'meeting.write', object: 'meeting', read: 'meeting.read' },
  'POST /api/v1/meetings/{id}/amendments': { gate: 'full', needs: 'meeting.write', object: 'meeting', read: 'meeting.read' },
  'GET /api/v1/meetings/{id}/docx': { gate: 'full', needs: 'meeting.read', object: 'meeting' },
  'GET /api/v1/meetings/{id}/print': { gate: 'full', needs: 'meeting.read', object: 'meeting' },
  'POST /api/v1/meetings/{id}/absence-notices': { gate: 'full', needs: 'meeting.read', object: 'meeting' },
  'POST /api/v1/meetings/{id}/absence-notices/{nid}/decision': { gate: 'full', needs: 'meeting.write', object: 'meeting', read: 'meeting.read' },
  // Review, closing and the summary (issue 15): a campaign lies at the organization it was
  // opened at ('org'); closing needs review.decide there, the summary review.read.
  'POST /api/v1/review-campaigns/{id}/close': { gate: 'full', needs: 'review.decide', object: 'org', read: 'review.read' },
  'GET /api/v1/review-campaigns/{id}/summary.xlsx': { gate: 'full', needs: 'review.read', object: 'org' },
  // Inspection and supervision: a programme lies where it was issued, an inspection where its
  // programme was issued or its subject is, a conclusion's item with its inspection (like 'org').
  'POST /api/v1/inspection-programmes': { gate: 'full', needs: 'inspection.write', object: 'org', read: 'inspection.read' },
  'GET /api/v1/inspection-programmes': { gate: 'full', needs: 'inspection.read', object: 'org' },
  'GET /api/v1/inspection-programmes/{id}': { gate: 'full', needs: 'inspection.read', object: 'inspection-programme' },
  'PATCH /api/v1/inspection-programmes/{id}': { gate: 'full', needs: 'inspection.write', object: 'inspection-programme', read: 'inspection.read' },
  'GET /api/v1/inspections/{id}': { gate: 'full', needs: 'inspection.read', object: 'inspection' },
  'POST /api/v1/inspections/{id}/stages': { gate: 'full', needs: 'inspection.write', object: 'inspection', read: 'inspection.read' },
  'POST /api/v1/inspections/{id}/conclusion': { gate: 'full', needs: 'inspection.write', object: 'inspection', read: 'inspection.read' },
  'GET /api/v1/inspection-items': { gate: 'full', needs: 'inspection.read', object: 'org' },
  'POST /api/v1/inspection-items/{id}/close': { gate: 'full', needs: 'inspection.write', object: 'inspection-item', read: 'inspection.read' },
  // Discipline cases: restricted records; a case lies in its subject's organization
  // ('discipline': like 'org'). A member's discipline is 403 for those who read the member.
  'POST /api/v1/discipline-cases': { gate: 'full', needs: 'discipline.write', object: 'member', read: 'discipline.read' },
  'GET /api/v1/discipline-cases': { gate: 'full', needs: 'discipline.read', object: 'org' },
  'GET /api/v1/discipline-cases/{id}': { gate: 'full', needs: 'discipline.read', object: 'discipline' },
  'PATCH /api/v1/discipline-cases/{id}': { gate: 'full', needs: 'discipline.write', object: 'discipline', read: 'discipline.read' },
  'POST /api/v1/discipline-cases/{id}/vote': { gate: 'full', needs: 'discipline.write', object: 'discipline', read: 'discipline.read' },
  'POST /api/v1/discipline-cases/{id}/decide': { gate: 'full', needs: 'discipline.write', object: 'discipline', read: 'discipline.read' },
  'POST /api/v1/discipline-cases/{id}/appeal': { gate: 'full', needs: 'discipline.write', object: 'discipline', read: 'discipline.read' },
  'POST /api/v1/discipline-cases/{id}/suspension': { gate: 'full', needs: 'discipline.write', object: 'discipline', read: 'discipline.read' },
  'POST /api/v1/discipline-cases/{id}/close': { gate: 'full', needs: 'discipline.write', object: 'discipline', read: 'discipline.read' },
  'GET /api/v1/members/{id}/discipline': { gate: 'full', needs: 'discipline.read', object: 'member', read: 'member.read' },
  // The compliance board (issue 16): the organization needs org.read; each area's items are
  // filtered by that area's read permission (compliance.test.mjs covers the filtering).
  'GET /api/v1/orgs/{id}/compliance': { gate: 'full', needs: 'org.read', object: 'org' },
  'GET /api/v1/orgs/{id}/compliance/items': { gate: 'full', needs: 'org.read', object: 'org' },
  // The periodic member report (issue 16): the subtree's members, like the stats.
  'GET /api/v1/orgs/{id}/reports/members': { gate: 'full', needs: 'member.read', object: 'org' },
  'GET /api/v1/orgs/{id}/reports/members.xlsx': { gate: 'full', needs: 'member.read', object: 'org' },
  // Members imports (issue 16): an import is its importer's (or seen by member.import over every
  // organization); the matrix probes one that does not exist (404 for whoever may import).
  'POST /api/v1/members/imports': { gate: 'full', needs: 'member.import', object: 'none' },
  'GET /api/v1/members/imports/{id}': { gate: 'full', needs: 'member.import', object: 'none' },
  'POST /api/v1/members/imports/{id}/cancel': { gate: 'full', needs: 'member.import', object: 'none' },
  // Remediation across its sources (issue 15): each source by its own read permission over the
  // organization (review.read, inspection.read), none of them: 404. Every role holding
  // inspection.read holds review.read (roles.tsv), so review.read decides the matrix;
  // remediation.test.mjs covers the filtering by source.
  'GET /api/v1/orgs/{id}/remediation': { gate: 'full', needs: 'review.read', object: 'org' },
};

/**
 * The status a route should answer.
 * @param {string} key "METHOD /template"
 * @param {{permissions: Set<string>, scope: string}|null} role null: anonymous (no session)
 * @param {'in'|'out'|'own'} where the object (or the body's organization) lies inside the user's
 *   grant scope, outside it, or is the user's own member record (for the `member` role)
 * @param {{unscoped?: boolean}} grant whether the user's grant has no scope (everywhere)
 * @returns {{status: number, allowed: boolean}} `allowed`: the permission check passes (the
 *   request then answers whatever its body leads to: the matrix uses bodies with a stale version
 *   so that allowed writes answer 409 and change nothing).
 */
export function expectedAccess(key, role, where, grant = {}) {
  const rule = ROUTE_RULES[key];
  if (!rule) throw new Error(`no access rule for ${key}`);
  if (rule.gate === 'public') return { status: 200, allowed: true };
  if (role === null) return { status: 401, allowed: false };
  if (!rule.needs) return { status: 200, allowed: true };
  const has = (permission) => role.permissions.has(permission);
  // The member role reaches only its own member record (never an organization), and only for
  // the permissions it holds.
  const reaches = (permission) => {
    if (!has(permission)) return false;
    if (role.scope === 'own_record') return where === 'own' && rule.object === 'member';
    return where === 'in' || where === 'own';
  };
  switch (rule.object) {
    case 'none':
      if (!has(rule.needs)) return { status: 403, allowed: false };
      if (rule.everywhere && !grant.unscoped) return { status: 403, allowed: false };
      return { status: 200, allowed: true };
    case 'parent':
    case 'member-org':
    case 'member-body':
      if (!has(rule.needs)) return { status: 403, allowed: false };
      if (!reaches(rule.needs)) return { status: 422, allowed: false };
      return { status: 201, allowed: true };
    case 'user':
      if (!has(rule.needs)) return { status: 403, allowed: false };
      return { status: where === 'in' ? 200 : 404, allowed: where === 'in' };
    default: // 'org' | 'member'
      if (reaches(rule.needs)) return { status: 200, allowed: true };
      if (rule.read && reaches(rule.read)) return { status: 403, allowed: false };
      return { status: 404, allowed: false };
  }
}

// ---- the tables of docs/access-matrix.md --------------------------------------------------
// The doc shows these two tables verbatim; authz-matrix.test.mjs checks that it still does, so
// that roles.tsv, the route rules and the doc cannot drift apart. Print them with
//   node -e "import('./tests/api/lib/access.mjs').then((m) => console.log(m.permissionTable() + '\n\n' + m.routeTable()))"

/** Role × permission, as markdown. */
export function permissionTable(roles = loadRoles()) {
  const lines = [];
  lines.push(`| Quyền / permission | ${roles.map((r) => `\`${r.code}\``).join(' | ')} |`);
  lines.push(`|---|${roles.map(() => ':-:').join('|')}|`);
  for (const p of PERMISSIONS) lines.push(`| \`${p}\` | ${roles.map((r) => (r.permissions.has(p) ? '✓' : '·')).join(' | ')} |`);
  return lines.join('\n');
}

/** Route × role for an object inside the user's scope (the member role: its own record). */
export function routeTable(roles = loadRoles()) {
  const lines = [];
  lines.push(`| Route | Cần / needs | ${roles.map((r) => `\`${r.code}\``).join(' | ')} |`);
  lines.push(`|---|---|${roles.map(() => ':-:').join('|')}|`);
  for (const [key, rule] of Object.entries(ROUTE_RULES)) {
    let needs;
    if (rule.gate === 'public') needs = 'công khai / public';
    else if (rule.needs) needs = `\`${rule.needs}\`${rule.everywhere ? ' (toàn hệ thống / everywhere)' : ''}`;
    else needs = rule.gate === 'any' ? 'phiên bất kỳ / any session' : 'phiên đầy đủ / full session';
    const cells = roles.map((r) => {
      const where = r.scope === 'own_record' && rule.object === 'member' ? 'own' : 'in';
      const e = expectedAccess(key, r, where, { unscoped: true });
      if (!e.allowed) return String(e.status);
      return where === 'own' ? '✓ (own)' : '✓';
    });
    lines.push(`| \`${key}\` | ${needs} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

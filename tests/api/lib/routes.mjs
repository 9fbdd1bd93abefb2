// Every route of /api/v1 as method + OpenAPI path template. The HTTP client in api.mjs refuses
// to call a path that matches none of these (unless the test says it probes an unknown route on
// purpose), and openapi.test.mjs checks that each one is documented: so every route the suite
// exercises is in the OpenAPI document.
export const ROUTES = [
  ['GET', '/api/v1/health'],
  ['GET', '/api/v1/openapi.json'],
  ['GET', '/api/v1/catalogs'],
  ['GET', '/api/v1/rules'],
  ['GET', '/api/v1/orgs'],
  ['POST', '/api/v1/orgs'],
  ['GET', '/api/v1/orgs/search'],
  ['GET', '/api/v1/orgs/{id}'],
  ['PATCH', '/api/v1/orgs/{id}'],
  ['GET', '/api/v1/orgs/{id}/children'],
  ['GET', '/api/v1/orgs/{id}/stats'],
  ['POST', '/api/v1/orgs/{id}/move'],
  ['POST', '/api/v1/orgs/{id}/dissolve'],
  ['POST', '/api/v1/orgs/{id}/merge'],
  ['GET', '/api/v1/members'],
  ['POST', '/api/v1/members'],
  ['GET', '/api/v1/members.csv'],
  ['GET', '/api/v1/members/{id}'],
  ['PATCH', '/api/v1/members/{id}'],
  ['GET', '/api/v1/members/{id}/history'],
  ['POST', '/api/v1/auth/login'],
  ['POST', '/api/v1/auth/logout'],
  ['GET', '/api/v1/auth/me'],
  ['POST', '/api/v1/auth/password'],
  ['POST', '/api/v1/auth/totp/begin'],
  ['POST', '/api/v1/auth/totp/confirm'],
  ['GET', '/api/v1/users'],
  ['POST', '/api/v1/users'],
  ['GET', '/api/v1/users/{id}'],
  ['PATCH', '/api/v1/users/{id}'],
  ['POST', '/api/v1/users/{id}/reset-password'],
  ['POST', '/api/v1/users/{id}/end-sessions'],
  ['GET', '/api/v1/audit'],
  ['GET', '/api/v1/audit/verify'],
  ['GET', '/api/v1/candidates'],
  ['POST', '/api/v1/candidates'],
  ['GET', '/api/v1/candidates/{id}'],
  ['PATCH', '/api/v1/candidates/{id}'],
  ['POST', '/api/v1/candidates/{id}/steps'],
  ['POST', '/api/v1/candidates/{id}/undo'],
  ['POST', '/api/v1/candidates/{id}/close'],
  ['GET', '/api/v1/probation'],
  ['POST', '/api/v1/members/{id}/recognition'],
  ['GET', '/api/v1/transfers'],
  ['POST', '/api/v1/transfers'],
  ['GET', '/api/v1/transfers/{id}'],
  ['POST', '/api/v1/transfers/{id}/complete'],
  ['POST', '/api/v1/transfers/{id}/cancel'],
  ['POST', '/api/v1/members/{id}/exit'],
  ['POST', '/api/v1/members/{id}/exemption'],
  ['POST', '/api/v1/members/{id}/gaps'],
  ['GET', '/api/v1/members/{id}/lifecycle'],
  ['GET', '/api/v1/badges'],
  ['GET', '/api/v1/badges.csv'],
  ['POST', '/api/v1/badges/awards'],
  ['GET', '/api/v1/calendar'],
  ['GET', '/api/v1/orgs/{id}/terms'],
  ['POST', '/api/v1/orgs/{id}/terms'],
  ['GET', '/api/v1/orgs/{id}/committee'],
  ['GET', '/api/v1/terms/{id}'],
  ['PATCH', '/api/v1/terms/{id}'],
  ['POST', '/api/v1/terms/{id}/seats'],
  ['POST', '/api/v1/seats/{id}/end'],
  ['GET', '/api/v1/documents'],
  ['POST', '/api/v1/documents'],
  ['POST', '/api/v1/documents/incoming'],
  ['GET', '/api/v1/documents/next-number'],
  ['GET', '/api/v1/documents/catalog'],
  ['GET', '/api/v1/documents/{id}'],
  ['PATCH', '/api/v1/documents/{id}'],
  ['POST', '/api/v1/documents/{id}/withdraw'],
  ['POST', '/api/v1/documents/{id}/forwards'],
  ['POST', '/api/v1/documents/{id}/attachments'],
  ['GET', '/api/v1/documents/{id}/attachments/{aid}'],
  ['POST', '/api/v1/documents/{id}/attachments/{aid}/remove'],
  ['GET', '/api/v1/documents/{id}/docx'],
  ['GET', '/api/v1/documents/{id}/print'],
  ['GET', '/api/v1/orgs/{id}/document-issuers'],
  ['PUT', '/api/v1/orgs/{id}/document-issuers'],
  ['GET', '/api/v1/directives'],
  ['POST', '/api/v1/directives'],
  ['POST', '/api/v1/directives/mark-overdue'],
  ['GET', '/api/v1/directives/{id}'],
  ['GET', '/api/v1/directives/{id}/assignments'],
  ['POST', '/api/v1/directives/{id}/assignments'],
  ['GET', '/api/v1/directives/{id}/rollup'],
  ['GET', '/api/v1/directives/{id}/studies'],
  ['POST', '/api/v1/directives/{id}/studies'],
  ['GET', '/api/v1/assignments/overdue'],
  ['GET', '/api/v1/assignments/{id}'],
  ['POST', '/api/v1/assignments/{id}/acknowledge'],
  ['POST', '/api/v1/assignments/{id}/start'],
  ['POST', '/api/v1/assignments/{id}/assignments'],
  ['POST', '/api/v1/assignments/{id}/reports'],
  ['POST', '/api/v1/assignments/{id}/accept'],
  ['POST', '/api/v1/assignments/{id}/return'],
  ['GET', '/api/v1/orgs/{id}/assignments'],
  ['GET', '/api/v1/inbox'],
  ['GET', '/api/v1/inbox/unread-count'],
  ['POST', '/api/v1/inbox/{id}/read'],
  ['POST', '/api/v1/inbox/read-all'],
  ['GET', '/api/v1/jobs'],
  ['POST', '/api/v1/jobs/{kind}/run'],
  ['GET', '/api/v1/members/{id}/dues'],
  ['POST', '/api/v1/members/{id}/dues/bases'],
  ['POST', '/api/v1/members/{id}/dues/reliefs'],
  ['POST', '/api/v1/members/{id}/dues/payments'],
  ['GET', '/api/v1/dues/mine'],
  ['GET', '/api/v1/orgs/{id}/dues/book'],
  ['POST', '/api/v1/orgs/{id}/dues/close'],
  ['POST', '/api/v1/orgs/{id}/dues/adjustments'],
  ['GET', '/api/v1/orgs/{id}/dues/reconciliation'],
  ['GET', '/api/v1/orgs/{id}/dues/arrears'],
  ['GET', '/api/v1/meetings/catalog'],
  ['GET', '/api/v1/meetings/mine'],
  ['GET', '/api/v1/orgs/{id}/meetings'],
  ['POST', '/api/v1/orgs/{id}/meetings'],
  ['GET', '/api/v1/orgs/{id}/meetings/missing'],
  ['GET', '/api/v1/orgs/{id}/meetings/quality'],
  ['GET', '/api/v1/orgs/{id}/removal-candidates'],
  ['GET', '/api/v1/meetings/{id}'],
  ['PATCH', '/api/v1/meetings/{id}'],
  ['POST', '/api/v1/meetings/{id}/record'],
  ['POST', '/api/v1/meetings/{id}/approve'],
  ['POST', '/api/v1/meetings/{id}/amendments'],
  ['GET', '/api/v1/meetings/{id}/docx'],
  ['GET', '/api/v1/meetings/{id}/print'],
  ['POST', '/api/v1/meetings/{id}/absence-notices'],
  ['POST', '/api/v1/meetings/{id}/absence-notices/{nid}/decision'],
];

function segments(p) {
  return p.split('/').filter((s) => s !== '');
}

/** The template a concrete path matches (literal segments win over {params}), or null. */
export function templateOf(method, pathname) {
  const actual = segments(pathname);
  let best = null;
  let bestLiterals = -1;
  for (const [routeMethod, template] of ROUTES) {
    if (routeMethod !== method) continue;
    const pattern = segments(template);
    if (pattern.length !== actual.length) continue;
    let literals = 0;
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      if (pattern[i].startsWith('{')) continue;
      if (pattern[i] === actual[i]) literals++;
      else ok = false;
    }
    if (ok && literals > bestLiterals) {
      best = template;
      bestLiterals = literals;
    }
  }
  return best;
}

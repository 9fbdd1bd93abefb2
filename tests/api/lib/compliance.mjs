// Reads of the compliance board, each reply checked against the OpenAPI document
// (compliance.test.mjs, compliance-sources.test.mjs).
import assert from 'node:assert/strict';
import { ok } from './api.mjs';
import { checkReply } from './openapi.mjs';

/** `suite()` gives `{ api, doc }` once the suite's before() has set them: the default client and the document. */
export function complianceReads(suite) {
  async function checked(path, client = suite().api) {
    const reply = await client.get(path);
    assert.deepEqual(checkReply(suite().doc, 'GET', path, reply), [], `GET ${path} matches the document`);
    return ok(reply);
  }
  return {
    checked,
    board: (org, client) => checked(`/api/v1/orgs/${org.id}/compliance`, client),
    items: (org, query = '', client) => checked(`/api/v1/orgs/${org.id}/compliance/items${query}`, client),
    child: (b, org) => b.children.find((c) => c.org.id === org.id),
  };
}

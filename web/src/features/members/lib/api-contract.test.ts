// The UI's view of the API against the server's OpenAPI document (src/http/openapi.json, the
// contract the web types follow): the member fields the forms send and the record keys the
// screens read must all be in it. Skipped when web/ is used outside the repository.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldNames } from './fields';

const specPath = join(import.meta.dirname, '../../../../../src/http/openapi.json');
const spec = existsSync(specPath)
  ? (JSON.parse(readFileSync(specPath, 'utf8')) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    })
  : null;

const properties = (schema: string) =>
  Object.keys(spec!.components.schemas[schema]?.properties ?? {});

// Keys of src/types/api.ts that the screens read (kept by hand, checked here).
const orgKeys = ['id', 'parent_id', 'path', 'kind', 'holds_members', 'name', 'short_name', 'code'];
const orgMoreKeys = ['established_on', 'status', 'version', 'child_count', 'counts', 'warnings'];
const memberKeys = ['id', 'org_name', 'age', 'version', 'updated_at', ...fieldNames];

describe.skipIf(!spec)('the API contract (openapi.json)', () => {
  it('takes exactly the member fields the forms send', () => {
    expect(new Set(properties('MemberCreate'))).toEqual(new Set(fieldNames));
  });

  it('returns the member and organization keys the screens read', () => {
    expect(properties('Member')).toEqual(expect.arrayContaining(memberKeys));
    expect(properties('Organization')).toEqual(
      expect.arrayContaining([...orgKeys, ...orgMoreKeys]),
    );
    expect(properties('OrgCreate')).toEqual(
      expect.arrayContaining(['parent_id', 'kind', 'name', 'short_name', 'code', 'established_on']),
    );
    expect(properties('Problem')).toEqual(
      expect.arrayContaining(['code', 'title', 'errors', 'items']),
    );
    expect(properties('FieldProblem')).toEqual(
      expect.arrayContaining(['field', 'code', 'message']),
    );
  });
});

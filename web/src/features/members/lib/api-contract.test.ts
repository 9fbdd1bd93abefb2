// The UI's view of the API against the server's OpenAPI document (src/http/openapi.json, the
// contract the web types follow): the member fields the forms send, the record keys the
// screens read and the query parameters the UI sends must all be in it. Skipped when web/ is
// used outside the repository.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgSearchRequest } from '@/lib/org-queries';
import type { Catalogs, ExitGround, OrgBrief } from '@/types';
import { editFieldNames, fieldNames, procedureFieldNames } from './fields';

interface Schema {
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  items?: Schema;
  enum?: string[];
  type?: string;
  $ref?: string;
}
interface Parameter {
  name: string;
  in: string;
  schema: Schema;
}
interface Spec {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { $ref: string }[];
        responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
      }
    >
  >;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Parameter> };
}

const specPath = join(import.meta.dirname, '../../../../../src/http/openapi.json');
const spec = existsSync(specPath) ? (JSON.parse(readFileSync(specPath, 'utf8')) as Spec) : null;

const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** A schema's properties, following $ref and allOf. */
function properties(schema: string | Schema): string[] {
  const node = typeof schema === 'string' ? spec!.components.schemas[schema] : schema;
  if (!node) return [];
  if (node.$ref) return properties(refName(node.$ref));
  return [
    ...Object.keys(node.properties ?? {}),
    ...(node.allOf ?? []).flatMap((part) => properties(part)),
  ];
}

function property(schema: string, name: string): Schema | undefined {
  return spec!.components.schemas[schema]?.properties?.[name];
}

function queryParameters(path: string): Map<string, Parameter> {
  const refs = spec!.paths[path]?.get?.parameters ?? [];
  const list = refs.map((ref) => spec!.components.parameters[refName(ref.$ref)]);
  return new Map(list.filter((p) => p.in === 'query').map((p) => [p.name, p]));
}

// Keys the screens read. The types come from the document (src/types/api.ts, generated), so the
// Record types make `npm run typecheck` fail when a schema gains or loses a key these lists miss.
const orgKeys = ['id', 'parent_id', 'path', 'kind', 'holds_members', 'name', 'short_name', 'code'];
const orgMoreKeys = ['established_on', 'status', 'version', 'child_count', 'counts', 'warnings'];
const memberKeys = [
  'id',
  'org_name',
  'age',
  'version',
  'updated_at',
  'probation_ends_on',
  ...fieldNames,
];
const briefKeys: Record<keyof OrgBrief, true> = {
  id: true,
  name: true,
  short_name: true,
  kind: true,
  status: true,
};
const catalogKeys: Record<keyof Catalogs, true> = {
  roles: true,
  sexes: true,
  ethnicities: true,
  religions: true,
  professional_qualifications: true,
  political_theory_levels: true,
  occupations: true,
  org_kinds: true,
  member_statuses: true,
  member_fields: true,
  age_bands: true,
  provinces: true,
  exit_grounds: true,
};
const exitGroundKeys: Record<keyof ExitGround, true> = {
  code: true,
  status: true,
  name_vi: true,
  name_en: true,
  readmission_allowed: true,
  source: true,
};

describe.skipIf(!spec)('the API contract (openapi.json)', () => {
  it('takes exactly the member fields the forms send', () => {
    expect(new Set(properties('MemberCreate'))).toEqual(new Set(fieldNames));
  });

  it('edits only what PATCH takes, leaving out what only procedures change', () => {
    const update = properties('MemberUpdate');
    expect(update).toEqual(expect.arrayContaining(editFieldNames(true)));
    // The fields the edit leaves out are exactly those the server changes only by procedure.
    expect(new Set(fieldNames.filter((name) => !editFieldNames(true).includes(name)))).toEqual(
      new Set(procedureFieldNames),
    );
    // The status is the one the contract says changes only by procedure, its exit fields with it.
    const status = property('MemberCreate', 'status')?.description ?? '';
    expect(status).toMatch(/changed_by_procedure/);
    for (const name of procedureFieldNames.filter((item) => item !== 'status')) {
      expect(status, name).toContain(name);
    }
    expect(property('MemberCreate', 'exit_date')?.description).toMatch(/thủ tục/);
    expect(property('MemberCreate', 'exit_ground')?.description).toMatch(/exit_grounds/);
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

  it('has the catalogs of api.ts, provinces among them', () => {
    expect(new Set(properties('Catalogs'))).toEqual(new Set(Object.keys(catalogKeys)));
    expect(spec!.components.schemas.Catalogs.required).toContain('provinces');
    expect(property('Catalogs', 'provinces')?.items?.$ref).toMatch(/CatalogEntry$/);
    expect(spec!.components.schemas.Catalogs.required).toContain('exit_grounds');
    expect(property('Catalogs', 'exit_grounds')?.items?.$ref).toMatch(/ExitGround$/);
    expect(new Set(properties('ExitGround'))).toEqual(new Set(Object.keys(exitGroundKeys)));
  });

  it('says which rule a refusal broke, and its source', () => {
    expect(properties('FieldProblem')).toEqual(expect.arrayContaining(['rule', 'source']));
  });

  it('returns search results with their ancestors, as GET /orgs/{id}', () => {
    const search = spec!.paths['/api/v1/orgs/search'].get;
    const list = search.responses['200'].content!['application/json'].schema;
    expect(refName(list.$ref!)).toBe('OrgDetailList');
    expect(refName(property('OrgDetailList', 'items')!.items!.$ref!)).toBe('OrganizationDetail');
    expect(properties('OrganizationDetail')).toEqual(
      expect.arrayContaining([...orgKeys, ...orgMoreKeys, 'ancestors']),
    );
    expect(new Set(properties('OrgBrief'))).toEqual(new Set(Object.keys(briefKeys)));
  });

  it('takes the search parameters the pickers send', () => {
    const params = queryParameters('/api/v1/orgs/search');
    const sent = orgSearchRequest({ q: 'chi bo', kinds: ['cell'], holdsMembers: true });
    expect([...params.keys()]).toEqual(expect.arrayContaining(Object.keys(sent)));
    expect(params.get('holds_members')!.schema.type).toBe('boolean');
    expect(params.get('kind')!.schema.items!.enum).toEqual(
      expect.arrayContaining(['cell', 'base_cell', 'party_group']),
    );
  });

  it('takes the CSV export language the link sends', () => {
    const lang = queryParameters('/api/v1/members.csv').get('lang');
    expect(lang?.schema.enum).toEqual(['vi', 'en']);
  });
});

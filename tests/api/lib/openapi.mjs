// The OpenAPI document from the source tree, and a small validator for the subset of OpenAPI
// 3.0 schemas it uses (type, nullable, enum, required, properties, additionalProperties, items,
// allOf, oneOf, anyOf, pattern, minLength/maxLength in code points, minimum/maximum, $ref).
import fs from 'node:fs';
import path from 'node:path';
import { SOURCE_ROOT } from './server.mjs';
import { templateOf } from './routes.mjs';

export const OPENAPI_PATH = path.join(SOURCE_ROOT, 'src', 'http', 'openapi.json');

export function loadOpenApi() {
  return JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8'));
}

/** Resolves a local "#/a/b" reference. */
export function resolveRef(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
  let node = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === undefined || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

function deref(doc, node) {
  let seen = 0;
  while (node && node.$ref) {
    const target = resolveRef(doc, node.$ref);
    if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
    node = target;
    if (++seen > 20) throw new Error('reference cycle');
  }
  return node;
}

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The properties an object schema names, its allOf parts' included. */
function declaredProperties(doc, schema) {
  const s = deref(doc, schema);
  const names = new Set(Object.keys(s?.properties ?? {}));
  for (const part of s?.allOf ?? []) for (const name of declaredProperties(doc, part)) names.add(name);
  return names;
}

/**
 * Returns a list of "path: problem" strings; empty when `value` matches `schema`. With
 * `{ strict: true }` (replies: the web types are generated from the document) an object may not
 * carry a property its schema does not name, unless the schema says additionalProperties.
 */
export function validate(doc, schema, value, where = '$', options = {}) {
  const errors = [];
  const { strict = false, partOf = false } = options;
  const nested = { strict };
  const s = deref(doc, schema);
  if (!s || Object.keys(s).length === 0) return errors;
  if (value === null) {
    if (s.nullable) return errors;
    // allOf/oneOf wrappers may carry nullable inside
    if (!s.type && !s.allOf && !s.oneOf && !s.anyOf && !s.enum) return errors;
    errors.push(`${where}: null is not allowed`);
    return errors;
  }
  if (s.allOf) for (const part of s.allOf) errors.push(...validate(doc, part, value, where, { strict, partOf: true }));
  if (s.oneOf) {
    const matching = s.oneOf.filter((part) => validate(doc, part, value, where, nested).length === 0).length;
    if (matching !== 1) errors.push(`${where}: matches ${matching} of oneOf, expected exactly 1`);
  }
  if (s.anyOf && !s.anyOf.some((part) => validate(doc, part, value, where, nested).length === 0)) {
    errors.push(`${where}: matches none of anyOf`);
  }
  const actual = typeOf(value);
  if (s.type) {
    const okType = s.type === actual || (s.type === 'number' && actual === 'integer');
    if (!okType) {
      errors.push(`${where}: expected ${s.type}, got ${actual}`);
      return errors;
    }
  }
  if (s.enum && !s.enum.some((e) => e === value)) errors.push(`${where}: ${JSON.stringify(value)} not in enum`);
  if (actual === 'string') {
    const length = [...value].length;
    if (s.maxLength !== undefined && length > s.maxLength) errors.push(`${where}: longer than ${s.maxLength}`);
    if (s.minLength !== undefined && length < s.minLength) errors.push(`${where}: shorter than ${s.minLength}`);
    if (s.pattern && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${where}: ${JSON.stringify(value)} does not match ${s.pattern}`);
    if (s.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.push(`${where}: not a date`);
    if (s.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${where}: not a date-time`);
  }
  if (actual === 'integer' || actual === 'number') {
    if (s.minimum !== undefined && value < s.minimum) errors.push(`${where}: below ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) errors.push(`${where}: above ${s.maximum}`);
  }
  if (actual === 'array' && s.items) {
    value.forEach((item, i) => errors.push(...validate(doc, s.items, item, `${where}[${i}]`, nested)));
  }
  if (actual === 'object') {
    for (const key of s.required ?? []) if (!(key in value)) errors.push(`${where}: missing ${key}`);
    const props = s.properties ?? {};
    const declared = strict && !partOf && s.additionalProperties === undefined && (s.properties || s.allOf)
      ? declaredProperties(doc, s)
      : null;
    for (const [key, item] of Object.entries(value)) {
      if (props[key]) errors.push(...validate(doc, props[key], item, `${where}.${key}`, nested));
      else if (s.additionalProperties === false) errors.push(`${where}: unexpected property ${key}`);
      else if (typeof s.additionalProperties === 'object') errors.push(...validate(doc, s.additionalProperties, item, `${where}.${key}`, nested));
      else if (declared && !declared.has(key)) errors.push(`${where}: property ${key} is not documented`);
    }
  }
  return errors;
}

/** The operation object for a method and concrete path. */
export function operationFor(doc, method, pathname) {
  const template = templateOf(method, pathname);
  if (!template) return { template: null, operation: undefined };
  return { template, operation: doc.paths?.[template]?.[method.toLowerCase()] };
}

/**
 * Checks a reply against the document: its status is documented for the operation, and a JSON
 * body matches the schema of that response's media type. Returns a list of problems.
 */
export function checkReply(doc, method, url, reply) {
  const pathname = new URL(url, 'http://x').pathname;
  let { template, operation } = operationFor(doc, method, pathname);
  if (!operation && reply.status === 405) {
    // a method the path does not have: the path's operations document the 405
    for (const other of ['GET', 'POST', 'PATCH']) {
      ({ template, operation } = operationFor(doc, other, pathname));
      if (operation) break;
    }
  }
  if (!operation) return [`${method} ${pathname}: not documented`];
  const response = deref(doc, operation.responses?.[String(reply.status)] ?? operation.responses?.default);
  if (!response) return [`${method} ${template}: status ${reply.status} is not documented`];
  if (reply.status === 204) return reply.text === '' ? [] : [`${method} ${template} 204 with a body`];
  const type = reply.contentType.split(';')[0].trim();
  const media = response.content?.[type];
  if (!media) return [`${method} ${template} ${reply.status}: content type ${type} is not documented (${Object.keys(response.content ?? {}).join(', ')})`];
  if (reply.body === undefined) return [];
  return validate(doc, media.schema, reply.body, `${method} ${template} ${reply.status}`, { strict: true });
}

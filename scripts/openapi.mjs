// The API's OpenAPI document is kept in one fragment per work area (src/http/openapi/*.json,
// merged in name order) so that areas built side by side do not edit one 400 KB file. This
// writes the merged document to src/http/openapi.json, which the server embeds and the web
// types are generated from (web/scripts/gen-api.mjs).
//   node scripts/openapi.mjs          writes src/http/openapi.json
//   node scripts/openapi.mjs --check  fails when src/http/openapi.json is not the merge
// A fragment holds any of: tags (appended), paths and components.* (objects merged; the same
// key defined twice is an error, naming both fragments).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const folder = path.join(root, 'src', 'http', 'openapi');
const target = path.join(root, 'src', 'http', 'openapi.json');

export function mergeFragments(fragments) {
  const merged = {};
  const owner = new Map();
  for (const [name, fragment] of fragments) {
    for (const [key, value] of Object.entries(fragment)) {
      if (key === 'tags') {
        merged.tags = [...(merged.tags ?? []), ...value];
      } else if (key === 'paths' || key === 'components') {
        merged[key] ??= {};
        const groups = key === 'paths' ? { '': value } : value;
        for (const [group, entries] of Object.entries(groups)) {
          const into = group === '' ? merged[key] : (merged[key][group] ??= {});
          for (const [entry, definition] of Object.entries(entries)) {
            const id = `${key}.${group}.${entry}`;
            if (owner.has(id)) throw new Error(`${entry} is defined in ${owner.get(id)} and ${name}`);
            owner.set(id, name);
            into[entry] = definition;
          }
        }
      } else {
        if (key in merged) throw new Error(`${key} is defined twice (again in ${name})`);
        merged[key] = value;
      }
    }
  }
  return merged;
}

export function mergedDocument() {
  const names = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  const fragments = names.map((name) => [name, JSON.parse(readFileSync(path.join(folder, name), 'utf8'))]);
  return JSON.stringify(mergeFragments(fragments), null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = mergedDocument();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error('src/http/openapi.json is not the merge of src/http/openapi/*.json: run node scripts/openapi.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

const base = (key: string) => key.replace(/_(one|other)$/, '');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('locales', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(new Set(keys(en).map(base))).toEqual(new Set(keys(vi).map(base)));
  });

  it('have every key the code asks for', () => {
    const known = new Set(keys(vi).map(base));
    const used = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '..'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        used.add(match[1]);
      }
    }
    const missing = [...used].filter((key) => !known.has(key));
    expect(missing).toEqual([]);
  });
});

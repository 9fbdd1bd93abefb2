import { describe, expect, it } from 'vitest';
import { safeLink } from './links';

describe('safeLink', () => {
  it('follows paths of this app only', () => {
    expect(safeLink('/assignments/12')).toBe('/assignments/12');
    expect(safeLink('/directives/3?org=5')).toBe('/directives/3?org=5');
    expect(safeLink(null)).toBeUndefined();
    expect(safeLink('')).toBeUndefined();
    expect(safeLink('https://example.com/x')).toBeUndefined();
    expect(safeLink('//example.com/x')).toBeUndefined();
    expect(safeLink('/\\example.com')).toBeUndefined();
    expect(safeLink('javascript:alert(1)')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { readListParams } from '../lib/list-params';
import { exportUrl } from './list-members';

describe('the CSV export link', () => {
  it('carries the filters and the UI language, not the page', () => {
    const params = readListParams(
      new URLSearchParams('org=12&status=probationary&sex=female&page=3&page_size=20'),
    );
    const url = new URL(exportUrl(params, 'en'), 'http://x');
    expect(url.pathname).toBe('/api/v1/members.csv');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('org')).toBe('12');
    expect(url.searchParams.get('status')).toBe('probationary');
    expect(url.searchParams.has('page')).toBe(false);
    expect(url.searchParams.has('page_size')).toBe(false);
  });

  it('says lang=vi in Vietnamese', () => {
    const url = new URL(exportUrl(readListParams(new URLSearchParams()), 'vi'), 'http://x');
    expect(url.searchParams.get('lang')).toBe('vi');
  });
});

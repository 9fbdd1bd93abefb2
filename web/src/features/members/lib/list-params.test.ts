import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterQuery, readListParams, writeListParams } from './list-params';

describe('member list URL state', () => {
  it('reads defaults from an empty URL', () => {
    const params = readListParams(new URLSearchParams(''));
    expect(params).toMatchObject({ q: '', status: [], sort: 'name', page: 1, page_size: 50 });
    expect(params.org).toBeUndefined();
    expect(writeListParams(params).toString()).toBe('');
  });

  it('round-trips filters, page and sort', () => {
    const text =
      'org=1594&q=nguyen+van+an&status=official%2Cprobationary&sex=female&ethnicity=01&age_min=30&age_max=40&admitted_from=1990&admitted_to=2000&sort=-age&page=3&page_size=100';
    const params = readListParams(new URLSearchParams(text));
    expect(params.org).toBe(1594);
    expect(params.status).toEqual(['official', 'probationary']);
    expect(params.page).toBe(3);
    expect(writeListParams(params).toString()).toBe(text);
    expect(activeFilterCount(params)).toBe(5);
  });

  it('ignores junk', () => {
    const params = readListParams(
      new URLSearchParams('org=-1&page=abc&page_size=7&sort=evil&age_min=999'),
    );
    expect(params.org).toBeUndefined();
    expect(params.page).toBe(1);
    expect(params.page_size).toBe(50);
    expect(params.sort).toBe('name');
    expect(params.age_min).toBeUndefined();
  });

  it('builds API filters without paging', () => {
    const params = readListParams(new URLSearchParams('q=%20an%20&page=2'));
    expect(filterQuery(params)).toMatchObject({ q: 'an', sort: 'name' });
    expect(filterQuery(params)).not.toHaveProperty('page');
  });
});

import { describe, expect, it } from 'vitest';
import {
  activeDocumentFilters,
  changeDocumentParams,
  documentListQuery,
  termOptions,
  readDocumentParams,
  writeDocumentParams,
  type DocumentListParams,
} from './document-params';

const read = (text: string, scope?: number) => readDocumentParams(new URLSearchParams(text), scope);

describe('document list params', () => {
  it('read every filter from the URL', () => {
    expect(
      read(
        'org=12&type=ke_hoach&term=3&from=2026-01-01&to=2026-06-30&status=withdrawn&q=phat trien&page=2',
      ),
    ).toEqual({
      status: 'withdrawn',
      org: 12,
      type: 'ke_hoach',
      term: 3,
      from: '2026-01-01',
      to: '2026-06-30',
      q: 'phat trien',
      page: 2,
      page_size: 20,
    });
  });

  it('fall back to defaults and the scope on odd input, never throwing', () => {
    expect(
      read(
        'org=-1&type=K%C3%A9&term=x&from=2026-13-01&to=yesterday&status=gone&page=0&page_size=7',
        5,
      ),
    ).toEqual({ org: 5, q: '', page: 1, page_size: 20 } satisfies DocumentListParams);
  });

  it('swap a date range typed backwards', () => {
    const params = read('from=2026-06-30&to=2026-01-01');
    expect([params.from, params.to]).toEqual(['2026-01-01', '2026-06-30']);
  });

  it('write only what differs from the defaults, and read it back the same', () => {
    const params: DocumentListParams = {
      org: 7,
      type: 'nghi_quyet',
      from: '2026-02-01',
      q: 'Đảng viên',
      page: 3,
      page_size: 50,
    };
    const search = writeDocumentParams(params);
    expect(search.toString()).toBe(
      'org=7&type=nghi_quyet&from=2026-02-01&q=%C4%90%E1%BA%A3ng+vi%C3%AAn&page=3&page_size=50',
    );
    expect(readDocumentParams(search)).toEqual(params);
    expect(writeDocumentParams(read('')).toString()).toBe('');
  });

  it('start again at page 1 when a filter changes, not when the page does', () => {
    const params = read('q=kh&page=4');
    expect(changeDocumentParams(params, { type: 'ke_hoach' }).page).toBe(1);
    expect(changeDocumentParams(params, { page: 5 }).page).toBe(5);
  });

  it('ask the server for one page of one direction, the term only of outgoing documents', () => {
    const params = read('org=4&term=9&q=%20ke%20hoach%20&page=3&page_size=50');
    expect(documentListQuery('outgoing', params)).toEqual({
      direction: 'outgoing',
      org: 4,
      term: 9,
      q: 'ke hoach',
      offset: 100,
      limit: 50,
    });
    expect(documentListQuery('incoming', params).term).toBeUndefined();
  });

  it('count the filters on', () => {
    expect(activeDocumentFilters(read('org=1&q=x'))).toBe(0);
    expect(activeDocumentFilters(read('type=ke_hoach&from=2026-01-01&to=2026-02-01'))).toBe(2);
  });
});

describe('term options', () => {
  it('list each term of the documents once, newest name first, and keep the one chosen', () => {
    const items = [
      { term_id: 3, term_name: 'Nhiệm kỳ 2025-2030' },
      { term_id: null, term_name: null },
      { term_id: 2, term_name: 'Nhiệm kỳ 2020-2025' },
      { term_id: 3, term_name: 'Nhiệm kỳ 2025-2030' },
    ];
    expect(termOptions(items, undefined)).toEqual([
      { value: 3, label: 'Nhiệm kỳ 2025-2030' },
      { value: 2, label: 'Nhiệm kỳ 2020-2025' },
    ]);
    expect(termOptions([], 7)).toEqual([{ value: 7, label: '#7' }]);
  });
});

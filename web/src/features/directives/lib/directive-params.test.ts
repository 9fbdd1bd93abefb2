import { describe, expect, it } from 'vitest';
import {
  assignmentListQuery,
  changeParams,
  directiveListQuery,
  readAssignmentParams,
  readDirectiveParams,
  writeAssignmentParams,
  writeDirectiveParams,
} from './directive-params';

describe('directive list params', () => {
  it('round-trip through the URL and drop nonsense', () => {
    const params = readDirectiveParams(
      new URLSearchParams('org=12&kind=resolution&q=chuyen+doi&page=2&page_size=50'),
    );
    expect(params).toEqual({
      org: 12,
      kind: 'resolution',
      q: 'chuyen doi',
      year: undefined,
      status: undefined,
      page: 2,
      page_size: 50,
    });
    expect(writeDirectiveParams(params).toString()).toBe(
      'org=12&kind=resolution&q=chuyen+doi&page=2&page_size=50',
    );
    expect(readDirectiveParams(new URLSearchParams('org=-1&kind=x&page=0&page_size=7'), 5)).toEqual(
      {
        org: 5,
        kind: undefined,
        q: '',
        year: undefined,
        status: undefined,
        page: 1,
        page_size: 20,
      },
    );
  });

  it('start again at page 1 when a filter changes', () => {
    const params = readDirectiveParams(new URLSearchParams('page=3'));
    expect(changeParams(params, { kind: 'plan' }).page).toBe(1);
    expect(changeParams(params, { page: 4 }).page).toBe(4);
  });

  it('ask the server for one page', () => {
    expect(
      directiveListQuery({ org: 3, kind: undefined, q: '  ', page: 3, page_size: 20 }),
    ).toEqual({
      org: 3,
      kind: undefined,
      q: undefined,
      year: undefined,
      status: undefined,
      offset: 40,
      limit: 20,
    });
  });

  it('carry the year and status filters', () => {
    const text = 'org=3&year=2026&status=overdue';
    const params = readDirectiveParams(new URLSearchParams(text));
    expect(params.year).toBe(2026);
    expect(params.status).toBe('overdue');
    expect(writeDirectiveParams(params).toString()).toBe(text);
    expect(directiveListQuery(params)).toMatchObject({ year: 2026, status: 'overdue' });
    const odd = readDirectiveParams(new URLSearchParams('year=12&status=late'));
    expect(odd.year).toBeUndefined();
    expect(odd.status).toBeUndefined();
    expect(changeParams(params, { status: 'done' }).page).toBe(1);
  });
});

describe('assignment list params', () => {
  it('default to the received ones, all states', () => {
    const params = readAssignmentParams(new URLSearchParams('org=4'));
    expect(params).toEqual({
      org: 4,
      direction: 'received',
      state: undefined,
      overdue: false,
      page: 1,
      page_size: 20,
    });
    expect(writeAssignmentParams(params).toString()).toBe('org=4');
  });

  it('round-trip the filters', () => {
    const text = 'org=4&direction=assigned&state=reported&overdue=1&page=2';
    const params = readAssignmentParams(new URLSearchParams(text));
    expect(writeAssignmentParams(params).toString()).toBe(text);
    expect(assignmentListQuery(params)).toEqual({
      direction: 'assigned',
      state: 'reported',
      overdue: true,
      offset: 20,
      limit: 20,
    });
  });
});

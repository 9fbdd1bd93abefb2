// Helpers for the lifecycle suites: dates relative to the server's today, candidates and their
// steps, members with a known history.
import { ok, cccd, createMember, serverToday, iso } from './api.mjs';

/** The ISO date `days` days from the server's today (negative: before). */
export function daysFromToday(days) {
  return iso(new Date(serverToday().getTime() + days * 86400000));
}

/** The ISO date `months` calendar months from `from` (clamped at month ends, like the server). */
export function addMonths(from, months) {
  const [y, m, d] = from.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(d, last))));
}

let nameSerial = 0;
const GIVEN = ['Hoa', 'Lan', 'Mai', 'Cúc', 'Đào', 'Huệ', 'Liên', 'Trúc', 'Quế', 'Sen'];
/** A candidate body in `orgId`; `overrides` replace fields. */
export function candidatePayload(orgId, overrides = {}) {
  const birth = overrides.birth_date ?? '1998-04-10';
  const sex = overrides.sex ?? 'female';
  return {
    full_name: `Trần Thị ${GIVEN[nameSerial++ % GIVEN.length]}`,
    sex,
    birth_date: birth,
    ethnicity: '01',
    religion: 'none',
    citizen_id: cccd({ sex, birthYear: Number(birth.slice(0, 4)) }),
    org_id: orgId,
    ...overrides,
  };
}

export async function createCandidate(api, orgId, overrides = {}) {
  return ok(await api.post('/api/v1/candidates', candidatePayload(orgId, overrides)), 201);
}

/** Records a step and returns the candidate after it (asserting 201). */
export async function step(api, candidateId, body) {
  return ok(await api.post(`/api/v1/candidates/${candidateId}/steps`, body), 201);
}

export const DOC = { number: '12-NQ/CB', authority: 'Chi bộ' };

/**
 * Records the preparation steps (course ... endorsement) on `on` with the two introducers
 * (member ids) known since `knownSince`.
 */
export async function prepare(api, candidateId, on, introducers, knownSince) {
  await step(api, candidateId, { step: 'course', on, document: { number: '125/GCN', authority: 'Trung tâm Chính trị' } });
  await step(api, candidateId, { step: 'application', on });
  await step(api, candidateId, { step: 'personal_history', on });
  await step(api, candidateId, { step: 'verification', on });
  await step(api, candidateId, {
    step: 'introduction', on,
    introducers: introducers.map((id) => ({ member_id: id, known_since: knownSince })),
  });
  return step(api, candidateId, { step: 'endorsement', on, document: { authority: 'Công đoàn cơ quan' } });
}

/** An official member of `orgId` (official since 2010 unless overridden). */
export async function officialMember(api, orgId, overrides = {}) {
  return createMember(api, orgId, {
    full_name: `Nguyễn Văn ${GIVEN[nameSerial++ % GIVEN.length]}`,
    birth_date: '1975-06-06', admission_date: '2009-03-02', ceremony_date: '2009-03-10',
    official_date: '2010-03-10', ...overrides,
  });
}

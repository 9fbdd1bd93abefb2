// Client-side checks of a person's record (members, and candidates for admission) that mirror
// the server's (domain/members/member_fields.cpp and member_rules.cpp), so most mistakes show
// under their field before saving. The server stays the judge: whatever it still rejects is
// shown under the same fields.
//
// Each check returns null when the value passes, else a problem code the server also uses
// (the message texts are in the locales under "validation.<code>").

export interface Problem {
  code: string;
  params?: Record<string, string | number>;
}

const earliestBirth = '1900-01-01';

export function codePointLength(text: string): number {
  return Array.from(text).length;
}

export function checkLength(value: string, max: number): Problem | null {
  return codePointLength(value.trim()) > max ? { code: 'too_long', params: { max } } : null;
}

/** Letters (any script, with combining marks), spaces and ' - . */
export function checkName(value: string): Problem | null {
  return /^[\p{L}\p{M} '.-]*$/u.test(value.trim()) ? null : { code: 'name_charset' };
}

export function citizenIdDigits(value: string): string {
  return value.replace(/ /g, '');
}

/** The CCCD's 4th digit: century and sex (0/1 for 1900s male/female, 2/3 for 2000s, ...). */
export function citizenIdCenturyDigit(year: number, sex: string): number {
  return Math.floor((year - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
}

/** The province codes of the catalog (GET /catalogs `provinces`), for checkCitizenId. */
export function provinceCodes(provinces: readonly { code: string }[] | undefined): Set<string> {
  return new Set((provinces ?? []).map((province) => province.code));
}

/**
 * As the server (member_rules.cpp citizen_id_problem): 12 digits, then the first 3 a province
 * code, then the century/sex digit and the year digits against the birth date and sex. The
 * province check is skipped while the catalog is not known (undefined or empty set).
 */
export function checkCitizenId(
  value: string,
  sex: string | null | undefined,
  birthDate: string | null | undefined,
  provinces?: ReadonlySet<string>,
): Problem | null {
  const digits = citizenIdDigits(value.trim());
  if (!/^\d{12}$/.test(digits)) return { code: 'cccd_format' };
  if (provinces && provinces.size > 0 && !provinces.has(digits.slice(0, 3))) {
    return { code: 'cccd_province' };
  }
  if (!birthDate || !sex) return null;
  const year = Number(birthDate.slice(0, 4));
  if (!(year >= 1900)) return null;
  const century = Number(digits[3]);
  const yearDigits = Number(digits.slice(4, 6));
  if (century !== citizenIdCenturyDigit(year, sex) || yearDigits !== year % 100) {
    return { code: 'cccd_mismatch' };
  }
  return null;
}

export function checkCardNo(value: string, status: string | null | undefined): Problem | null {
  const text = value.trim();
  if (!/^[0-9A-Za-z./-]*$/.test(text)) return { code: 'card_charset' };
  if (text && status === 'probationary') return { code: 'card_for_probationary' };
  return null;
}

/** Vietnamese numbers: 0 then 9 or 10 digits; +84 stands for the 0; spaces . - ( ) ignored. */
export function normalizePhone(value: string): string | null {
  let digits = value.replace(/[ .\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  if (digits.length < 10 || digits.length > 11 || digits[0] !== '0' || !/^\d+$/.test(digits)) {
    return null;
  }
  return digits;
}

export function checkPhone(value: string): Problem | null {
  return normalizePhone(value.trim()) ? null : { code: 'phone_format' };
}

export function checkEmail(value: string): Problem | null {
  const text = value.trim();
  const at = text.indexOf('@');
  if (at <= 0 || text.indexOf('@', at + 1) !== -1) return { code: 'email_format' };
  const domain = text.slice(at + 1);
  const dot = domain.indexOf('.');
  if (dot <= 0 || domain.endsWith('.')) return { code: 'email_format' };
  if (/[ ,;<>"]/.test(text)) return { code: 'email_format' };
  return null;
}

/** "grade/system": system 10 or 12, 1 <= grade <= system. */
export function checkEducation(value: string): Problem | null {
  const match = /^(\d{1,2})\/(10|12)$/.exec(value.trim());
  if (!match) return { code: 'education_format' };
  const grade = Number(match[1]);
  return grade >= 1 && grade <= Number(match[2]) ? null : { code: 'education_format' };
}

/** Whole years from `from` to `to` (ISO dates): the age on `to` of someone born on `from`. */
export function wholeYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

export function checkBirthDate(value: string, today: string): Problem | null {
  if (value > today) return { code: 'date_in_future' };
  if (value < earliestBirth) return { code: 'date_too_early', params: { min: earliestBirth } };
  return null;
}

export function checkAdmissionDate(
  admission: string,
  birth: string | null | undefined,
  today: string,
  minAge?: { value: number; source: string },
): Problem | null {
  if (admission > today) return { code: 'date_in_future' };
  if (birth && minAge && wholeYearsBetween(birth, admission) < minAge.value) {
    return { code: 'admission_under_age', params: { min: minAge.value, source: minAge.source } };
  }
  return null;
}

export function checkOfficialDate(
  official: string | null | undefined,
  admission: string | null | undefined,
  status: string | null | undefined,
  today: string,
): Problem | null {
  if (official) {
    if (status === 'probationary') return { code: 'official_date_for_probationary' };
    if (official > today) return { code: 'date_in_future' };
    if (admission && official <= admission) return { code: 'official_before_admission' };
    return null;
  }
  return status === 'official' ? { code: 'required_for_official' } : null;
}

/** The admission ceremony: not in the future, not before the admission decision. */
export function checkCeremonyDate(
  ceremony: string,
  admission: string | null | undefined,
  today: string,
): Problem | null {
  if (ceremony > today) return { code: 'date_in_future' };
  if (admission && ceremony < admission) return { code: 'ceremony_before_admission' };
  return null;
}

/** The day a member left the roll: not in the future, not before the admission. */
export function checkExitDate(
  exit: string,
  admission: string | null | undefined,
  today: string,
): Problem | null {
  if (exit > today) return { code: 'date_in_future' };
  if (admission && exit < admission) return { code: 'exit_before_admission' };
  return null;
}

import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '@/types';
import {
  checkAdmissionDate,
  checkCardNo,
  checkCeremonyDate,
  checkCitizenId,
  checkEducation,
  checkEmail,
  checkExitDate,
  checkName,
  checkOfficialDate,
  checkPhone,
  checkLength,
  normalizePhone,
  provinceCodes,
  wholeYearsBetween,
} from './person-checks';

describe('member checks mirror the server', () => {
  it('CCCD is exactly 12 digits, spaces ignored', () => {
    expect(checkCitizenId('001074495851', null, null)).toBeNull();
    expect(checkCitizenId('001 074 495 851', null, null)).toBeNull();
    expect(checkCitizenId('12345', null, null)?.code).toBe('cccd_format');
    expect(checkCitizenId('00107449585a', null, null)?.code).toBe('cccd_format');
    expect(checkCitizenId('0010744958512', null, null)?.code).toBe('cccd_format');
  });

  it('CCCD century, sex and year digits agree with the birth date', () => {
    expect(checkCitizenId('001074495851', 'male', '1974-12-23')).toBeNull();
    expect(checkCitizenId('001174495851', 'female', '1974-12-23')).toBeNull();
    expect(checkCitizenId('001174495851', 'male', '1974-12-23')?.code).toBe('cccd_mismatch');
    expect(checkCitizenId('001075495851', 'male', '1974-12-23')?.code).toBe('cccd_mismatch');
    expect(checkCitizenId('001201495851', 'male', '2001-01-01')).toBeNull();
  });

  it('CCCD begins with a province code of the catalog (before the date checks)', () => {
    const catalog: CatalogEntry[] = [
      { code: '001', name_vi: 'Hà Nội', name_en: 'Hà Nội' },
      { code: '079', name_vi: 'Hồ Chí Minh', name_en: 'Hồ Chí Minh' },
    ];
    const provinces = provinceCodes(catalog);
    expect(checkCitizenId('001080012345', 'male', '1980-05-17', provinces)).toBeNull();
    expect(checkCitizenId('079301012345', 'female', '2001-01-01', provinces)).toBeNull();
    expect(checkCitizenId('003080012345', 'male', '1980-05-17', provinces)?.code).toBe(
      'cccd_province',
    );
    expect(checkCitizenId('999 080 012 345', null, null, provinces)?.code).toBe('cccd_province');
    // As on the server: the shape first, then the province, then the digits against the date.
    expect(checkCitizenId('99908001234', null, null, provinces)?.code).toBe('cccd_format');
    expect(checkCitizenId('999180012345', 'male', '1980-05-17', provinces)?.code).toBe(
      'cccd_province',
    );
    expect(checkCitizenId('001180012345', 'male', '1980-05-17', provinces)?.code).toBe(
      'cccd_mismatch',
    );
    // Before the catalog has loaded, the province is left to the server.
    expect(checkCitizenId('999080012345', 'male', '1980-05-17')).toBeNull();
    expect(
      checkCitizenId('999080012345', 'male', '1980-05-17', provinceCodes(undefined)),
    ).toBeNull();
  });

  it("names take letters, marks, spaces and ' - .", () => {
    expect(checkName('Nguyễn Văn An')).toBeNull();
    expect(checkName("H'Hen Niê")).toBeNull();
    expect(checkName('An 2')?.code).toBe('name_charset');
  });

  it('lengths count code points', () => {
    expect(checkLength('Nguyễn', 6)).toBeNull();
    expect(checkLength('Nguyễn!', 6)?.code).toBe('too_long');
  });

  it('phones are Vietnamese numbers', () => {
    expect(normalizePhone('+84 912 345 678')).toBe('0912345678');
    expect(checkPhone('0912.345.678')).toBeNull();
    expect(checkPhone('12')?.code).toBe('phone_format');
  });

  it('emails, education and card numbers', () => {
    expect(checkEmail('a@b.vn')).toBeNull();
    expect(checkEmail('a@b')?.code).toBe('email_format');
    expect(checkEducation('12/12')).toBeNull();
    expect(checkEducation('11/10')?.code).toBe('education_format');
    expect(checkCardNo('AB-12/3', 'official')).toBeNull();
    expect(checkCardNo('12 3', 'official')?.code).toBe('card_charset');
    expect(checkCardNo('123', 'probationary')?.code).toBe('card_for_probationary');
  });

  it('admission needs the minimum age in force', () => {
    expect(wholeYearsBetween('2000-05-10', '2018-05-09')).toBe(17);
    expect(wholeYearsBetween('2000-05-10', '2018-05-10')).toBe(18);
    const rule = { value: 18, source: 'Điều lệ' };
    expect(checkAdmissionDate('2018-05-09', '2000-05-10', '2026-01-01', rule)?.code).toBe(
      'admission_under_age',
    );
    expect(checkAdmissionDate('2018-05-10', '2000-05-10', '2026-01-01', rule)).toBeNull();
    expect(checkAdmissionDate('2027-01-01', null, '2026-01-01')?.code).toBe('date_in_future');
  });

  it('official date follows the status and the admission', () => {
    expect(checkOfficialDate(null, '2020-01-01', 'official', '2026-01-01')?.code).toBe(
      'required_for_official',
    );
    expect(checkOfficialDate('2021-01-01', '2020-01-01', 'probationary', '2026-01-01')?.code).toBe(
      'official_date_for_probationary',
    );
    expect(checkOfficialDate('2020-01-01', '2020-01-01', 'official', '2026-01-01')?.code).toBe(
      'official_before_admission',
    );
    expect(checkOfficialDate('2021-01-01', '2020-01-01', 'official', '2026-01-01')).toBeNull();
  });
});

describe('ceremony and exit dates mirror the server', () => {
  it('the ceremony is on or after the admission decision, not in the future', () => {
    expect(checkCeremonyDate('2020-01-01', '2020-01-01', '2026-01-01')).toBeNull();
    expect(checkCeremonyDate('2019-12-31', '2020-01-01', '2026-01-01')?.code).toBe(
      'ceremony_before_admission',
    );
    expect(checkCeremonyDate('2027-01-01', null, '2026-01-01')?.code).toBe('date_in_future');
  });

  it('leaving the roll is on or after the admission, not in the future', () => {
    expect(checkExitDate('2020-01-01', '2020-01-01', '2026-01-01')).toBeNull();
    expect(checkExitDate('2019-01-01', '2020-01-01', '2026-01-01')?.code).toBe(
      'exit_before_admission',
    );
    expect(checkExitDate('2026-01-02', '2020-01-01', '2026-01-01')?.code).toBe('date_in_future');
  });
});

import { describe, expect, it } from 'vitest';
import {
  checkAdmissionDate,
  checkCardNo,
  checkCitizenId,
  checkEducation,
  checkEmail,
  checkName,
  checkOfficialDate,
  checkPhone,
  checkLength,
  normalizePhone,
  wholeYearsBetween,
} from './validation';

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

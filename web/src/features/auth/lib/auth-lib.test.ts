import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import type { Problem } from '@/types';
import { loginOutcome, minutesToWait } from './login-errors';
import { passwordLength, passwordProblem } from './password';
import { cleanCode, groupSecret, isTotpCode } from './totp';

const error = (status: number, code: Problem['code'], retryAfter?: number, extra = {}) =>
  new ApiError({ status, code, title: `title of ${code}`, ...extra }, retryAfter);

describe('waiting after too many failed sign-ins', () => {
  it('rounds seconds up to whole minutes, at least one', () => {
    expect(minutesToWait(900)).toBe(15);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(0)).toBe(1);
    expect(minutesToWait(undefined)).toBeUndefined();
    expect(minutesToWait(Number.NaN)).toBeUndefined();
  });

  it('takes the wait from Retry-After, else from the problem, else 15 minutes', () => {
    expect(loginOutcome(error(429, 'login_throttled', 300))).toEqual({
      kind: 'throttled',
      minutes: 5,
    });
    expect(loginOutcome(error(429, 'login_throttled', undefined, { retry_after: '120' }))).toEqual({
      kind: 'throttled',
      minutes: 2,
    });
    expect(loginOutcome(error(429, 'login_throttled'))).toEqual({ kind: 'throttled', minutes: 15 });
  });

  it('tells the other outcomes apart', () => {
    expect(loginOutcome(error(401, 'login_failed')).kind).toBe('failed');
    expect(loginOutcome(error(401, 'totp_required')).kind).toBe('totp_required');
    expect(loginOutcome(error(401, 'totp_invalid')).kind).toBe('totp_invalid');
    expect(loginOutcome(error(0, 'network_error')).kind).toBe('network');
    expect(loginOutcome(error(403, 'csrf_rejected'))).toEqual({
      kind: 'other',
      message: 'title of csrf_rejected',
    });
  });
});

describe('passwords', () => {
  it('count characters as the server does (code points)', () => {
    expect(passwordLength('mật khẩu')).toBe(8);
    expect(passwordLength('😀😀😀😀')).toBe(4);
  });

  it('need 8 to 128 characters and nothing else', () => {
    expect(passwordProblem('short')).toBe('password_too_short');
    expect(passwordProblem('abcdefgh')).toBeUndefined();
    expect(passwordProblem('x'.repeat(128))).toBeUndefined();
    expect(passwordProblem('x'.repeat(129))).toBe('password_too_long');
  });
});

describe('TOTP helpers', () => {
  it('group a secret by four for typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });

  it('accept 6 digits, spaces and dashes aside', () => {
    expect(isTotpCode('123456')).toBe(true);
    expect(isTotpCode('123 456')).toBe(true);
    expect(cleanCode('123-456')).toBe('123456');
    expect(isTotpCode('12345')).toBe(false);
    expect(isTotpCode('12345a')).toBe(false);
  });
});

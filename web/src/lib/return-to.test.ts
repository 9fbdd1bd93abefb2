import { describe, expect, it } from 'vitest';
import { afterSignIn, returnToOf, safeReturnTo, stageStep } from './return-to';

describe('safeReturnTo', () => {
  it('keeps paths of this app, with their query and fragment', () => {
    expect(safeReturnTo('/members?org=12&q=nguyen')).toBe('/members?org=12&q=nguyen');
    expect(safeReturnTo('/orgs/5#x')).toBe('/orgs/5#x');
    expect(safeReturnTo('/')).toBe('/');
  });

  it('refuses other sites and schemes', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'members',
      '/%2F%2Fevil.example',
      '/%5Cevil.example',
      '/\t/evil.example',
      '/ /evil.example',
      '/\n/evil.example',
    ]) {
      expect(safeReturnTo(bad), bad).toBeUndefined();
    }
  });

  it('refuses the sign-in steps and the API, and nothing at all', () => {
    expect(safeReturnTo('/login')).toBeUndefined();
    expect(safeReturnTo('/login?return_to=/orgs')).toBeUndefined();
    expect(safeReturnTo('/first-login/password')).toBeUndefined();
    expect(safeReturnTo('/api/v1/members.csv')).toBeUndefined();
    expect(safeReturnTo('/loginx')).toBe('/loginx');
    expect(safeReturnTo(null)).toBeUndefined();
    expect(safeReturnTo('')).toBeUndefined();
    expect(safeReturnTo(`/${'x'.repeat(3000)}`)).toBeUndefined();
  });

  it('refuses badly encoded paths', () => {
    expect(safeReturnTo('/%E0%A4%A')).toBeUndefined();
  });

  it('takes the current location', () => {
    expect(returnToOf({ pathname: '/members', search: '?org=3', hash: '' })).toBe('/members?org=3');
    expect(returnToOf({ pathname: '/login', search: '' })).toBeUndefined();
  });
});

describe('after signing in', () => {
  const me = { permissions: ['org.read' as const], member_id: null };

  it('goes to the step the stage needs, carrying the return address', () => {
    expect(stageStep('change_password')).toBe('password');
    expect(stageStep('enrol_totp')).toBe('totp');
    expect(stageStep('full')).toBeUndefined();
    expect(afterSignIn({ ...me, stage: 'change_password' }, '/members')).toBe(
      '/first-login/password?return_to=%2Fmembers',
    );
    expect(afterSignIn({ ...me, stage: 'enrol_totp' }, undefined)).toBe('/first-login/totp');
  });

  it('then to the return address, else home', () => {
    expect(afterSignIn({ ...me, stage: 'full' }, '/members?org=2')).toBe('/members?org=2');
    expect(afterSignIn({ ...me, stage: 'full' }, undefined)).toBe('/orgs');
  });
});

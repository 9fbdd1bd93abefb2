// The password policy as the server applies it (src/security/password.cpp, ASVS 6.2): at least
// 8 and at most 128 characters (code points), no composition rules. The server also refuses
// common passwords and ones containing the username; those problems come back per field.
export const minPasswordLength = 8;
export const maxPasswordLength = 128;

/** Length in characters as the server counts them (code points, not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

export type PasswordProblem = 'password_too_short' | 'password_too_long' | undefined;

export function passwordProblem(password: string): PasswordProblem {
  const length = passwordLength(password);
  if (length < minPasswordLength) return 'password_too_short';
  if (length > maxPasswordLength) return 'password_too_long';
  return undefined;
}

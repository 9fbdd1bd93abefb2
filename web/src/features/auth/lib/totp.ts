// Small helpers for the second factor's forms.

/** "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP": easier to copy by hand into an app. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** A code as typed ("123 456", "123-456") reduced to its digits. */
export function cleanCode(text: string): string {
  return text.replace(/[\s-]/g, '');
}

export function isTotpCode(text: string): boolean {
  return /^\d{6}$/.test(cleanCode(text));
}

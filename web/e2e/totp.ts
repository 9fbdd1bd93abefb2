// TOTP codes for the test accounts (RFC 6238 over RFC 4226: HMAC-SHA1, 30-second steps, 6
// digits), as an authenticator app computes them. The server refuses a code whose step was
// already used, so freshTotp() remembers the steps used (in a file shared by the test
// processes) and waits for the next step when needed.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The code for one 30-second step. */
export function hotp(secret: string, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

export const totpStep = (unixMs = Date.now()) => Math.floor(unixMs / 1000 / 30);

export function totp(secret: string, unixMs = Date.now()): string {
  return hotp(secret, totpStep(unixMs));
}

function ledger(secret: string): string {
  const dir = process.env.CHIBO_E2E_DIR;
  if (!dir) throw new Error('CHIBO_E2E_DIR is not set (global setup did not run)');
  return path.join(dir, `totp-step-${secret.slice(0, 8)}`);
}

/** A code whose step no earlier call used (waits up to 30 s for the next step). */
export async function freshTotp(secret: string): Promise<string> {
  const file = ledger(secret);
  const used = existsSync(file) ? Number(readFileSync(file, 'utf8')) : -1;
  while (totpStep() <= used) await new Promise((resolve) => setTimeout(resolve, 250));
  // Not too close to the end of a step: the server may see the next one.
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 27)
    await new Promise((resolve) => setTimeout(resolve, (30 - intoStep) * 1000 + 100));
  const step = totpStep();
  writeFileSync(file, String(step));
  return hotp(secret, step);
}

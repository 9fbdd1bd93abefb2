// TOTP codes for the test accounts (RFC 6238 over RFC 4226: HMAC-SHA1, 30-second steps, 6
// digits), as an authenticator app computes them. The server refuses a code whose step is not
// later than the last one used, so freshTotp() claims each step it uses (a file per secret and
// step, created exclusively: two test workers never get the same step) and waits for the next
// step when the current one is taken.
import { createHmac } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
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

function claimFile(secret: string, step: number): string {
  const dir = process.env.CHIBO_E2E_DIR;
  if (!dir) throw new Error('CHIBO_E2E_DIR is not set (global setup did not run)');
  return path.join(dir, `totp-${secret.slice(0, 8)}-${step}`);
}

/** Whether this process is the first to claim `step` of `secret`. */
function claim(secret: string, step: number): boolean {
  try {
    closeSync(openSync(claimFile(secret, step), 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const untilNextStep = () =>
  new Promise((resolve) => setTimeout(resolve, (30 - ((Date.now() / 1000) % 30)) * 1000 + 100));

/** A code for a step nobody used yet (waits for the next step, up to 30 s, when needed). */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    // Not too close to the end of a step: the server may see the next one.
    if ((Date.now() / 1000) % 30 > 27) {
      await untilNextStep();
      continue;
    }
    const step = totpStep();
    if (claim(secret, step)) return hotp(secret, step);
    await untilNextStep();
  }
}

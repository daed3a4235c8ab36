import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** Keys for one purpose each, derived from SESSION_SECRET: one secret to keep, none reused raw. */
function derive(sessionSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'spot-otonari', purpose, 32));
}

/**
 * TOTP keys are stored encrypted (AES-256-GCM) with a key derived from SESSION_SECRET, bound to
 * the staff member they belong to: a copy of the database alone does not give anyone's key, and
 * a ciphertext moved to another person's row does not open.
 */
export class SecretBox {
  private readonly key: Buffer;
  constructor(sessionSecret: string) {
    this.key = derive(sessionSecret, 'totp-secret-v1');
  }

  seal(plain: string, staffId: number): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`staff:${staffId}`));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  /** The plain text, or undefined when it cannot be opened (another SESSION_SECRET, or tampered). */
  open(sealed: string, staffId: number): string | undefined {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !data) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(`staff:${staffId}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}

/** Signed cookie values `token.signature`, the token kept in the database only as a hash. */
export class CookieSigner {
  private readonly key: Buffer;
  constructor(sessionSecret: string, purpose: string) {
    this.key = derive(sessionSecret, purpose);
  }

  issue(): { token: string; cookie: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, cookie: `${token}.${this.sign(token)}` };
  }

  tokenOf(cookieValue: string | undefined): string | undefined {
    if (!cookieValue) return undefined;
    const dot = cookieValue.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const token = cookieValue.slice(0, dot);
    const given = Buffer.from(cookieValue.slice(dot + 1));
    const expected = Buffer.from(this.sign(token));
    return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
  }

  private sign(token: string): string {
    return createHmac('sha256', this.key).update(token).digest('base64url');
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// 32 letters and digits without the look-alikes 0/O and 1/I: 16 of them carry 80 random bits.
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const RECOVERY_LENGTH = 16;
export const RECOVERY_CODE_COUNT = 10;

/** A new recovery code, in groups of four: `ABCD-EFGH-JKLM-NPQR`. */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < RECOVERY_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/** What the person typed, as stored before hashing; undefined when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | undefined {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_ー－]/g, '');
  if (compact.length !== RECOVERY_LENGTH) return undefined;
  for (const ch of compact) if (!RECOVERY_ALPHABET.includes(ch)) return undefined;
  return compact;
}

export const hashRecoveryCode = (normalised: string) => sha256(`recovery:${normalised}`);

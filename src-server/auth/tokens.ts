import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// API tokens: 32 random bytes, shown once when made; only their SHA-256 is stored, so a copy of the
// database gives nobody a working token. The token is looked up by its hash (an index), and the
// stored hash is compared again in constant time.

export const TOKEN_PREFIX = 'bcl_';

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A well-formed token (the prefix and 43 base64url characters); anything else is refused unread. */
export const looksLikeToken = (s: string) => /^bcl_[A-Za-z0-9_-]{43}$/.test(s);

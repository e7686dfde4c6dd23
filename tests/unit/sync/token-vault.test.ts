import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readToken, saveToken, setTokenVault, tokenOrProblem, tokenProtection, type TokenVault } from '../../../src-main/services/sync/state';

// The sync token at rest. Under Electron it is sealed by the OS keychain (safeStorage); here a real
// AES-GCM key plays the keychain's part, since the Electron binary cannot run in CI. What users rely
// on: the file never holds the token in clear when sealed, it is readable by the user only, and a
// process that cannot unseal it says so in words instead of sending garbage to the server.

const keychain = (key = crypto.randomBytes(32)): TokenVault => ({
  seal(token) {
    const iv = crypto.randomBytes(12);
    const c = crypto.createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([c.update(token, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  },
  open(sealed) {
    const d = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    d.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
  },
});

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-token-'));
const TOKEN = 'bcl_0123456789abcdef0123456789abcdef01234567';

afterEach(() => setTokenVault(null));

describe('the sync token at rest', () => {
  it('without a keychain: a plain file only this user may read', () => {
    const f = path.join(dir(), 'sync-token');
    saveToken(f, `${TOKEN}\n`);
    expect(tokenProtection()).toBe('file');
    expect(fs.readFileSync(f, 'utf8').trim()).toBe(TOKEN);
    expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    expect(readToken(f)).toBe(TOKEN);
  });

  it('with a keychain: sealed in the file, opened by the same keychain', () => {
    setTokenVault(keychain());
    const f = path.join(dir(), 'sync-token');
    saveToken(f, TOKEN);
    expect(tokenProtection()).toBe('keychain');
    const text = fs.readFileSync(f, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(4, 20));
    expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    expect(readToken(f)).toBe(TOKEN);
  });

  it('a sealed token where no keychain (the CLI) or another keychain opens it: a message in words, no token', () => {
    setTokenVault(keychain());
    const f = path.join(dir(), 'sync-token');
    saveToken(f, TOKEN);
    setTokenVault(null);
    const cli = tokenOrProblem(f);
    expect(cli.token).toBeNull();
    expect(cli.problem).toMatch(/sealed by the desktop app.*--token-file/);
    setTokenVault(keychain());
    const other = tokenOrProblem(f);
    expect(other.token).toBeNull();
    expect(other.problem).toMatch(/cannot be unsealed.*sign in again/);
  });

  it('a plain token file written before the keychain was set still reads (an upgrade keeps the sign-in)', () => {
    const f = path.join(dir(), 'sync-token');
    saveToken(f, TOKEN);
    setTokenVault(keychain());
    expect(readToken(f)).toBe(TOKEN);
    expect(tokenOrProblem(path.join(dir(), 'absent'))).toEqual({ token: null, problem: null });
  });
});

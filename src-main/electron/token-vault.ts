import { safeStorage } from 'electron';
import type { TokenVault } from '../services/sync/state';

/**
 * The sync token sealed with the operating system's keychain (Keychain on macOS, DPAPI on Windows,
 * libsecret/kwallet on Linux) through Electron's safeStorage. Null where there is no real keychain:
 * on Linux without one safeStorage falls back to a fixed built-in password ("basic_text"), which
 * protects nothing, so the token stays a plain user-only file and the Sync page warns about it.
 * Called after the app is ready (safeStorage is not usable before).
 */
export function electronTokenVault(): TokenVault | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    seal: (token) => safeStorage.encryptString(token),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}

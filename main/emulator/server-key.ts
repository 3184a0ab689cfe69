/**
 * Everything about the key the emulator accepts. The key generation itself lives with the
 * training key file, which is its main user.
 */
export { defaultServerKey, loadOrCreateTrainingKey } from './training-key.ts';

/** Why a key cannot be used for Basic auth, or null when it can. */
export function serverKeyProblem(key: string): string | null {
  // The key is the Basic-auth user name, so a ':' would end it early.
  if (key === '' || key.includes(':')) return 'serverKey must be non-empty and contain no ":"';
  return null;
}

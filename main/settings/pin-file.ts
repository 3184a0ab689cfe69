/**
 * The manager PIN for the headless `kiosk` CLI, in the same settings document the app keeps in its
 * data folder (settings.json): the CLI creates the first PIN (never replaces one) and checks it for
 * a refund, counting a wrong one towards the same lockout as the settings screen's. The document
 * is loaded (and repaired) exactly as browser mode loads it; nothing else in it is touched.
 *
 * One writer at a time: the app keeps the document in memory and rewrites it on its next change,
 * so run these with the app closed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pinProblems, type SettingsProblem } from '../../common/settings-input.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { SettingsState } from './document-store.ts';
import { jsonFileDocumentStore } from './json-file-store.ts';
import { loadDocument } from './load-document.ts';
import { checkManagerPin, type PinOutcome } from './manager-authority.ts';
import { afterRightPin, hashPin, lockedUntil } from './manager-pin.ts';
import type { SettingsDocument } from './settings-document.ts';

export const SETTINGS_FILE = 'settings.json';

export type PinCreation =
  | { ok: true }
  | { ok: false; reason: 'pin-exists' | 'read-only' }
  | { ok: false; reason: 'invalid'; problems: SettingsProblem[] };

export interface PinFile {
  /** Whether a manager PIN exists, and until when wrong PINs have locked it. */
  status(): { pinSet: boolean; lockedUntil: number | null };
  /** Creates the first manager PIN; never replaces one. */
  create(pin: string): Promise<PinCreation>;
  /** The PIN for one act; a wrong one counts towards the lockout (stored). */
  check(pin: string): Promise<PinOutcome>;
}

export function openPinFile(
  dataDir: string,
  options: { clock?: Clock; log?: (line: string) => void } = {},
): PinFile {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => console.error(line));
  const file = join(dataDir, SETTINGS_FILE);
  let state: SettingsState | undefined;
  // Loaded when first needed, and only from a file that exists: asking about a PIN writes nothing.
  const load = (): SettingsState => {
    state ??= loadDocument(jsonFileDocumentStore(file, { log }), { initialMode: 'training', log });
    return state;
  };
  const keeper = () => {
    const current = load();
    return {
      get document(): Readonly<SettingsDocument> {
        return current.document;
      },
      clock,
      draft: () => structuredClone(current.document) as SettingsDocument,
      state: current,
    };
  };
  return {
    status() {
      if (!existsSync(file)) return { pinSet: false, lockedUntil: null };
      const manager = load().document.manager;
      return { pinSet: manager.pin !== null, lockedUntil: lockedUntil(manager, clock.now()) };
    },
    async create(pin) {
      const problems = pinProblems(pin);
      if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
      const current = load();
      if (current.document.manager.pin !== null) return { ok: false, reason: 'pin-exists' };
      if (current.readOnly) return { ok: false, reason: 'read-only' };
      const next = structuredClone(current.document) as SettingsDocument;
      next.manager = { ...afterRightPin(next.manager), pin: await hashPin(pin) };
      current.commit(next);
      return { ok: true };
    },
    async check(pin) {
      if (!existsSync(file)) return 'no-pin';
      return checkManagerPin(keeper(), pin);
    },
  };
}

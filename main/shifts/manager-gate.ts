/**
 * The manager's say over the day: the Z and the cashier list ask for the manager PIN once one
 * exists (the same PIN and lockout as the settings screen, main/settings/manager-authority.ts).
 * Before any manager PIN is created nobody is the manager yet, as for the settings screen, so a
 * training kiosk with no setup can close its day. The CLI has no PIN to give: whoever runs it on
 * the till's machine already holds the journal.
 */
import { DayError } from './errors.ts';

export interface ManagerGate {
  pinSet(): Promise<boolean>;
  /** A wrong PIN counts towards the manager PIN's lockout. */
  checkPin(pin: string): Promise<'ok' | 'wrong' | 'locked' | 'no-pin'>;
}

export const NO_MANAGER: ManagerGate = {
  pinSet: () => Promise.resolve(false),
  checkPin: () => Promise.resolve('no-pin'),
};

export async function requireManager(gate: ManagerGate, pin: string | undefined): Promise<void> {
  if (!(await gate.pinSet())) return;
  if (pin === undefined || pin === '') {
    throw new DayError('pin-wrong', {
      id: 'Tindakan ini perlu PIN manajer. Masukkan PIN manajer.',
      en: 'This needs the manager PIN. Enter the manager PIN.',
    });
  }
  const outcome = await gate.checkPin(pin);
  if (outcome === 'ok' || outcome === 'no-pin') return;
  if (outcome === 'locked') {
    throw new DayError('pin-locked-out', {
      id: 'Terlalu banyak PIN manajer salah. Tunggu sebentar, lalu coba lagi.',
      en: 'Too many wrong manager PINs. Wait a while, then try again.',
    });
  }
  throw new DayError('pin-wrong', { id: 'PIN manajer salah.', en: 'The manager PIN is wrong.' });
}
